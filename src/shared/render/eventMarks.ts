// An event in the exported picture: its mark (how its time is drawn, by extent kind, as
// extent.ts specifies), its label (glyph, precision word, title, figures, status), where the label
// goes (the shared placeLabel rule: forward in time from the mark, before it only where it would
// leave the plot, and then touching it), and rows so no two overlap. The legend's samples too.
import type { EventView } from '../dataset/columns';
import { placeLabel, type LabelSide } from '../timeline/labelPlacement';
import { extentKind, PRECISION_WORD, type ExtentKind } from './extent';
import { glyph, hatchPath, num, svgText } from './svgPrimitives';
import { escapeXml, fitText, textWidth } from './text';
import type { Theme } from './themes';

const DAY_MS = 86_400_000;

export interface Metrics {
  readonly fs: number;
  readonly labelH: number;
  readonly padL: number;
  readonly padR: number;
  readonly gap: number;
  readonly glyph: number;
  readonly chipFs: number;
  readonly chipPad: number;
  /** Space between a mark and its label. */
  readonly barGap: number;
  readonly packGap: number;
}

export function metricsFor(fs: number): Metrics {
  return {
    fs,
    labelH: fs * 1.62,
    padL: fs * 0.4,
    padR: fs * 0.5,
    gap: fs * 0.32,
    glyph: fs * 0.95,
    chipFs: fs * 0.76,
    chipPad: fs * 0.28,
    barGap: Math.max(4, fs * 0.55),
    packGap: Math.max(3, fs * 0.4)
  };
}

export interface LabelPart {
  readonly kind: 'glyph' | 'precision' | 'title' | 'figure' | 'status';
  readonly text: string;
  readonly x: number;
  readonly width: number;
}

/**
 * The word on the label for a date that is not an exact day: "week", "month", "year",
 * "between", "approx." (with its margin: "approx. ±3 days").
 */
export function precisionWord(e: Pick<EventView, 'precision' | 'startPrecision' | 'start' | 'startWindowEnd'>): string | undefined {
  if (e.precision === 'day') return undefined;
  const word = PRECISION_WORD[e.precision];
  if (e.precision === 'approximate' && e.startPrecision === 'approximate') {
    const margin = Math.round((e.startWindowEnd - e.start) / DAY_MS - 1) / 2;
    if (margin >= 1) return `${word} ±${margin} day${margin === 1 ? '' : 's'}`;
  }
  return word;
}

/**
 * The parts of an event's label, laid out from x = 0, and its total width. With `maxWidth`, a
 * label that would be wider loses its status chip, then the end of its title (down to about
 * eight letters), and only then its figures.
 */
export function labelParts(e: EventView, m: Metrics, maxWidth = Infinity): { parts: LabelPart[]; width: number } {
  const build = (withStatus: boolean, withFigures: boolean, titleRoom: number) => {
    const parts: LabelPart[] = [];
    let x = m.padL;
    parts.push({ kind: 'glyph', text: '', x, width: m.glyph });
    x += m.glyph + m.gap;
    const precision = precisionWord(e);
    if (precision) {
      const w = textWidth(precision, m.chipFs) + 2 * m.chipPad;
      parts.push({ kind: 'precision', text: precision, x, width: w });
      x += w + m.gap;
    }
    const title = titleRoom === Infinity ? e.title : fitText(e.title, m.fs, Math.max(m.fs, titleRoom - x - m.padR));
    const tw = textWidth(title, m.fs);
    parts.push({ kind: 'title', text: title, x, width: tw });
    x += tw;
    if (withFigures) {
      for (const f of e.figureLabels) {
        x += m.gap * 1.4;
        const w = textWidth(f, m.fs, true) + 2 * m.chipPad;
        parts.push({ kind: 'figure', text: f, x, width: w });
        x += w;
      }
    }
    if (withStatus && e.status === 'disputed') {
      x += m.gap * 1.4;
      const w = textWidth('disputed', m.chipFs) + 2 * m.chipPad;
      parts.push({ kind: 'status', text: 'disputed', x, width: w });
      x += w;
    }
    return { parts, width: x + m.padR };
  };
  const full = build(true, true, Infinity);
  if (full.width <= maxWidth) return full;
  const noStatus = build(false, true, Infinity);
  if (noStatus.width <= maxWidth || e.figureLabels.length === 0) return noStatus.width <= maxWidth ? noStatus : build(false, false, maxWidth);
  // The title gives up what the figures need, keeping a few words of its own.
  const figuresW = noStatus.width - build(false, false, Infinity).width;
  const shortTitle = build(false, true, Math.max(maxWidth - figuresW, m.fs * 8));
  if (shortTitle.width <= maxWidth) return shortTitle;
  return build(false, false, maxWidth);
}

