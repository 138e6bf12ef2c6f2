// The arithmetic of moving the visible window: zoom by a factor around a point that stays put,
// pan by a share of the width, and the point a keyboard zoom keeps still (the selected event,
// when it is in view). Pure, so the rules are tested without a timeline.

export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** Dataset dates are days: a view narrower than a day shows nothing more. */
export const MIN_WINDOW_MS = 86_400_000;
/** Five centuries: wide enough for any dataset's context, narrow enough for the axis to draw. */
export const MAX_WINDOW_MS = 500 * 365.25 * 86_400_000;

/** Zoom by `factor` (< 1 zooms in) keeping `around` where it is on screen (default: the middle). */
export function zoomWindow(w: TimeRange, factor: number, around?: number): TimeRange {
  const span = w.end - w.start;
  const centre = around ?? (w.start + w.end) / 2;
  const next = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, span * factor));
  const start = centre - next * ((centre - w.start) / span);
  return { start, end: start + next };
}

/** Pan by a share of the width (negative: back in time). */
export function panWindow(w: TimeRange, fraction: number): TimeRange {
  const shift = (w.end - w.start) * fraction;
  return { start: w.start + shift, end: w.end + shift };
}

/**
 * The time a keyboard or button zoom keeps in place: the selected event's start when it is in
 * view; where only part of the event is in view, the part nearest its start. Undefined (zoom
 * around the middle) when nothing is selected or the event lies outside the view.
 */
export function zoomAnchor(w: TimeRange, selected: TimeRange | undefined): number | undefined {
  if (!selected || selected.end <= w.start || selected.start >= w.end) return undefined;
  return Math.max(w.start, Math.min(w.end, selected.start));
}

/** True when `inner` lies within `outer` (to a millisecond). */
export function covers(outer: TimeRange, inner: TimeRange): boolean {
  return outer.start <= inner.start + 1 && outer.end >= inner.end - 1;
}
