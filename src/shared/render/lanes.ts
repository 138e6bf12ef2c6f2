// Lanes of the exported picture: which events go in which lane (eras apart, behind every lane),
// which lanes are too busy to label and become density bars, what lies outside the window (for
// the edge markers), and the lane headers: a column sized to what it holds (the lane's name, its
// count, its figures in view), capped, with long headers wrapped rather than cut.
import { FLAG_ERA, type EventColumns, type LaneInfo } from '../dataset/columns';
import { EVENT_TYPES, type EventType } from '../dataset/eventTypes';
import type { LaneAssignment } from '../timeline/laneAssignment';
import type { PlacedEvent } from './eventMarks';
import { formatCount, plural, svgText } from './svgPrimitives';
import { fitText, textWidth, wrapText } from './text';
import type { Theme } from './themes';

export interface LaneModel {
  readonly lane: number;
  readonly info: LaneInfo;
  readonly events: number[];
  density: boolean;
  placed: PlacedEvent[];
  rows: number;
  /** The figures of its events summed (the dataset's main unit), for the header of a density lane. */
  readonly figureSum: number;
}

export interface LaneContents {
  readonly lanes: LaneModel[];
  readonly eras: number[];
  readonly typesPresent: Set<EventType>;
  /** Events in the window, eras aside. */
  readonly visible: number;
  /** Events shown by the filters that lie wholly before, and wholly after, the window (eras aside). */
  readonly before: number;
  readonly after: number;
}

export function collectLanes(cols: EventColumns, assignment: LaneAssignment, win: { start: number; end: number }, include: ((i: number) => boolean) | undefined): LaneContents {
  const laneEvents: number[][] = assignment.lanes.map(() => []);
  const sums = new Float64Array(assignment.lanes.length);
  const eras: number[] = [];
  const typesPresent = new Set<EventType>();
  let visible = 0;
  let before = 0;
  let after = 0;
  for (let i = 0; i < cols.count; i++) {
    if (include && !include(i)) continue;
    const era = (cols.flags[i]! & FLAG_ERA) !== 0;
    const lane = assignment.laneOf[i]!;
    if (!era && lane >= laneEvents.length) continue;
    if (cols.start[i]! >= win.end) {
      if (!era) after++;
      continue;
    }
    if (cols.end[i]! <= win.start) {
      if (!era) before++;
      continue;
    }
    if (era) {
      eras.push(i);
      continue;
    }
    laneEvents[lane]!.push(i);
    const figure = cols.figure[i]!;
    if (!Number.isNaN(figure)) sums[lane] = sums[lane]! + figure;
    typesPresent.add(EVENT_TYPES[cols.type[i]!]!);
    visible++;
  }
  const lanes: LaneModel[] = [];
  laneEvents.forEach((events, lane) => {
    if (events.length > 0) lanes.push({ lane, info: assignment.lanes[lane]!, events, density: false, placed: [], rows: 0, figureSum: sums[lane]! });
  });
  return { lanes, eras, typesPresent, visible, before, after };
}

/** Too many to label: the busiest lanes become density bars until the rest can be labelled. */
export function chooseDensityLanes(lanes: LaneModel[], visible: number, maxLabelled: number): void {
  if (visible <= maxLabelled) return;
  let labelled = visible;
  for (const l of [...lanes].sort((a, b) => b.events.length - a.events.length)) {
    if (labelled <= maxLabelled) break;
    l.density = true;
    labelled -= l.events.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Headers

export interface LaneHeaderMetrics {
  readonly nameFs: number;
  readonly metaFs: number;
  readonly pad: number;
  /** Left padding of the text in the column. */
  readonly inset: number;
  readonly colW: number;
}

/** The note a density lane's header gives its figures, as drawDensity words it. */
export function figureNote(l: LaneModel, unit: { readonly label: string } | undefined): string | undefined {
  return unit && l.density && l.figureSum > 0 ? `${formatCount(Math.round(l.figureSum))} ${unit.label}` : undefined;
}

function metaLinesOf(l: LaneModel, unit: { readonly label: string } | undefined): string[] {
  const note = figureNote(l, unit);
  return note ? [plural(l.events.length, 'event'), note] : [plural(l.events.length, 'event')];
}

/** The lane header column: as wide as its widest name or note, at most a quarter of the content. */
export function laneHeaderMetrics(lanes: readonly LaneModel[], unit: { readonly label: string } | undefined, fs: number, contentW: number): LaneHeaderMetrics {
  const nameFs = fs * 0.98;
  const metaFs = fs * 0.8;
  const inset = fs * 0.5;
  let widest = fs * 5;
  for (const l of lanes) {
    widest = Math.max(widest, textWidth(l.info.label, nameFs, true));
    for (const line of metaLinesOf(l, unit)) widest = Math.max(widest, textWidth(line, metaFs));
  }
  const colW = Math.min(contentW * 0.25, widest + inset + fs * 0.9);
  return { nameFs, metaFs, pad: fs * 0.55, inset, colW };
}

function wrapped(text: string, size: number, width: number, bold: boolean, maxLines: number): string[] {
  const lines = wrapText(text, size, width, bold);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, size, width, bold);
  return kept;
}

export interface LaneHeader {
  /** Height the header needs. */
  readonly height: number;
  /**
   * Draw it at (x, top): the name and count; `note(text)` adds a line below (drawDensity's
   * figures), wrapped to the column.
   */
  draw(x: number, top: number, theme: Theme): { parts: string[]; note: (text: string) => string };
}

export function laneHeader(l: LaneModel, unit: { readonly label: string } | undefined, hm: LaneHeaderMetrics): LaneHeader {
  const room = hm.colW - hm.inset - hm.nameFs * 0.4;
  const nameLines = wrapped(l.info.label, hm.nameFs, room, true, 3);
  const metaLines = metaLinesOf(l, unit).flatMap((line) => wrapped(line, hm.metaFs, room, false, 2));
  const nameH = hm.nameFs * (0.95 + 1.2 * (nameLines.length - 1));
  const height = hm.pad + nameH + metaLines.length * hm.metaFs * 1.35 + hm.pad + hm.metaFs * 0.4;
  return {
    height,
    draw(x, top, theme) {
      const parts = nameLines.map((line, j) => svgText(x + hm.inset, top + hm.pad + hm.nameFs * (0.95 + 1.2 * j), line, { size: hm.nameFs, fill: theme.text, weight: 600 }, ' class="lane-name"'));
      let y = top + hm.pad + nameH + hm.metaFs * 1.45;
      parts.push(svgText(x + hm.inset, y, plural(l.events.length, 'event'), { size: hm.metaFs, fill: theme.muted }, ' class="lane-note"'));
      const note = (text: string): string =>
        wrapped(text, hm.metaFs, room, false, 2)
          .map((line) => {
            y += hm.metaFs * 1.3;
            return svgText(x + hm.inset, y, line, { size: hm.metaFs, fill: theme.muted }, ' class="lane-note"');
          })
          .join('');
      return { parts, note };
    }
  };
}