export interface PlacedEvent {
  readonly index: number;
  readonly view: EventView;
  readonly kind: ExtentKind;
  /** The mark, as drawn (clipped to the plot, at least its minimum width). */
  readonly barX0: number;
  readonly barX1: number;
  /** Unclipped x of the event's start and end (span fades, open window ends). */
  readonly rawX0: number;
  readonly rawX1: number;
  readonly labelX: number;
  readonly labelW: number;
  readonly side: LabelSide;
  readonly parts: readonly LabelPart[];
  /** The label's parts run past its box (no room for even its shortest form): drawn clipped to it. */
  readonly clipped: boolean;
  /** The box of mark and label together, for packing rows. */
  readonly boxX0: number;
  readonly boxX1: number;
  row: number;
}

/** Narrowest mark of each kind (px at 14 px type), so a day is still seen at a wide zoom. */
const MIN_BAR: Readonly<Record<ExtentKind, number>> = { exact: 3, window: 5, approx: 12, span: 3 };

export function placeEvent(index: number, view: EventView, xOf: (t: number) => number, plotX0: number, plotX1: number, m: Metrics): PlacedEvent {
  const kind = extentKind(view);
  const rawX0 = xOf(view.start);
  const rawX1 = xOf(view.end);
  let barX0 = Math.max(plotX0, rawX0);
  let barX1 = Math.min(plotX1, rawX1);
  const minBar = MIN_BAR[kind] * Math.max(1, m.fs / 14);
  if (barX1 - barX0 < minBar) {
    // An approximate day's soft mark is centred on its day; anything else starts at its date.
    barX0 = kind === 'approx' ? (barX0 + barX1) / 2 - minBar / 2 : barX0;
    barX1 = barX0 + minBar;
    if (barX1 > plotX1) {
      barX1 = plotX1;
      barX0 = plotX1 - minBar;
    }
    if (barX0 < plotX0) {
      barX0 = plotX0;
      barX1 = plotX0 + minBar;
    }
  }
  let { parts, width } = labelParts(view, m);
  const input = { barX0, barX1, labelW: width, viewX0: plotX0, viewX1: plotX1, gap: m.barGap };
  const placed = placeLabel(input);
  let side = placed.side;
  let labelX = placed.labelX;
  let clipped = false;
  if (side === 'right' && labelX + width > plotX1) {
    // Room on neither side: the label still reads forward from its mark, and the plot's edge cuts
    // it (its title shortened to the room). With less room than the shortest label, before the
    // mark, touching it, as the rule has a label that would leave the picture; as a last resort,
    // on the roomier side, clipped to the plot.
    const rightRoom = plotX1 - labelX;
    const leftRoom = barX0 - m.barGap - plotX0;
    const shortest = labelParts(view, m, 0).width;
    if (rightRoom >= shortest || (leftRoom < shortest && rightRoom >= leftRoom)) {
      ({ parts, width } = labelParts(view, m, rightRoom));
      if (width > rightRoom) [width, clipped] = [Math.max(1, rightRoom), true];
    } else {
      ({ parts, width } = labelParts(view, m, leftRoom));
      if (width > leftRoom) [width, clipped] = [Math.max(1, leftRoom), true];
      side = 'left';
      labelX = barX0 - m.barGap - width;
    }
  }
  return { index, view, kind, barX0, barX1, rawX0, rawX1, labelX, labelW: width, side, parts, clipped, boxX0: Math.min(barX0, labelX), boxX1: Math.max(barX1, labelX + width), row: 0 };
}

