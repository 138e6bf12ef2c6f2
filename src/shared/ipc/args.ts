// Argument schemas for every invoke channel; main validates each call against these before a
// handler sees it. Kept apart from the contract so the preload bundle stays free of zod.
import { z } from 'zod';
import { idSchema } from '../dataset/schema';
import { CSV_FIELDS } from '../import/types';
import type { InvokeArgs, InvokeMethod } from './contract';

const path = z.string().min(1).max(4096);
const token = z.string().regex(/^[a-f0-9]{16,64}$/);
const mapping = z.partialRecord(z.enum(CSV_FIELDS), z.number().int().min(0).max(9999));

export const INVOKE_ARGS = {
  getDataset: z.tuple([]),
  getEvent: z.tuple([z.number().int().min(0).max(0xffffffff)]),
  cancelLoad: z.tuple([]),
  openFileDialog: z.tuple([]),
  openDroppedFile: z.tuple([path]),
  openRecent: z.tuple([path]),
  reloadFile: z.tuple([]),
  openWithMapping: z.tuple([token, mapping]),
  resolveReview: z.tuple([token, z.boolean()]),
  getRecentFiles: z.tuple([]),
  takeMainOpen: z.tuple([]),
  saveAs: z.tuple([z.enum(['frontline', 'csv']), z.instanceof(Uint32Array).nullable()]),
  getAppInfo: z.tuple([]),
  openSourceUrl: z.tuple([idSchema])
} as const satisfies { [M in InvokeMethod]: z.ZodType<InvokeArgs<M>> };
