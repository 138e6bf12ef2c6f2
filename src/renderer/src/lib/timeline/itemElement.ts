// Builds the DOM of one event on the timeline with textContent only (dataset text never becomes
// HTML): a bar showing how much time the event may cover, and a label with its glyph, title and
// figures, placed on, after or before the bar as itemLayout decides.
import { EVENT_TYPE_STYLES, type TypeShape } from '../../../../shared/dataset/eventTypes';
import type { EventView } from '../../../../shared/dataset/columns';
import { extentKind, PRECISION_WORD } from '../../../../shared/render/extent';
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


/** The label alone: glyph, precision, title, figures, dispute marker. Also used to measure widths. */
export function buildLabel(e: EventView): HTMLElement {
  const style = EVENT_TYPE_STYLES[e.type];
  const label = document.createElement('div');
  label.className = 'ev-label';
  label.style.setProperty('--c', style.colour);
  label.appendChild(glyphSvg(style.shape));
  const precision = e.precision === 'day' ? undefined : PRECISION_WORD[e.precision];
  if (precision) label.appendChild(span(`ev-precision ev-precision-${e.precision}`, precision));
  label.appendChild(span('ev-title', e.title));
  for (const f of e.figureLabels) label.appendChild(span('ev-figure', f));
  if (e.status === 'disputed') label.appendChild(span('ev-status', 'disputed'));
  return label;
}

/**
 * The whole item. `label` is the event's label element, built and measured beforehand
 * (buildLabel); it is moved into the item, not copied.
 */
export function buildItemElement(e: EventView, label: HTMLElement, layout: ItemLayout, labelPx: number, msPerPx: number): HTMLElement {
  const style = EVENT_TYPE_STYLES[e.type];
  const kind = extentKind(e);
  const root = document.createElement('div');
  root.className = `ev ev-${kind} ev-side-${layout.side}`;
  root.dataset['event'] = e.id;
  root.dataset['type'] = e.type;
  root.dataset['start'] = String(e.start);
  root.dataset['bar'] = layout.barPx.toFixed(1);
  root.style.setProperty('--c', style.colour);

  const bar = document.createElement('div');
  bar.className = 'ev-extent';
  bar.style.width = `${layout.barPx.toFixed(1)}px`;
  if (kind === 'span') {
    // Fade the parts of a span whose ends are only known to a week, month or year.
    const fuzzStart = e.startPrecision === 'day' ? 0 : (e.startWindowEnd - e.start) / msPerPx;
    const fuzzEnd = e.endWindowStart === undefined || e.endPrecision === 'day' ? 0 : (e.end - e.endWindowStart) / msPerPx;
    bar.style.setProperty('--fuzz-start', `${Math.min(fuzzStart, layout.barPx / 2).toFixed(1)}px`);
    bar.style.setProperty('--fuzz-end', `${Math.min(fuzzEnd, layout.barPx / 2).toFixed(1)}px`);
  }

  label.style.transform = '';
  label.style.width = '';
  if (layout.side === 'left') {
    // Pin the width so the bar starts exactly at the event's date.
    label.style.width = `${labelPx.toFixed(1)}px`;
    root.append(label, bar);
  } else {
    root.append(bar, label);
  }
  return root;
}
