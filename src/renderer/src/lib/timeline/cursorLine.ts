// The time cursor drawn on the timeline: a vertical line at the middle of the cursor's day (a
// vis-timeline custom time), labelled with the date; dragging it sets the cursor to the day it is
// dropped on. Absent until the user sets the cursor (no line over the events before that).
import type { Timeline } from 'vis-timeline/esnext';
import { DAY_MS } from '../../../../shared/time/calendar';
import { cursorLabel, dayOf } from '../cursor/cursorStep';

/** The custom time's id (also its class on the line's element). */
export const CURSOR_LINE_ID = 'fl-time-cursor';

export class CursorLine {
  readonly #timeline: Timeline;
  #day: number | undefined;

  /** `ondrop`: the line was dragged and let go at this time. */
  constructor(timeline: Timeline, ondrop: (time: number) => void) {
    this.#timeline = timeline;
    timeline.on('timechanged', (props: { id: string | number; time: Date }) => {
      if (props.id === CURSOR_LINE_ID) ondrop(props.time.valueOf());
    });
  }

  /** Draw the line at this day (UTC ms of its start), or remove it (undefined). */
  set(day: number | undefined): void {
    const t = this.#timeline;
    if (day === undefined) {
      if (this.#day !== undefined) t.removeCustomTime(CURSOR_LINE_ID);
      this.#day = undefined;
      return;
    }
    const at = dayOf(day) + DAY_MS / 2;
    if (this.#day === undefined) t.addCustomTime(at, CURSOR_LINE_ID);
    else t.setCustomTime(at, CURSOR_LINE_ID);
    this.#day = dayOf(day);
    const label = cursorLabel(this.#day);
    t.setCustomTimeTitle(`Time cursor: ${label} (drag it, or , and . to step, K to play)`, CURSOR_LINE_ID);
    // In vis-timeline 7 but not in the esnext build's typings: the date written at the line's top.
    (t as Timeline & { setCustomTimeMarker?(title: string, id: string, editable: boolean): void }).setCustomTimeMarker?.(label, CURSOR_LINE_ID, false);
  }
}
