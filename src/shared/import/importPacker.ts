// Opening an import: each event is checked (the same check a native file's events get) and put into
// the columns the moment its importer makes it. The columns (what the timeline needs) are ready as
// soon as the last row is read; the native file image (for details and Save As) is written when
// asked, which can be after the timeline is showing. The outcome is what validateDataset then
// packDataset make of the importer's whole dataset (a test holds them to it).
import { capErrors, capProblems, type Problem } from '../dataset/problems';
import type { LoadedColumns } from '../dataset/datasetColumns';
import { PackWriter, type FileImage } from '../dataset/packDataset';
import type { DatasetInput } from '../dataset/schema';
import { DatasetValidator, type DatasetHeaderInput, type FastEventCheck } from '../dataset/validator';
import type { EventInput, GrowingHeader, ImportEventSink } from './importBuilder';

export interface ImportPackerOptions {
  /** Compiled JSON-Schema check of an event (Node only); zod runs only where it fails. */
  readonly fastCheck?: FastEventCheck;
  /** Told every few thousand events how many the importer has made and the line it reached. */
  readonly onEvents?: (events: number, line: number) => void;
}

/** Events between two onEvents calls. */
const EVENTS_PER_REPORT = 4096;

/** What the check and the packing came to. */
export type PackedImport =
  | { readonly ok: false; readonly problems: Problem[] }
  | {
      readonly ok: true;
      /** The columns of the events kept, and their header. */
      readonly loaded: LoadedColumns;
      /**
       * Writes the file image of the events kept (the events are let go then). Throws a RangeError
       * when it would pass 4 GB.
       */
      readonly image: () => FileImage;
      /** Events the importer made, and those the check kept. */
      readonly offered: number;
      readonly kept: number;
      /** Why events were left out (the check's errors), if any were. */
      readonly skipped: Problem[];
      readonly warnings: Problem[];
    };

export class ImportPacker implements ImportEventSink {
  #validator: DatasetValidator | undefined;
  #writer: PackWriter | undefined;
  #offered = 0;

  constructor(
    readonly file: string,
    private readonly options: ImportPackerOptions = {}
  ) {}

  begin(header: GrowingHeader): void {
    const v = new DatasetValidator(this.file, { ...(this.options.fastCheck ? { fastCheck: this.options.fastCheck } : {}), sharedObjects: true });
    v.useRefs(header);
    this.#validator = v;
    this.#writer = new PackWriter(header);
    this.#offered = 0;
  }

  add(event: EventInput, line: number | undefined): void {
    const v = this.#validator;
    const writer = this.#writer;
    if (!v || !writer) throw new Error('ImportPacker.add before begin');
    const index = this.#offered++;
    // Past so many errors the file fails anyway: the rest is not looked at.
    if (v.gaveUp) return;
    // An item of a JSON file has no line: its problems name it by its path alone.
    const checked = v.event(event, index, line === undefined ? undefined : () => ({ line, column: 1 }));
    if (checked) writer.add(checked);
    if ((index + 1) % EVENTS_PER_REPORT === 0) this.options.onEvents?.(index + 1, line ?? 0);
  }

  /**
   * Check the header the importer built (`dataset`; its events went through add) and say what
   * opening comes to: as validateDataset with skipInvalidEvents, the events that failed their
   * check are left out when nothing else is wrong.
   */
  finish(dataset: DatasetInput): PackedImport {
    const v = this.#validator;
    const writer = this.#writer;
    if (!v || !writer) throw new Error('ImportPacker.finish before begin');
    const { events: _events, ...rest } = dataset;
    const header = v.header(rest as Record<string, unknown>);
    const { errors, warnings } = v.result();
    const skippable = v.fileErrorCount === 0 && !v.gaveUp && header !== undefined && writer.count > 0;
    if ((errors.length > 0 && !skippable) || !header) return { ok: false, problems: capErrors(errors) };
    const checkedHeader: DatasetHeaderInput = header;
    return {
      ok: true,
      loaded: writer.columns(checkedHeader),
      image: () => writer.image(checkedHeader),
      offered: this.#offered,
      kept: writer.count,
      skipped: errors.length > 0 ? capErrors(errors) : [],
      warnings: capProblems(warnings)
    };
  }
}
