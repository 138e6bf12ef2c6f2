// Argument schemas for every invoke channel; main validates each call against these before a
// handler sees it. Kept apart from the contract so the preload bundle stays free of zod.
import { z } from 'zod';
import { idSchema } from '../dataset/schema';
import type { InvokeArgs, InvokeMethod } from './contract';

export const INVOKE_ARGS = {
  getDataset: z.tuple([]),
  getEvent: z.tuple([z.number().int().min(0).max(0xffffffff)]),
  cancelLoad: z.tuple([]),
  getAppInfo: z.tuple([]),
  openSourceUrl: z.tuple([idSchema])
} as const satisfies { [M in InvokeMethod]: z.ZodType<InvokeArgs<M>> };
