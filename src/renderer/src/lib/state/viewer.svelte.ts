// What the viewer shows: the loaded dataset (replaced whole, never mutated, so held raw), its
// timeline model, the lane mode, the selection and the visible window.
import type { Problem } from '../../../../shared/dataset/problems';
import { buildTimelineModel, type LaneMode, type ResolvedEvent, type TimeRange, type TimelineModel } from '../../../../shared/dataset/timelineModel';
import type { AppError, DatasetPayload } from '../../../../shared/ipc/contract';
import { getApi } from '../api';

export class ViewerState {
  payload = $state.raw<DatasetPayload | undefined>(undefined);
  loadError = $state.raw<AppError | undefined>(undefined);
  loading = $state(true);
  laneMode = $state<LaneMode>('theatre');
  selectedId = $state<string | undefined>(undefined);
  window = $state.raw<TimeRange | undefined>(undefined);
  showShortcuts = $state(false);

  readonly model: TimelineModel | undefined = $derived(this.payload ? buildTimelineModel(this.payload.dataset) : undefined);
  readonly selected: ResolvedEvent | undefined = $derived(
    this.model && this.selectedId !== undefined ? this.model.byId.get(this.selectedId) : undefined
  );
  readonly warnings: readonly Problem[] = $derived(this.payload?.warnings ?? []);
  /** Historical-context events that lie outside the story's range (e.g. 1916 in a 2014–2017 story). */
  readonly offStory: readonly ResolvedEvent[] = $derived(
    this.model?.storyRange
      ? this.model.events.filter((e) => e.event.type === 'context' && (e.end <= this.model!.storyRange!.start || e.start >= this.model!.storyRange!.end))
      : []
  );

  async load(): Promise<void> {
    this.loading = true;
    try {
      const result = await getApi().getDataset();
      if (result.ok) {
        this.payload = result.value;
        this.loadError = undefined;
      } else {
        this.loadError = result.error;
      }
    } catch (err) {
      this.loadError = { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.loading = false;
    }
  }

  /** Step the selection through events in chronological order. */
  step(direction: 1 | -1): ResolvedEvent | undefined {
    const events = this.model?.events;
    if (!events || events.length === 0) return undefined;
    const current = this.selected ? events.indexOf(this.selected) : -1;
    const next = current === -1 ? (direction === 1 ? 0 : events.length - 1) : Math.min(events.length - 1, Math.max(0, current + direction));
    const event = events[next];
    this.selectedId = event?.event.id;
    return event;
  }
}
