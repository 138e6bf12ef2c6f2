// Links between events in the exported picture, drawn as on screen (the same curves: see
// shared/timeline/linkGeometry.ts): between the marks of the events the picture labels, and from
// a labelled event to the edge of the picture, with the other event named there, when the other
// lies outside the dates shown. Arrowheads are paths of their own (no <marker>, which not every
// SVG reader draws); a dispute is dashed, same-as and related-to dotted. Text escaped.
import { LINK_KIND_LABEL, linkWords, SYMMETRIC_KINDS, type LinkKind, type ResolvedLink } from '../dataset/links';
import { geometry, pathOf, type EndBox, type LinkGeometry } from '../timeline/linkGeometry';
import { num, svgText } from './svgPrimitives';
import { escapeXml, fitText } from './text';
import type { Theme } from './themes';

export interface LinkPlot {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

export interface LinkEnds {
  /** The mark of event i as drawn (picture coordinates), when the picture labels it. */
  box(i: number): EndBox | undefined;
  /** Where event i lies when it is not drawn: outside the dates shown (before or after), else undefined. */
  outside(i: number): 'before' | 'after' | undefined;
  title(i: number): string;
  id(i: number): string;
}

/** The dash pattern of a kind of link (at type size `fs`), or none. */
export function linkDash(kind: LinkKind, fs: number): string | undefined {
  if (kind === 'disputes') return `${num(fs * 0.5)} ${num(fs * 0.3)}`;
  if (SYMMETRIC_KINDS.has(kind)) return `${num(fs * 0.15)} ${num(fs * 0.3)}`;
  return undefined;
}

/** An arrowhead with its tip at `tip`, pointing along (dx, dy). */
export function arrowhead(tip: { x: number; y: number }, dx: number, dy: number, size: number, fill: string): string {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const w = size * 0.45;
  return `<path d="M${num(tip.x)} ${num(tip.y)}L${num(bx - uy * w)} ${num(by + ux * w)}L${num(bx + uy * w)} ${num(by - ux * w)}Z" fill="${fill}"/>`;
}

/** The links, as SVG parts, in the plot; the kinds drawn (for the legend). */
export function drawLinks(links: readonly ResolvedLink[], ends: LinkEnds, plot: LinkPlot, fs: number, theme: Theme): { parts: string[]; kinds: Set<LinkKind> } {
  const width = plot.x1 - plot.x0;
  const height = plot.y1 - plot.y0;
  const local = (b: EndBox): EndBox => ({ x0: b.x0 - plot.x0, x1: b.x1 - plot.x0, y0: b.y0 - plot.y0, y1: b.y1 - plot.y0, ...(b.free ? { free: b.free } : {}) });
  // An end outside the dates shown: beyond that edge, level with the end drawn.
  const beyond = (i: number, level: EndBox): EndBox | undefined => {
    const side = ends.outside(i);
    if (!side) return undefined;
    const x = side === 'before' ? -width : 2 * width;
    return { x0: x, x1: x + 1, y0: level.y0, y1: level.y1 };
  };
  const arriving = new Map<number, number>();
  for (const l of links) arriving.set(l.to, (arriving.get(l.to) ?? 0) + 1);
  const arrived = new Map<number, number>();
  const parts: string[] = [];
  const kinds = new Set<LinkKind>();
  for (const link of links) {
    const fromBox = ends.box(link.from);
    const toBox = ends.box(link.to);
    if (!fromBox && !toBox) continue;
    const a = fromBox ? local(fromBox) : beyond(link.from, local(toBox!));
    const b = toBox ? local(toBox) : beyond(link.to, local(fromBox!));
    // An end inside the dates shown but not labelled (a density lane, filtered out): not drawn.
    if (!a || !b) continue;
    const k = arrived.get(link.to) ?? 0;
    arrived.set(link.to, k + 1);
    const g = geometry(a, b, width, height, (k + 1) / ((arriving.get(link.to) ?? 1) + 1));
    if (!g) continue;
    parts.push(drawLink(link, g, ends, plot, fs, theme));
    kinds.add(link.kind);
  }
  return { parts: parts.length > 0 ? [`<g class="links" transform="translate(${num(plot.x0)} ${num(plot.y0)})">`, ...parts, '</g>'] : [], kinds };
}

function drawLink(link: ResolvedLink, g: LinkGeometry, ends: LinkEnds, plot: LinkPlot, fs: number, theme: Theme): string {
  const ink = theme.text;
  const sw = Math.max(1.2, fs * 0.11);
  const dash = linkDash(link.kind, fs);
  const d = pathOf(g);
  const out = [`<g class="link" data-from="${escapeXml(ends.id(link.from))}" data-to="${escapeXml(ends.id(link.to))}" data-kind="${link.kind}">`];
  out.push(`<path d="${d}" fill="none" stroke="${theme.surface}" stroke-width="${num(sw * 3)}" stroke-opacity="0.8"/>`);
  out.push(`<path d="${d}" fill="none" stroke="${ink}" stroke-width="${num(sw)}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
  if (!SYMMETRIC_KINDS.has(link.kind) && !(g.off?.end === 'to')) out.push(arrowhead(g.end, g.end.x - g.c2.x, g.end.y - g.c2.y, fs * 0.75, ink));
  if (g.off) {
    // The event outside the dates shown, named at the edge, as read from the end drawn.
    const other = g.off.end === 'to' ? link.to : link.from;
    const at = g.off.end === 'to' ? g.end : g.start;
    const words = `${linkWords(link.kind, g.off.end === 'to' ? 'outgoing' : 'incoming')} ${ends.title(other)}`;
    const size = fs * 0.72;
    const room = (plot.x1 - plot.x0) * 0.4;
    const text = fitText(g.off.side === 'left' ? `← ${words}` : `${words} →`, size, room, true);
    const right = g.off.side === 'right';
    if (!SYMMETRIC_KINDS.has(link.kind) && g.off.end === 'to') out.push(arrowhead(at, right ? 1 : -1, 0, fs * 0.75, ink));
    out.push(svgText(at.x + (right ? -fs * 0.9 : fs * 0.9), at.y - fs * 0.45, text, { size, fill: ink, weight: 600, anchor: right ? 'end' : 'start' }, ' class="link-offview"'));
  } else {
    out.push(`<title>${escapeXml(LINK_KIND_LABEL[link.kind])}</title>`);
  }
  out.push('</g>');
  return out.join('');
}
