// First of the page's modules: zod checks without compiling code (its JIT uses new Function, which
// the page's CSP forbids). Must run before any schema is made, so the entry imports it first.
import { z } from 'zod';

z.config({ jitless: true });
