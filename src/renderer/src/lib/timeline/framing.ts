// The default view (Fit) and the whole range, at the timeline's width: the frame of where the
// events are (frameWindow, the rule exports follow), with room for the last labels after their
// marks; long background spans and far-off context run off its edges and are counted there.
import { FLAG_ERA, NO_END, type EventColumns } from '../../../../shared/dataset/columns';
import { frameWindow, type FrameItem } from '../../../../shared/timeline/frame';
import type { TimeRange } from '../view/windowMath';
import { LABEL_GAP_PX } from './itemLayout';

/** Past this many events the frame is found from an even sample of them (labels at a typical width). */
export const FRAME_SAMPLE = 4_000;
const DAY = 86_400_000;

export interface ViewFrame extends TimeRange {
  /** Events the filters show wholly before the frame, and wholly after it. */
  readonly before: number;
  readonly after: number;
}

export interface FrameInput {
  readonly cols: EventColumns;
  readonly include: ((i: number) => boolean) | undefined;
  /** Width of the time axis, px. */
  readonly widthPx: number;
  /** Label width of an event, px (measured, for datasets up to FRAME_SAMPLE events). */
  readonly labelPx: (i: number) => number;
  /** A typical label's width, px (for the sample of a large dataset). */
  readonly typicalLabelPx: number;
}

const shown = (input: FrameInput, i: number) => (input.cols.flags[i]! & FLAG_ERA) === 0 && (!input.include || input.include(i));

/** Events wholly before and wholly after a window, among those shown. O(n). */
export function outside(input: Pick<FrameInput, 'cols' | 'include'>, w: TimeRange): { before: number; after: number } {
  const { cols } = input;
  let before = 0;
  let after = 0;
  for (let i = 0; i < cols.count; i++) {
    if (!shown(input as FrameInput, i)) continue;
    if (cols.end[i]! <= w.start) before++;
    else if (cols.start[i]! >= w.end) after++;
  }
  return { before, after };
}

/** The default view: where the events are. Undefined when the filters show none. */
export function frameView(input: FrameInput): ViewFrame | undefined {
  const { cols } = input;
  let total = 0;
  for (let i = 0; i < cols.count; i++) if (shown(input, i)) total++;
  if (total === 0) return undefined;
  const stride = total > FRAME_SAMPLE ? total / FRAME_SAMPLE : 1;
  const items: FrameItem[] = [];
  let k = 0;
  let next = 0;
  for (let i = 0; i < cols.count; i++) {
    if (!shown(input, i)) continue;
    if (k++ < next) continue;
    next += stride;
    items.push({ start: cols.start[i]!, end: cols.end[i]!, span: cols.endPrecision[i] !== NO_END, labelPx: stride > 1 ? input.typicalLabelPx : input.labelPx(i) });
  }
  const frame = frameWindow(items, { widthPx: input.widthPx, gapPx: LABEL_GAP_PX, marginPx: 16, minSpanMs: 7 * DAY });
  if (!frame) return undefined;
  return stride > 1 ? { ...frame, ...outside(input, frame) } : frame;
}

/** The whole range of the events shown (eras included: they set the scene), with a margin. */
export function wholeRange(input: Pick<FrameInput, 'cols' | 'include'>): TimeRange | undefined {
  const { cols } = input;
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < cols.count; i++) {
    if (input.include && !input.include(i)) continue;
    start = Math.min(start, cols.start[i]!);
    end = Math.max(end, cols.end[i]!);
  }
  if (!(end > start)) return undefined;
  const pad = Math.max(DAY, (end - start) * 0.03);
  return { start: start - pad, end: end + pad };
}

/** Up to this many events, Fit measures every label; beyond, it counts them all at a typical width. */
const MEASURE_ALL = 1_000;

export interface LabelWidths {
  measure(indices: Iterable<number>): void;
  width(index: number): number;
  typical(): number;
}

/**
 * The window Fit shows: the frame of where the events are ('frame'), with every label counted at
 * its width as drawn (at most `cap`), or the whole range ('all'). Undefined when nothing is shown.
 */
export function fitView(which: 'frame' | 'all', input: Pick<FrameInput, 'cols' | 'include' | 'widthPx'> & { labels: LabelWidths; cap: number }): TimeRange | undefined {
  const { cols, include, labels, cap } = input;
  if (which === 'frame') {
    const measured = cols.count <= MEASURE_ALL;
    if (measured) labels.measure(Array.from({ length: cols.count }, (_, i) => i).filter((i) => !include || include(i)));
    const typical = Math.min(cap, labels.typical());
    const frame = frameView({ cols, include, widthPx: input.widthPx, labelPx: (i) => (measured ? Math.min(cap, labels.width(i)) : typical), typicalLabelPx: typical });
    if (frame) return frame;
  }
  return wholeRange({ cols, include });
}
