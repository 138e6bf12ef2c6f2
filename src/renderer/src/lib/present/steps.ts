// The steps of a presentation: which events, in which order, and the window the timeline shows
// for each. Pure functions over column indices (columns are in start order, so "every event the
// filter shows, in chronological order" is the filter's list of indices as it is).

/**
 * Every event the filter lets through (undefined: all), in start order: the default steps. Events
 * `skip` names are left out: historical context far outside the story (the 1916 agreement in a
 * 2014–2017 story) would open the presentation on a century-wide axis, far from everything else.
 */
export function defaultSteps(count: number, include: ((i: number) => boolean) | undefined, skip?: (i: number) => boolean): number[] {
  const steps: number[] = [];
  for (let i = 0; i < count; i++) if ((!include || include(i)) && !skip?.(i)) steps.push(i);
  return steps;
}

/**
 * The step showing this event, or, when the event is not a step (filtered out since), the first
 * step after it in time (the last step if none is). Undefined when there are no steps or no event.
 */
export function stepOfEvent(steps: readonly number[], event: number | undefined): number | undefined {
  if (steps.length === 0 || event === undefined) return undefined;
  const exact = steps.indexOf(event);
  if (exact >= 0) return exact;
  const after = steps.findIndex((i) => i > event);
  return after >= 0 ? after : steps.length - 1;
}

export interface StepWindow {
  readonly start: number;
  readonly end: number;
}

/** A view no narrower than this around the event, so its neighbours' dates give it context. */
export const MIN_STEP_SPAN_MS = 40 * 86_400_000;

/**
 * The window the timeline glides to for a step: centred on the event, wide enough to show the
 * whole event and reach the steps either side (so the audience sees where it sits), never
 * narrower than MIN_STEP_SPAN_MS and never wider than maxSpan (when given).
 */
export function stepWindow(
  steps: readonly number[],
  position: number,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  maxSpan?: number
): StepWindow | undefined {
  const index = steps[position];
  if (index === undefined) return undefined;
  const start = starts[index]!;
  const end = Math.max(start, ends[index]!);
  const centre = (start + end) / 2;
  let reach = end - start;
  const prev = steps[position - 1];
  const next = steps[position + 1];
  if (prev !== undefined) reach = Math.max(reach, 2 * (centre - starts[prev]!));
  if (next !== undefined) reach = Math.max(reach, 2 * (starts[next]! - centre));
  let span = Math.max(MIN_STEP_SPAN_MS, reach * 1.25);
  // Never cut the event itself, whatever the cap.
  if (maxSpan !== undefined) span = Math.max(Math.min(span, maxSpan), (end - start) * 1.1, MIN_STEP_SPAN_MS);
  return { start: centre - span / 2, end: centre + span / 2 };
}
