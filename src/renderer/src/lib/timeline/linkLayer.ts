// Links between events drawn over vis-timeline: an SVG laid over the lanes' panel (it takes no
// pointer events), a curve from one event's mark to the other's with an arrowhead where the link
// has a direction, and, where one end lies outside the view, the curve runs to that edge and a
// marker there names the event it points to. Drawn again after every redraw of vis (panning,
// zooming, resizing, a new feed). Text goes in with textContent only.
import { stringAt, type EventColumns } from '../../../../shared/dataset/columns';
import { LINK_KIND_LABEL, linkWords, SYMMETRIC_KINDS, type ResolvedLink } from '../../../../shared/dataset/links';
import type { TimeRange } from '../view/windowMath';
import { geometry, pathOf, type EndBox, type LinkGeometry } from '../../../../shared/timeline/linkGeometry';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** More links than this in view are not all drawn (the first ones in the dataset's order are). */
export const MAX_DRAWN_LINKS = 400;

export interface LinkLayerHost {
  getWindow(): TimeRange;
  columns(): EventColumns | undefined;
  /** The lane (index) event i is in, when it has one in the lanes shown. */
  laneOf(i: number): number | undefined;
  /** The element vis draws for event i, when it draws one. */
  element(i: number): HTMLElement | undefined;
}

export class LinkLayer {
  readonly #container: HTMLElement;
  readonly #host: LinkLayerHost;
  readonly #svg: SVGSVGElement;
  readonly #group: SVGGElement;
  #links: readonly ResolvedLink[] = [];
  /** Links drawn last time (-1 before the first draw, so the first empty draw still says 0). */
  #drawn = -1;

  constructor(container: HTMLElement, host: LinkLayerHost) {
    this.#container = container;
    this.#host = host;
    this.#svg = document.createElementNS(SVG_NS, 'svg');
    this.#svg.setAttribute('class', 'link-layer');
    this.#svg.setAttribute('aria-hidden', 'true');
    const defs = document.createElementNS(SVG_NS, 'defs');
    const marker = document.createElementNS(SVG_NS, 'marker');
    marker.id = 'fl-link-arrow';
    marker.setAttribute('viewBox', '0 0 10 10');
    marker.setAttribute('refX', '9');
    marker.setAttribute('refY', '5');
    marker.setAttribute('markerWidth', '7');
    marker.setAttribute('markerHeight', '7');
    marker.setAttribute('orient', 'auto-start-reverse');
    const head = document.createElementNS(SVG_NS, 'path');
    head.setAttribute('d', 'M0,0 L10,5 L0,10 z');
    head.setAttribute('class', 'link-arrowhead');
    marker.append(head);
    defs.append(marker);
    this.#group = document.createElementNS(SVG_NS, 'g');
    this.#svg.append(defs, this.#group);
    this.#svg.style.display = 'none';
    container.append(this.#svg);
  }

  /** The links to draw (column indices); an empty list draws none. */
  set(links: readonly ResolvedLink[]): void {
    this.#links = links;
    this.draw();
  }

  /** Draw the links for the view as it is now. */
  draw(): void {
    // Nothing to draw (the usual case): no look at the page at all, this runs after every redraw.
    const cols = this.#links.length === 0 ? undefined : this.#host.columns();
    const centre = cols ? this.#container.querySelector<HTMLElement>('.vis-panel.vis-center') : null;
    if (!cols || !centre) {
      if (this.#drawn === 0) return;
      this.#svg.style.display = 'none';
      this.#group.replaceChildren();
      this.#container.dataset['linksDrawn'] = '0';
      this.#drawn = 0;
      return;
    }
    const box = this.#place(centre);
    const window = this.#host.getWindow();
    const span = Math.max(1, window.end - window.start);
    const width = centre.clientWidth;
    const xOf = (t: number) => centre.clientLeft + ((t - window.start) / span) * width;
    const boxOf = (i: number): EndBox => {
      const x0 = xOf(cols.start[i]!);
      const x1 = Math.max(x0 + 3, xOf(cols.end[i]!));
      const { y0, y1 } = this.#yOf(i, box);
      // A label drawn before its mark leaves the mark's right side free.
      return { x0, x1, y0, y1, free: this.#host.element(i)?.dataset['side'] === 'left' ? 'right' : 'left' };
    };
    // The links with an end in view (by their dates: no layout read for the others), up to the cap.
    const inView = (i: number) => i < cols.count && cols.start[i]! < window.end && cols.end[i]! > window.start;
    const links: ResolvedLink[] = [];
    for (const l of this.#links) {
      if (links.length >= MAX_DRAWN_LINKS) break;
      // Links of other data (a new dataset arrives before its links do) are not drawn.
      if (l.from < cols.count && l.to < cols.count && (inView(l.from) || inView(l.to))) links.push(l);
    }
    // Links reaching one mark arrive at different heights of it, in the dataset's order.
    const arriving = new Map<number, number>();
    for (const l of links) arriving.set(l.to, (arriving.get(l.to) ?? 0) + 1);
    const arrived = new Map<number, number>();
    const words = new WordPlaces();
    const parts: SVGElement[] = [];
    for (const link of links) {
      const k = arrived.get(link.to) ?? 0;
      arrived.set(link.to, k + 1);
      const g = geometry(boxOf(link.from), boxOf(link.to), box.width, box.height, (k + 1) / ((arriving.get(link.to) ?? 1) + 1));
      if (!g) continue;
      parts.push(this.#drawLink(link, g, cols, box, words));
    }
    const drawn = parts.length;
    // At most MAX_DRAWN_LINKS parts, appended one by one.
    this.#group.replaceChildren();
    for (const part of parts) this.#group.append(part);
    this.#svg.style.display = drawn === 0 ? 'none' : '';
    this.#container.dataset['linksDrawn'] = String(drawn);
    this.#drawn = drawn;
  }

  destroy(): void {
    this.#svg.remove();
  }

  /** Lay the SVG over the lanes' panel; its box in client coordinates. */
  #place(centre: HTMLElement): DOMRect {
    const outer = this.#container.getBoundingClientRect();
    const box = centre.getBoundingClientRect();
    const style = this.#svg.style;
    style.left = `${box.left - outer.left}px`;
    style.top = `${box.top - outer.top}px`;
    style.width = `${box.width}px`;
    style.height = `${box.height}px`;
    this.#svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
    return box;
  }

  /** The top and bottom of event i's mark as drawn, else a band in the middle of its lane (relative to the panel). */
  #yOf(i: number, box: DOMRect): { y0: number; y1: number } {
    const el = this.#host.element(i);
    const mark = el?.isConnected ? (el.querySelector<HTMLElement>(':scope > .ev-extent') ?? el) : undefined;
    const r = mark?.getBoundingClientRect();
    if (r && r.height > 0) return { y0: r.top - box.top, y1: r.bottom - box.top };
    const lane = this.#host.laneOf(i);
    const label = lane === undefined ? null : this.#container.querySelector<HTMLElement>(`.lane-label[data-lane="lane${lane}"]`);
    const band = (label?.closest<HTMLElement>('.vis-label') ?? label)?.getBoundingClientRect();
    const y = band && band.height > 0 ? band.top + Math.min(band.height, 40) / 2 - box.top : box.height / 2;
    return { y0: y - 8, y1: y + 8 };
  }

  #drawLink(link: ResolvedLink, g: LinkGeometry, cols: EventColumns, box: DOMRect, words: WordPlaces): SVGGElement {
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', `link link-${link.kind}`);
    const from = stringAt(cols.ids, link.from);
    const to = stringAt(cols.ids, link.to);
    group.dataset['from'] = from;
    group.dataset['to'] = to;
    group.dataset['kind'] = link.kind;
    // Where each end is drawn, in client coordinates (tests hold them to the marks).
    group.dataset['start'] = `${(g.start.x + box.left).toFixed(1)},${(g.start.y + box.top).toFixed(1)}`;
    group.dataset['end'] = `${(g.end.x + box.left).toFixed(1)},${(g.end.y + box.top).toFixed(1)}`;
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('class', 'link-line');
    path.setAttribute('d', pathOf(g));
    if (!SYMMETRIC_KINDS.has(link.kind)) path.setAttribute('marker-end', 'url(#fl-link-arrow)');
    const halo = path.cloneNode() as SVGPathElement;
    halo.setAttribute('class', 'link-halo');
    halo.removeAttribute('marker-end');
    group.append(halo, path);
    // The link's words at its middle, where they do not cover another link's.
    const text = LINK_KIND_LABEL[link.kind];
    const wordsWidth = text.length * WORD_PX;
    // Inside the panel (a curve running to an edge has its middle near it).
    const x = Math.min(box.width - wordsWidth / 2 - 2, Math.max(wordsWidth / 2 + 2, g.middle.x));
    // Only on a curve long enough to carry them (a short bracket between stacked marks has no room).
    const long = Math.hypot(g.end.x - g.start.x, g.end.y - g.start.y) >= MIN_WORDS_PX;
    if (long && words.take(x, g.middle.y, wordsWidth)) {
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('class', 'link-label');
      label.setAttribute('x', x.toFixed(1));
      label.setAttribute('y', (g.middle.y + 4).toFixed(1));
      label.setAttribute('text-anchor', 'middle');
      label.textContent = text;
      group.append(label);
    }
    if (g.off) {
      // The end outside the view: a marker at that edge naming the event, as read from the end in view.
      const other = g.off.end === 'to' ? link.to : link.from;
      const words = linkWords(link.kind, g.off.end === 'to' ? 'outgoing' : 'incoming');
      group.dataset['off'] = g.off.side;
      group.append(this.#offMarker(g.off.side, g.off.end === 'to' ? g.end : g.start, `${words} ${clip(stringAt(cols.titles, other), 48)}`, stringAt(cols.ids, other)));
    }
    return group;
  }

  #offMarker(side: 'left' | 'right', at: { x: number; y: number }, text: string, event: string): SVGGElement {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'link-offview');
    g.dataset['side'] = side;
    g.dataset['event'] = event;
    const dir = side === 'left' ? -1 : 1;
    const tip = document.createElementNS(SVG_NS, 'path');
    tip.setAttribute('class', 'link-offview-tip');
    const x = at.x;
    const y = at.y;
    tip.setAttribute('d', `M${(x - dir * 10).toFixed(1)},${(y - 7).toFixed(1)} L${x.toFixed(1)},${y.toFixed(1)} L${(x - dir * 10).toFixed(1)},${(y + 7).toFixed(1)} z`);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('class', 'link-offview-label');
    label.setAttribute('x', (x - dir * 14).toFixed(1));
    label.setAttribute('y', (y + 4).toFixed(1));
    label.setAttribute('text-anchor', side === 'left' ? 'start' : 'end');
    label.textContent = side === 'left' ? `← ${text}` : `${text} →`;
    g.append(tip, label);
    return g;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A curve shorter than this (end to end) carries no words. */
const MIN_WORDS_PX = 90;
/** Width of a character of a link's words, roughly (0.75rem type). */
const WORD_PX = 6.5;

/** Places taken by links' words: a place is given only when it overlaps none taken before. */
class WordPlaces {
  readonly #taken: { x0: number; x1: number; y0: number; y1: number }[] = [];

  take(x: number, y: number, width: number): boolean {
    const r = { x0: x - width / 2 - 2, x1: x + width / 2 + 2, y0: y - 8, y1: y + 8 };
    if (this.#taken.some((t) => t.x0 < r.x1 && r.x0 < t.x1 && t.y0 < r.y1 && r.y0 < t.y1)) return false;
    this.#taken.push(r);
    return true;
  }
}
