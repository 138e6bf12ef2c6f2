// Builds the DOM of one event on the timeline with textContent only (dataset text never becomes
// HTML): its mark, drawn as extent.ts specifies for its kind of date (and as exports draw it), and
// its label (glyph, precision word, title, figures), on, after or before the mark as itemLayout
// decides. The element is kept per event and updated in place, so the keyboard focus survives a
// new layout; it is a button named by the event's title and date.
import type { EventView } from '../../../../shared/dataset/columns';
import { EVENT_TYPE_STYLES, type TypeShape } from '../../../../shared/dataset/eventTypes';
import { shortWhen } from '../../../../shared/dataset/shortDate';
import { precisionWord } from '../../../../shared/render/eventMarks';
import { extentKind } from '../../../../shared/render/extent';
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
  const parts: HTMLElement[] = [];
  const precision = precisionWord(e);
  if (precision) parts.push(span(`ev-precision ev-precision-${e.precision}`, precision));
  parts.push(span('ev-title', e.title));
  for (const f of e.figureLabels) parts.push(span('ev-figure', f));
  if (e.status === 'disputed') parts.push(span('ev-status', 'disputed'));
  // Spaces between the parts (a flex container draws none), so the text reads as it is seen.
  parts.forEach((part, k) => {
    if (k > 0) label.append(' ');
    label.append(part);
  });
  return label;
}

/** The words a label shows, in order: its precision word, title, figures, dispute marker. */
export function labelText(e: EventView): string {
  const precision = precisionWord(e);
  return [precision, e.title, ...e.figureLabels, e.status === 'disputed' ? 'disputed' : undefined].filter((w): w is string => !!w).join(' ');
}

/** What a screen reader and the hover tooltip say of an event: its title and date. */
export function describeEvent(e: EventView): string {
  return `${e.title}, ${shortWhen(e)}`;
}

/**
 * The whole item, built into `root` (a fresh element, or the event's element from before, updated
 * in place). `label` is the event's label element, built and measured beforehand (buildLabel).
 */
export function buildItemElement(root: HTMLElement, e: EventView, label: HTMLElement, layout: ItemLayout, labelPx: number, msPerPx: number): HTMLElement {
  const style = EVENT_TYPE_STYLES[e.type];
  const kind = extentKind(e);
  root.className = `ev ev-${kind} ev-side-${layout.side}`;
  root.dataset['event'] = e.id;
  root.dataset['index'] = String(e.index);
  root.dataset['type'] = e.type;
  root.dataset['start'] = String(e.start);
  root.dataset['bar'] = layout.barPx.toFixed(1);
  root.dataset['side'] = layout.side;
  root.setAttribute('role', 'button');
  // Named by what it shows (so a voice command saying what is seen finds it), then its date.
  root.setAttribute('aria-label', `${labelText(e)}, ${shortWhen(e)}`);
  if (!root.hasAttribute('tabindex')) root.tabIndex = -1;
  root.style.setProperty('--c', style.colour);

  const bar = (root.querySelector<HTMLElement>(':scope > .ev-extent') ?? document.createElement('div')) as HTMLElement;
  bar.className = 'ev-extent';
  bar.style.width = `${layout.barPx.toFixed(1)}px`;
  bar.style.removeProperty('--fuzz-start');
  bar.style.removeProperty('--fuzz-end');
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
    // Pin the width so the mark starts exactly at the event's date.
    label.style.width = `${labelPx.toFixed(1)}px`;
    if (root.firstChild !== label || root.lastChild !== bar) root.replaceChildren(label, bar);
  } else if (root.firstChild !== bar || root.lastChild !== label) root.replaceChildren(bar, label);
  return root;
}
