// Opening a file through the cache: the file is measured and read as always (its bytes are needed
// to hash it, and a native file's are its image), then an entry for the same file, unchanged and
// read the same way, answers instead of parsing and checking it again. Without one (or with a
// stale, corrupt or foreign one) the file opens as it would have, and what opened is kept for
// next time. The cache never fails an open: at worst it is not used.
import type { FileRef } from '../../shared/ipc/contract';
import type { FileProgress } from '../dataset/loadDatasetFile';
import type { FileImage } from '../../shared/dataset/packDataset';
import { datasetOf, imageNow, measureFile, openBytes, openDatasetFile, readWhole, strictly, type OpenRequest, type ReadOutcome } from '../dataset/openDatasetFile';
import { touchEntry } from './cacheEntries';
import { entryKey, type CacheConfig } from './openCache';
import { assemble, probeEntry, readBlocks, readHashed } from './readEntry';
import { prepareEntry, type PreparedEntry } from './writeEntry';

export interface CachedOpen {
  readonly outcome: ReadOutcome;
  /** Set when what opened is to be kept: give it the file image (before handing that over), then write. */
  readonly entry?: PreparedEntry;
  /** What the cache made of it, for the log (none without a cache). */
  readonly note?: string;
}

export interface CachedOpenOptions {
  readonly onProgress?: (p: FileProgress) => void;
  /**
   * Copy what the entry needs as it is taken (the load worker hands its arrays over to main,
   * which would leave the entry none); the inline loader keeps them and needs no copy.
   */
  readonly copy: boolean;
}

/** Open `file` as `request` asks, through the cache when there is one. Never throws for the file or the cache. */
export async function openThroughCache(file: FileRef, request: OpenRequest, cache: CacheConfig | undefined, options: CachedOpenOptions): Promise<CachedOpen> {
  const { onProgress } = options;
  if (!cache) return { outcome: await openDatasetFile(file.path, file.displayName, request, onProgress) };
  const measured = await measureFile(file, request);
  if ('kind' in measured) return { outcome: measured };
  const key = entryKey(file.path, file.displayName, { ...request, format: measured.format });
  const probe = await probeEntry(cache, key, measured);
  // With an entry to check, the file is read and hashed (as it comes in) while the entry's blocks
  // are read and checked; without one it is read as always, and hashed only once it has opened.
  let sourceHash: string | undefined;
  const reading =
    'miss' in probe
      ? readWhole(measured, onProgress)
      : readWhole(measured, onProgress, async (path, size) => {
          const hashed = await readHashed(path, size);
          sourceHash = hashed.sha256;
          return hashed.raw;
        });
  const checked = 'miss' in probe ? probe : await readBlocks(probe).then((blocks) => ('miss' in blocks ? blocks : { probe, blocks }));
  const raw = await reading;
  if (!(raw instanceof Uint8Array)) return { outcome: raw };
  let miss: string;
  if ('miss' in checked) miss = checked.miss;
  else {
    // Should an import's image in the entry be damaged when read, it is made from the file again.
    const rebuild = (): FileImage => {
      const again = datasetOf(openBytes(measured, raw, request));
      if (!again) throw new Error(`${file.displayName} could not be read again`);
      return imageNow(again.dataset.image);
    };
    const hit = assemble(checked.probe, checked.blocks, raw, sourceHash ?? '', rebuild);
    if (!('miss' in hit)) {
      await touchEntry(checked.probe.path);
      const { dataset } = hit;
      onProgress?.({ phase: 'checking', done: measured.size, total: measured.size, events: dataset.columns.count });
      const outcome: ReadOutcome =
        hit.kind === 'opened' ? { kind: 'opened', file, dataset } : { kind: 'needs-review', file, format: dataset.format, rows: dataset.rows, problems: hit.skipped, dataset };
      return { outcome: strictly(outcome, request), note: `opened ${file.displayName} from the cache` };
    }
    miss = hit.miss;
  }
  const outcome = openBytes(measured, raw, request, onProgress);
  const read = datasetOf(outcome);
  const note = `${file.displayName} not from the cache: ${miss === 'absent' ? 'no entry yet' : `its entry is ${miss}`}`;
  if (!read || (outcome.kind !== 'opened' && outcome.kind !== 'needs-review')) return { outcome, note };
  try {
    const entry = prepareEntry(cache, key, measured, raw, sourceHash, { kind: outcome.kind, dataset: read.dataset, skipped: read.skipped }, { copy: options.copy });
    return { outcome, entry, note };
  } catch (err) {
    // Columns the cache cannot write (a kind of column it does not know): opened all the same.
    return { outcome, note: `${note}; it cannot be cached (${err instanceof Error ? err.message : String(err)})` };
  }
}
