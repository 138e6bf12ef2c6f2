// Checking the held dataset's local copies against their SHA-256, off the critical path of showing
// it: the checks start once the dataset is handed over (a timer later) and run one copy at a time
// in the background; the details asking for a copy not yet reached have it checked at once.
// Opening another dataset stops the checks of the one before.
import type { LocalCopyCheck } from '../../shared/dataset/localCopies';
import type { Source } from '../../shared/dataset/schema';
import { checkSourceCopy } from './localCopyHash';

interface Run {
  /** The dataset checked (the held payload's identity). */
  readonly key: object;
  readonly datasetPath: string;
  readonly sources: ReadonlyMap<string, Source>;
  readonly results: Map<string, Promise<LocalCopyCheck>>;
  stopped: boolean;
  /** Settles once the background pass is over (or stopped). */
  readonly done: Promise<void>;
}

export interface LocalCopyChecksOptions {
  /** How long after the dataset is handed over the background pass starts, in ms (default 0: the next timer). */
  readonly delayMs?: number;
  /** Check one source's copy (default: read it safely and hash it). */
  readonly check?: (datasetPath: string, source: Source) => Promise<LocalCopyCheck>;
}

export class LocalCopyChecks {
  #run: Run | undefined;
  readonly #delayMs: number;
  readonly #check: (datasetPath: string, source: Source) => Promise<LocalCopyCheck>;

  constructor(options: LocalCopyChecksOptions = {}) {
    this.#delayMs = options.delayMs ?? 0;
    this.#check = options.check ?? checkSourceCopy;
  }

  /**
   * Start checking the local copies of `sources` (a dataset whose identity is `key`, at
   * `datasetPath`) in the background; the pass for any other dataset stops. Nothing waits for it.
   */
  start(key: object, datasetPath: string, sources: readonly Source[]): void {
    if (this.#run?.key === key) return;
    this.#begin(key, datasetPath, sources);
  }

  /**
   * The check of source `sourceId`'s local copy in the dataset `key` (started now when the
   * background pass has not reached it); undefined when the source has no local copy.
   */
  check(key: object, datasetPath: string, sources: readonly Source[], sourceId: string): Promise<LocalCopyCheck> | undefined {
    const run = this.#run?.key === key ? this.#run : this.#begin(key, datasetPath, sources);
    return this.#one(run, sourceId);
  }

  /** Every check of the dataset being checked, once the background pass is over (tests, diagnostics). */
  async settled(): Promise<LocalCopyCheck[]> {
    const run = this.#run;
    if (!run) return [];
    await run.done;
    return Promise.all(run.results.values());
  }

  /** How many copies of the current dataset have been checked or are being checked. */
  get started(): number {
    return this.#run?.results.size ?? 0;
  }

  #begin(key: object, datasetPath: string, sources: readonly Source[]): Run {
    if (this.#run) this.#run.stopped = true;
    const withCopies = new Map(sources.filter((s) => s.localCopy !== undefined).map((s) => [s.id, s]));
    let finished!: () => void;
    const run: Run = { key, datasetPath, sources: withCopies, results: new Map(), stopped: false, done: new Promise<void>((resolve) => (finished = resolve)) };
    setTimeout(() => {
      void (async () => {
        for (const id of withCopies.keys()) {
          if (run.stopped) break;
          await this.#one(run, id);
        }
      })().finally(finished);
    }, this.#delayMs);
    this.#run = run;
    return run;
  }

  #one(run: Run, sourceId: string): Promise<LocalCopyCheck> | undefined {
    const known = run.results.get(sourceId);
    if (known) return known;
    const source = run.sources.get(sourceId);
    if (!source) return undefined;
    // Never rejects: a copy that cannot be read is a check that says so.
    const checking = this.#check(run.datasetPath, source).catch(
      (err: unknown): LocalCopyCheck => ({ source: source.id, localCopy: source.localCopy ?? '', state: 'unreadable', reason: err instanceof Error ? err.message : String(err) })
    );
    run.results.set(sourceId, checking);
    return checking;
  }
}
