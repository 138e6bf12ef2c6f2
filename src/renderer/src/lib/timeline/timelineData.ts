// What the timeline shows, before any drawing: the dataset's columns, its lanes in the chosen mode
// (which lane each event is in), the filter, the eras drawn behind the lanes, and the time index
// over the lanes the feed is planned from (rebuilt for a new filter or lane mode).
import { FLAG_ERA, type DatasetHeader, type EventColumns, type LaneInfo } from '../../../../shared/dataset/columns';
import { EventIndex } from '../../../../shared/timeline/eventIndex';
import { assignLanes, type LaneMode } from '../../../../shared/timeline/laneAssignment';

/** Most eras drawn (TimelineJS eras are a handful; a file with thousands is not a timeline of eras). */
const MAX_ERAS = 500;

export class TimelineData {
  header: DatasetHeader | undefined;
  cols: EventColumns | undefined;
  laneMode: LaneMode = 'theatre';
  lanes: LaneInfo[] = [];
  laneOf: Uint16Array = new Uint16Array(0);
  /** The index over the lanes (undefined while a large dataset is being set up). */
  index: EventIndex | undefined;
  include: ((i: number) => boolean) | undefined;
  /** Column indices of eras (TimelineJS eras): drawn behind every lane, never as items. */
  eras: number[] = [];

  /** New data: no filter, lanes and index still to build. */
  reset(header: DatasetHeader, cols: EventColumns, laneMode: LaneMode): void {
    this.header = header;
    this.cols = cols;
    this.laneMode = laneMode;
    this.include = undefined;
    this.eras = [];
    for (let i = 0; i < cols.count && this.eras.length < MAX_ERAS; i++) if (cols.flags[i]! & FLAG_ERA) this.eras.push(i);
    this.index = undefined;
    this.lanes = [];
  }

  /** Lanes in the current mode, and their index. */
  buildLanes(): void {
    const { cols, header } = this;
    if (!cols || !header) return;
    const assignment = assignLanes(this.laneMode, header, cols);
    this.lanes = [...assignment.lanes];
    this.laneOf = assignment.laneOf;
    this.#buildIndex();
  }

  /** Same lanes, new filter: a new index (the feed then adds and removes only what changed). */
  setFilter(include: ((i: number) => boolean) | undefined): void {
    this.include = include;
    if (this.cols) this.#buildIndex();
  }

  #buildIndex(): void {
    this.index = new EventIndex(this.cols!, { laneOf: this.laneOf, laneCount: this.lanes.length }, this.#indexInclude());
  }

  /** The filter the lanes' index applies: the user's, and never eras (drawn behind the lanes). */
  #indexInclude(): ((i: number) => boolean) | undefined {
    const include = this.include;
    const cols = this.cols;
    if (this.eras.length === 0 || !cols) return include;
    const flags = cols.flags;
    return include ? (i) => (flags[i]! & FLAG_ERA) === 0 && include(i) : (i) => (flags[i]! & FLAG_ERA) === 0;
  }

  /** Whether event i is shown as an event (the filter lets it through, and it is not an era). */
  shown(i: number): boolean {
    return (this.cols!.flags[i]! & FLAG_ERA) === 0 && (!this.include || this.include(i));
  }

  /** The next or previous event shown, in time order, from `index`. */
  neighbour(index: number, direction: 1 | -1): number | undefined {
    const cols = this.cols;
    if (!cols) return undefined;
    for (let i = index + direction; i >= 0 && i < cols.count; i += direction) if (this.shown(i)) return i;
    return undefined;
  }
}