/** Rows for the events of one lane, greedily: each goes in the first row it fits after. Returns the row count. */
export function packRows(events: PlacedEvent[], gap: number): number {
  const ends: number[] = [];
  const order = [...events].sort((a, b) => a.boxX0 - b.boxX0 || a.index - b.index);
  for (const e of order) {
    let row = ends.findIndex((end) => end + gap <= e.boxX0);
    if (row < 0) {
      row = ends.length;
      ends.push(-Infinity);
    }
    e.row = row;
    ends[row] = e.boxX1;
  }
  return ends.length;
}

// ---------------------------------------------------------------------------------------------
// Marks (see the visual spec in extent.ts)

/** Square brackets at a window's known ends: "[" at x0, "]" at x1; an end cut by the plot stays open. */
function brackets(x0: number, x1: number, top: number, h: number, colour: string, width: number, leftOpen: boolean, rightOpen: boolean, tick: number): string {
  const d: string[] = [];
  const t = Math.min(tick, (x1 - x0) / 3);
  if (!leftOpen) d.push(`M${num(x0 + t)} ${num(top)}H${num(x0)}V${num(top + h)}H${num(x0 + t)}`);
  if (!rightOpen) d.push(`M${num(x1 - t)} ${num(top)}H${num(x1)}V${num(top + h)}H${num(x1 - t)}`);
  return d.length === 0 ? '' : `<path class="window-bracket" d="${d.join('')}" fill="none" stroke="${colour}" stroke-width="${num(width)}"/>`;
}

function spanStops(colour: string, opacity: number, a: number, b: number): string {
  return `<stop offset="0" stop-color="${colour}" stop-opacity="${a > 0 ? 0 : num(opacity)}"/><stop offset="${num(a)}" stop-color="${colour}" stop-opacity="${num(opacity)}"/><stop offset="${num(b)}" stop-color="${colour}" stop-opacity="${num(opacity)}"/><stop offset="1" stop-color="${colour}" stop-opacity="${b < 1 ? 0 : num(opacity)}"/>`;
}

function drawMark(p: PlacedEvent, top: number, m: Metrics, theme: Theme, plotX0: number, plotX1: number, defs: string[]): string {
  const e = p.view;
  const c = theme.typeColour[e.type];
  const fill = theme.fill;
  const h = m.labelH;
  const bx0 = p.barX0;
  const bw = Math.max(1, p.barX1 - p.barX0);
  switch (p.kind) {
    case 'exact':
      return `<rect class="mark-exact" x="${num(bx0)}" y="${num(top)}" width="${num(bw)}" height="${num(h)}" fill="${c}" fill-opacity="${num(Math.min(1, 0.3 * fill))}"/><rect x="${num(bx0)}" y="${num(top)}" width="${num(Math.min(bw, 3 * theme.stroke))}" height="${num(h)}" fill="${c}"/>`;
    case 'window': {
      // A window of possible dates: hatched, bracketed at its ends, never filled like a span.
      const hatch = `<path class="mark-window" d="${hatchPath(bx0, top, bx0 + bw, top + h, 5 * Math.max(1, m.fs / 16))}" stroke="${c}" stroke-opacity="${num(Math.min(1, 0.6 * fill))}" stroke-width="${num(1.3 * theme.stroke)}" fill="none"/>`;
      return hatch + brackets(bx0, bx0 + bw, top, h, c, 1.8 * theme.stroke, p.rawX0 < plotX0 - 0.5, p.rawX1 > plotX1 + 0.5, m.fs * 0.45);
    }
    case 'approx': {
      // Around a date: a soft mark over the window it may lie in, the coded day marked in its middle.
      const id = `fl-approx-${e.type}`;
      if (!defs.some((d) => d.includes(`id="${id}"`))) {
        defs.push(
          `<radialGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="${num(Math.min(1, 0.7 * fill))}"/><stop offset="0.6" stop-color="${c}" stop-opacity="${num(Math.min(1, 0.3 * fill))}"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`
        );
      }
      // A thin line, never the whole day: a day-wide solid mark would read as an exact day.
      const coded = (p.rawX0 + p.rawX1) / 2;
      const tickW = 2 * theme.stroke;
      const tick = coded >= plotX0 && coded <= plotX1 ? `<rect class="mark-coded-day" x="${num(coded - tickW / 2)}" y="${num(top + h * 0.2)}" width="${num(tickW)}" height="${num(h * 0.6)}" fill="${c}"/>` : '';
      return `<ellipse class="mark-approx" cx="${num(bx0 + bw / 2)}" cy="${num(top + h / 2)}" rx="${num(bw / 2)}" ry="${num(h / 2)}" fill="url(#${id})"/>${tick}`;
    }
    case 'span': {
      // It lasted: a solid band; an end known only to a week, month or year fades across that window.
      const fuzzStart = e.startPrecision === 'day' ? 0 : ((e.startWindowEnd - e.start) / (e.end - e.start)) * (p.rawX1 - p.rawX0);
      const fuzzEnd = e.endWindowStart === undefined || e.endPrecision === 'day' ? 0 : ((e.end - e.endWindowStart) / (e.end - e.start)) * (p.rawX1 - p.rawX0);
      const id = `fl-span-${defs.length}`;
      const x0 = p.rawX0;
      const x1 = Math.max(p.rawX1, p.rawX0 + 1);
      const total = x1 - x0;
      const a = Math.min(0.5, fuzzStart / total);
      const b = Math.max(0.5, 1 - fuzzEnd / total);
      defs.push(`<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${num(x0)}" y1="0" x2="${num(x1)}" y2="0">${spanStops(c, Math.min(1, 0.5 * fill), a, b)}</linearGradient>`);
      defs.push(`<linearGradient id="${id}-edge" gradientUnits="userSpaceOnUse" x1="${num(x0)}" y1="0" x2="${num(x1)}" y2="0">${spanStops(c, Math.min(1, 0.9 * fill), a, b)}</linearGradient>`);
      return `<rect class="mark-span" x="${num(bx0)}" y="${num(top)}" width="${num(bw)}" height="${num(h)}" fill="url(#${id})"/><rect x="${num(bx0)}" y="${num(top + h - 3 * theme.stroke)}" width="${num(bw)}" height="${num(3 * theme.stroke)}" fill="url(#${id}-edge)"/>`;
    }
  }
}

