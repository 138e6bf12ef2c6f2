// Builds the DOM of one event on the timeline with textContent only (dataset text never becomes
// HTML): a bar showing how much time the event may cover, and a label with its glyph, title and
// figures, placed on, after or before the bar as itemLayout decides.
import { EVENT_TYPE_STYLES, type TypeShape } from '../../../../shared/dataset/eventTypes';
import { figureLabel } from '../../../../shared/dataset/formatFigure';
import type { ResolvedEvent } from '../../../../shared/dataset/timelineModel';
import { GLYPH_PATHS, GLYPH_VIEWBOX } from '../../../../shared/render/glyphs';
import type { ItemLayout } from './itemLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function glyphSvg(shape: TypeShape, className = 'glyph'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', GLYPH_VIEWBOX);
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  const glyph = GLYPH_PATHS[shape];
  path.setAttribute('d', glyph.d);
  if (glyph.hollow) path.setAttribute('class', 'hollow');
  svg.appendChild(path);
  return svg;
}

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/** How the bar is drawn: an exact day, a window (week/month/year), a date known only roughly, or a span. */
export type ExtentKind = 'exact' | 'window' | 'approx' | 'span';

export function extentKind(e: ResolvedEvent): ExtentKind {
  if (e.endWindow) return 'span';
  switch (e.event.start.precision) {
    case 'day':
      return 'exact';
    case 'approximate':
      return 'approx';
    default:
      return 'window';
  }
}

const PRECISION_WORD: Readonly<Record<string, string>> = {
  week: 'week',
  month: 'month',
  year: 'year',
  approximate: 'approx.'
};

/** The label alone: glyph, precision, title, figures, dispute marker. Also used to measure widths. */
export function buildLabel(e: ResolvedEvent): HTMLElement {
  const style = EVENT_TYPE_STYLES[e.event.type];
  const label = document.createElement('div');
  label.className = 'ev-label';
  label.style.setProperty('--c', style.colour);
  label.appendChild(glyphSvg(style.shape));
  const precision = e.precision === 'day' ? undefined : PRECISION_WORD[e.precision];
  if (precision) label.appendChild(span(`ev-precision ev-precision-${e.precision}`, precision));
  label.appendChild(span('ev-title', e.event.title));
  for (const f of e.event.figures) label.appendChild(span('ev-figure', figureLabel(f)));
  if (e.event.status === 'disputed') label.appendChild(span('ev-status', 'disputed'));
  return label;
}

export function buildItemElement(e: ResolvedEvent, layout: ItemLayout, labelPx: number, msPerPx: number): HTMLElement {
  const style = EVENT_TYPE_STYLES[e.event.type];
  const kind = extentKind(e);
  const root = document.createElement('div');
  root.className = `ev ev-${kind} ev-side-${layout.side}`;
  root.dataset['event'] = e.event.id;
  root.dataset['type'] = e.event.type;
  root.dataset['start'] = String(e.start);
  root.dataset['bar'] = layout.barPx.toFixed(1);
  root.style.setProperty('--c', style.colour);

  const bar = document.createElement('div');
  bar.className = 'ev-extent';
  bar.style.width = `${layout.barPx.toFixed(1)}px`;
  if (kind === 'span') {
    // Fade the parts of a span whose ends are only known to a week, month or year.
    const fuzzStart = e.event.start.precision === 'day' ? 0 : (e.startWindow.end - e.startWindow.start) / msPerPx;
    const fuzzEnd = !e.endWindow || e.event.end?.precision === 'day' ? 0 : (e.endWindow.end - e.endWindow.start) / msPerPx;
    bar.style.setProperty('--fuzz-start', `${Math.min(fuzzStart, layout.barPx / 2).toFixed(1)}px`);
    bar.style.setProperty('--fuzz-end', `${Math.min(fuzzEnd, layout.barPx / 2).toFixed(1)}px`);
  }

  const label = buildLabel(e);
  if (layout.side === 'left') {
    // Pin the width so the bar starts exactly at the event's date.
    label.style.width = `${labelPx.toFixed(1)}px`;
    root.append(label, bar);
  } else {
    root.append(bar, label);
  }
  return root;
}
