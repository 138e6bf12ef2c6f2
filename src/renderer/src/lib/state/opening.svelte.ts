// Opening, saving and reloading files: the dataset on show (replaced whole, never mutated, so held
// raw), the load in progress, and what an open that waits for the user holds (a review of rows
// left out, a table's column mapping, an error). Nothing shown changes unless a dataset opened.
import type { AppError, DatasetPayload, LoadProgress, NeedsMapping, NeedsReview, OpenOutcome, RecentFile, Result, SaveFormat } from '../../../../shared/ipc/contract';
import { FORMAT_LABEL } from '../../../../shared/import/types';
import { getApi } from '../api';
import type { Notices } from './notices.svelte';

export class OpeningState {
  payload = $state.raw<DatasetPayload | undefined>(undefined);
  /** The dataset main held at start could not be opened (nothing to show). */
  loadError = $state.raw<AppError | undefined>(undefined);
  /** A file is being read (main's worker is busy): the progress and Cancel show. */
  loading = $state(true);
  progress = $state.raw<LoadProgress | undefined>(undefined);
  /** A file that could not be opened (the previous dataset stays). */
  openError = $state.raw<AppError | undefined>(undefined);
  /** A file with rows that could not be used: open the rest, or keep what was open. */
  review = $state.raw<NeedsReview | undefined>(undefined);
  /** A generic table whose columns the user confirms. */
  mapping = $state.raw<NeedsMapping | undefined>(undefined);
  recent = $state.raw<readonly RecentFile[]>([]);

  readonly #notices: Notices;
  /** Called with each newly opened dataset, before it is shown (the viewer starts afresh). */
  readonly #onshow: (payload: DatasetPayload) => void;
  #mainOpenWaiting = false;

  constructor(notices: Notices, onshow: (payload: DatasetPayload) => void) {
    this.#notices = notices;
    this.#onshow = onshow;
  }

  /** Listen for load progress for as long as the window lives; returns the unsubscribe. */
  listen(): () => void {
    return getApi().onLoadProgress((p) => {
      if (this.loading) this.progress = p;
    });
  }

  /** The dataset main holds at start (the bundled one), then whatever main opened by itself. */
  async load(): Promise<void> {
    this.loading = true;
    const api = getApi();
    try {
      const result = await api.getDataset();
      if (result.ok) await this.#show(result.value);
      else this.loadError = result.error;
    } catch (err) {
      this.loadError = { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.loading = false;
      this.progress = undefined;
    }
    void this.refreshRecent();
    await this.open(() => api.takeMainOpen());
  }

  async #show(payload: DatasetPayload): Promise<void> {
    // Marks for the benchmark: from here to the first painted frame of the timeline.
    performance.mark('frontline:dataset-received');
    // Indexing starts in a task of its own, after the one that delivered the data.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.#onshow(payload);
    this.payload = payload;
    this.loadError = undefined;
  }

  /**
   * Open a file through one of the API's open calls (dialog, drop, recent, reload, mapping,
   * review) and act on what came of it. Nothing shown changes unless a dataset was opened.
   */
  async open(call: () => Promise<Result<OpenOutcome>>): Promise<void> {
    if (this.loading) return;
    try {
      await this.#open(call);
    } finally {
      // Main opened a file by itself (a second instance, the OS) while this was running.
      if (this.#mainOpenWaiting) {
        this.#mainOpenWaiting = false;
        void this.open(() => getApi().takeMainOpen());
      }
    }
  }

  /** Main has opened a file by itself: fetch the outcome now, or as soon as the running open ends. */
  openFromMain(): void {
    if (this.loading) this.#mainOpenWaiting = true;
    else void this.open(() => getApi().takeMainOpen());
  }

  async #open(call: () => Promise<Result<OpenOutcome>>): Promise<void> {
    this.loading = true;
    this.progress = undefined;
    let result: Result<OpenOutcome>;
    try {
      result = await call();
    } catch (err) {
      result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    } finally {
      this.loading = false;
      this.progress = undefined;
    }
    this.review = undefined;
    this.mapping = undefined;
    // An IPC error (a refused call) is shown as an open that failed.
    const outcome: OpenOutcome = result.ok ? result.value : { kind: 'failed', error: result.error };
    switch (outcome.kind) {
      case 'opened': {
        await this.#show(outcome.dataset);
        const file = outcome.dataset.file;
        const skipped = outcome.dataset.warnings.length;
        this.#notices.show(
          `Opened ${file.displayName} (${FORMAT_LABEL[file.format]}): ${outcome.dataset.columns.count.toLocaleString('en-GB')} events${skipped > 0 ? `, ${skipped} warning${skipped === 1 ? '' : 's'}` : ''}${file.fromCache ? ', from the cache (unchanged since last opened)' : ''}.`
        );
        void this.refreshRecent();
        return;
      }
      case 'needs-review':
        this.review = outcome;
        return;
      case 'needs-mapping':
        this.mapping = outcome;
        return;
      case 'failed':
        this.openError = outcome.error;
        return;
      case 'cancelled':
        this.#notices.show(outcome.message);
        return;
      case 'dismissed':
        return;
    }
  }

  async refreshRecent(): Promise<void> {
    const result = await getApi().getRecentFiles();
    if (result.ok) this.recent = result.value;
  }

  /** Save the events at these column indices (all: null) as a native file or CSV. */
  async save(format: SaveFormat, indices: Uint32Array | null): Promise<void> {
    let result;
    try {
      result = await getApi().saveAs(format, indices);
    } catch (err) {
      this.#notices.error(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!result.ok) {
      this.#notices.error(result.error.message);
      return;
    }
    if ('dismissed' in result.value) return;
    const { path, events, warnings } = result.value;
    const saved = `Saved ${events.toLocaleString('en-GB')} event${events === 1 ? '' : 's'} to ${path}.`;
    // What Save As says about local copies (a changed copy's hash kept, a missing copy) stays until read.
    if (warnings && warnings.length > 0) this.#notices.error(`${saved} ${warnings.join(' ')}`);
    else this.#notices.show(saved);
  }

  /** File > Clear Cache: empty main's cache of opened files, and say what went. */
  async clearCache(): Promise<void> {
    let result;
    try {
      result = await getApi().clearCache();
    } catch (err) {
      this.#notices.error(`Could not clear the cache: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!result.ok) {
      this.#notices.error(result.error.message);
      return;
    }
    const { entries, bytes } = result.value;
    this.#notices.show(
      entries === 0
        ? 'The cache of opened files was already empty.'
        : `Cleared the cache of opened files: ${entries.toLocaleString('en-GB')} file${entries === 1 ? '' : 's'}, ${(bytes / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB. Files open from disk again next time.`
    );
  }

  async cancelLoad(): Promise<void> {
    await getApi().cancelLoad();
  }
}