/** An event: its mark, and its label where placeEvent put it, with a pointer towards the mark. */
export function drawEvent(p: PlacedEvent, top: number, m: Metrics, theme: Theme, plotX0: number, plotX1: number, defs: string[]): string {
  const e = p.view;
  const c = theme.typeColour[e.type];
  const h = m.labelH;
  // The event's id (escaped), its mark's extent and its label's side let a reader, or a test, tell
  // what the picture shows and where.
  const out: string[] = [`<g class="event" data-type="${e.type}" data-event="${escapeXml(e.id)}" data-side="${p.side}" data-mark="${num(p.barX0)} ${num(p.barX1)}">`];
  out.push(drawMark(p, top, m, theme, plotX0, plotX1, defs));
  const lx = p.labelX;
  const borderColour = theme.name === 'print' ? theme.borderStrong : c;
  out.push(
    `<rect class="label-box" x="${num(lx)}" y="${num(top + 0.5)}" width="${num(p.labelW)}" height="${num(h - 1)}" rx="${num(m.fs * 0.28)}" fill="${theme.surface}" stroke="${borderColour}" stroke-opacity="${theme.name === 'print' ? 1 : 0.55}" stroke-width="${num(theme.stroke)}"/>`
  );
  const midY = top + h / 2;
  const tip = m.fs * 0.32;
  if (p.side === 'right') {
    out.push(`<path d="M${num(lx - tip)} ${num(midY)}L${num(lx)} ${num(midY - tip)}L${num(lx)} ${num(midY + tip)}Z" fill="${borderColour}" fill-opacity="0.7"/>`);
  } else if (p.side === 'left') {
    const rx = lx + p.labelW;
    out.push(`<path d="M${num(rx + tip)} ${num(midY)}L${num(rx)} ${num(midY - tip)}L${num(rx)} ${num(midY + tip)}Z" fill="${borderColour}" fill-opacity="0.7"/>`);
  }
  const baseline = midY + m.fs * 0.36;
  const chipH = m.chipFs * 1.35;
  if (p.clipped) {
    const id = `fl-clip-${defs.length}`;
    defs.push(`<clipPath id="${id}"><rect x="${num(lx)}" y="${num(top)}" width="${num(p.labelW)}" height="${num(h)}"/></clipPath>`);
    out.push(`<g clip-path="url(#${id})">`);
  }
  for (const part of p.parts) {
    const x = lx + part.x;
    switch (part.kind) {
      case 'glyph':
        out.push(glyph(e.type, x + part.width / 2, midY, part.width, c, theme.stroke));
        break;
      case 'precision':
        out.push(
          `<rect x="${num(x)}" y="${num(midY - chipH / 2)}" width="${num(part.width)}" height="${num(chipH)}" rx="${num(m.fs * 0.2)}" fill="none" stroke="${theme.borderStrong}" stroke-width="${num(theme.stroke)}" stroke-dasharray="${e.precision === 'approximate' ? '1.5 1.5' : '3 2'}"/>`
        );
        out.push(svgText(x + m.chipPad, midY + m.chipFs * 0.36, part.text, { size: m.chipFs, fill: theme.muted }, ' class="event-precision"'));
        break;
      case 'title':
        out.push(svgText(x, baseline, part.text, { size: m.fs, fill: theme.text }, ' class="event-title"'));
        break;
      case 'figure':
        out.push(`<rect x="${num(x)}" y="${num(midY - m.fs * 0.72)}" width="${num(part.width)}" height="${num(m.fs * 1.44)}" rx="${num(m.fs * 0.2)}" fill="${c}" fill-opacity="${theme.name === 'dark' ? 0.28 : 0.15}"/>`);
        out.push(svgText(x + m.chipPad, baseline, part.text, { size: m.fs, fill: theme.text, weight: 600 }, ' class="event-figure"'));
        break;
      case 'status':
        out.push(`<rect x="${num(x)}" y="${num(midY - chipH / 2)}" width="${num(part.width)}" height="${num(chipH)}" rx="${num(m.fs * 0.2)}" fill="none" stroke="${theme.warn}" stroke-width="${num(theme.stroke)}"/>`);
        out.push(svgText(x + m.chipPad, midY + m.chipFs * 0.36, part.text, { size: m.chipFs, fill: theme.warn }));
        break;
    }
  }
  if (p.clipped) out.push('</g>');
  out.push('</g>');
  return out.join('');
}

