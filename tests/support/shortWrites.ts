// Test stand-in for a filling disk: node:fs/promises with open() wrapped so that writes to our
// temporary files come back short (fewer bytes than asked, then none) without an error, as write() does.
// Use in a test file:  vi.mock('node:fs/promises', async (real) => (await import('<this>')).withShortWrites(await real()));
import type * as FsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

type Fs = typeof FsPromises;
type FileHandle = FsPromises.FileHandle;

export interface ShortWritePlan {
  /** Only the temporary files of this target are cut short (all of ours when absent). */
  readonly target?: string;
  /** The most bytes one write() call writes. */
  readonly perCall?: number;
  /** The bytes one file may take in all; past that, write() says 0 bytes were written. */
  readonly capacity?: number;
  /** write() claims every byte asked for while writing only what the plan allows (a lying file system). */
  readonly lies?: boolean;
}

let plan: ShortWritePlan | undefined;
let calls = 0;

/** Control of the stand-in from the tests: what comes next, and how many writes it cut or passed on. */
export const shortWrites = {
  set(next: ShortWritePlan): void {
    plan = next;
    calls = 0;
  },
  clear(): void {
    plan = undefined;
  },
  get calls(): number {
    return calls;
  }
};

/** Is `path` a temporary file writeFileAtomic makes for the plan's target (or for any target)? */
function planned(path: string, p: ShortWritePlan): boolean {
  if (!basename(path).includes('.frontline-tmp-')) return false;
  if (p.target === undefined) return true;
  return path.startsWith(join(dirname(p.target), `.${basename(p.target)}.frontline-tmp-`));
}

/** `fs` with open() cutting writes short while a plan is set; everything else is the real thing. */
export function withShortWrites(fs: Fs): Fs {
  const open = (async (...args: Parameters<Fs['open']>) => {
    const handle = await fs.open(...args);
    const p = plan;
    return p && planned(String(args[0]), p) ? cutShort(handle, p) : handle;
  }) as Fs['open'];
  const base = (fs as Fs & { default?: Fs }).default ?? fs;
  return { ...fs, open, default: { ...base, open } } as Fs;
}

function cutShort(handle: FileHandle, p: ShortWritePlan): FileHandle {
  let taken = 0;
  const write = async (buffer: unknown, ...rest: unknown[]) => {
    if (!(buffer instanceof Uint8Array)) throw new Error('the short-write stand-in takes bytes only');
    let offset = 0;
    let length: number | undefined;
    let position: number | null = null;
    if (typeof rest[0] === 'object' && rest[0] !== null) {
      const o = rest[0] as { offset?: number; length?: number; position?: number | null };
      offset = o.offset ?? 0;
      length = o.length;
      position = o.position ?? null;
    } else {
      offset = (rest[0] as number | undefined) ?? 0;
      length = rest[1] as number | undefined;
      position = (rest[2] as number | null | undefined) ?? null;
    }
    length ??= buffer.byteLength - offset;
    calls++;
    const room = p.capacity === undefined ? Infinity : Math.max(0, p.capacity - taken);
    const n = Math.min(length, p.perCall ?? Infinity, room);
    let written = 0;
    if (n > 0) written = (await handle.write(buffer, offset, n, position)).bytesWritten;
    taken += written;
    return { bytesWritten: p.lies ? length : written, buffer };
  };
  return new Proxy(handle, {
    get(target, key) {
      if (key === 'write') return write;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    }
  });
}