/** A small sample of how a kind of date is drawn, for the legend: the same shapes as drawMark. */
export function precisionSwatch(kind: ExtentKind, x: number, y: number, w: number, h: number, theme: Theme, defs: string[]): string {
  const c = theme.muted;
  switch (kind) {
    case 'exact':
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(w * 0.3)}" height="${num(h)}" fill="${c}" fill-opacity="0.3"/><rect x="${num(x)}" y="${num(y)}" width="${num(3 * theme.stroke)}" height="${num(h)}" fill="${c}"/>`;
    case 'window':
      return `<path d="${hatchPath(x, y, x + w, y + h, 4)}" stroke="${c}" stroke-opacity="0.6" stroke-width="${num(1.2 * theme.stroke)}" fill="none"/>${brackets(x, x + w, y, h, c, 1.6 * theme.stroke, false, false, h * 0.4)}`;
    case 'approx': {
      const id = 'fl-approx-legend';
      defs.push(`<radialGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="0.7"/><stop offset="0.6" stop-color="${c}" stop-opacity="0.3"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`);
      return `<ellipse cx="${num(x + w / 2)}" cy="${num(y + h / 2)}" rx="${num(w / 2)}" ry="${num(h / 2)}" fill="url(#${id})"/><rect x="${num(x + w / 2 - theme.stroke)}" y="${num(y + h * 0.2)}" width="${num(2 * theme.stroke)}" height="${num(h * 0.6)}" fill="${c}"/>`;
    }
    case 'span': {
      const id = 'fl-span-legend';
      defs.push(`<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0">${spanStops(c, 0.5, 0.35, 1)}</linearGradient>`);
      defs.push(`<linearGradient id="${id}-edge" x1="0" y1="0" x2="1" y2="0">${spanStops(c, 0.9, 0.35, 1)}</linearGradient>`);
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="url(#${id})"/><rect x="${num(x)}" y="${num(y + h - 2.5 * theme.stroke)}" width="${num(w)}" height="${num(2.5 * theme.stroke)}" fill="url(#${id}-edge)"/>`;
    }
  }
}
