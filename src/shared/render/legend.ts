// The exported picture's legend: the event types shown (glyph and name), then how dates are drawn,
// in plain words, for the kinds of date the picture holds, then the kinds of link it draws between
// events. Laid out in rows that wrap.
import { EVENT_TYPE_STYLES, EVENT_TYPES, type EventType } from '../dataset/eventTypes';
import { LINK_KIND_LABEL, LINK_KINDS, SYMMETRIC_KINDS, type LinkKind } from '../dataset/links';
import { arrowhead, linkDash } from './linksSvg';
import { precisionSwatch } from './eventMarks';
import type { ExtentKind } from './extent';
import { glyph, num, svgText } from './svgPrimitives';
import { textWidth } from './text';
import type { Theme } from './themes';

/** How the legend names each kind of date: a window of possible dates is never called a duration. */
export const EXTENT_LEGEND: readonly { readonly key: ExtentKind; readonly label: string }[] = [
  { key: 'exact', label: 'Exact day' },
  { key: 'window', label: 'Sometime within (week/month/year, or between two dates)' },
  { key: 'approx', label: 'Around a date' },
  { key: 'span', label: 'Lasted (from – to)' }
];

interface LegendItem {
  readonly kind: 'type' | 'precision' | 'link';
  readonly key: string;
  readonly label: string;
  readonly width: number;
  readonly x: number;
  readonly row: number;
}

export interface LegendLayout {
  readonly rows: number;
  readonly height: number;
  draw(x: number, y: number, theme: Theme, defs: string[]): string[];
}

/** How the legend names a kind of link: "Link: leads to". */
export function linkLegendLabel(kind: LinkKind): string {
  return `Link: ${LINK_KIND_LABEL[kind]}`;
}

export function layoutLegend(types: ReadonlySet<EventType>, kinds: ReadonlySet<ExtentKind>, fs: number, contentW: number, links: ReadonlySet<LinkKind> = new Set()): LegendLayout {
  const legendFs = fs * 0.88;
  const itemH = legendFs * 1.6;
  const gap = legendFs * 1.3;
  const entries: { kind: 'type' | 'precision' | 'link'; key: string; label: string; width: number }[] = [];
  for (const t of EVENT_TYPES) {
    if (!types.has(t)) continue;
    const label = EVENT_TYPE_STYLES[t].plural;
    entries.push({ kind: 'type', key: t, label, width: legendFs * 1.35 + textWidth(label, legendFs) });
  }
  for (const p of EXTENT_LEGEND) if (kinds.has(p.key)) entries.push({ kind: 'precision', key: p.key, label: p.label, width: legendFs * 2.4 + textWidth(p.label, legendFs) });
  for (const k of LINK_KINDS) if (links.has(k)) entries.push({ kind: 'link', key: k, label: linkLegendLabel(k), width: legendFs * 2.4 + textWidth(linkLegendLabel(k), legendFs) });
  const items: LegendItem[] = [];
  let x = 0;
  let row = 0;
  let prevKind: string | undefined;
  for (const entry of entries) {
    const extraGap = prevKind !== undefined && prevKind !== entry.kind ? gap * 1.6 : 0;
    if (x > 0 && x + extraGap + entry.width > contentW) {
      x = 0;
      row++;
    } else x += extraGap;
    items.push({ ...entry, x, row });
    x += entry.width + gap;
    prevKind = entry.kind;
  }
  const rows = items.length > 0 ? items[items.length - 1]!.row + 1 : 0;
  return {
    rows,
    height: rows * itemH,
    draw(x0, y0, theme, defs) {
      const out: string[] = [];
      for (const item of items) {
        const x = x0 + item.x;
        const cy = y0 + item.row * itemH + itemH / 2;
        if (item.kind === 'type') {
          const t = item.key as EventType;
          out.push(glyph(t, x + legendFs * 0.5, cy, legendFs, theme.typeColour[t], theme.stroke));
          out.push(svgText(x + legendFs * 1.35, cy + legendFs * 0.36, item.label, { size: legendFs, fill: theme.text }));
        } else if (item.kind === 'link') {
          out.push(`<g class="legend-link" data-kind="${item.key}">`);
          out.push(linkSwatch(item.key as LinkKind, x, cy, legendFs * 1.9, legendFs, theme));
          out.push(svgText(x + legendFs * 2.4, cy + legendFs * 0.36, item.label, { size: legendFs, fill: theme.muted }));
          out.push('</g>');
        } else {
          out.push(`<g class="legend-extent" data-kind="${item.key}">`);
          out.push(precisionSwatch(item.key as ExtentKind, x, cy - legendFs * 0.55, legendFs * 1.9, legendFs * 1.1, theme, defs));
          out.push(svgText(x + legendFs * 2.4, cy + legendFs * 0.36, item.label, { size: legendFs, fill: theme.muted }));
          out.push('</g>');
        }
      }
      return out;
    }
  };
}

/** A short stretch of link, as the picture draws that kind: dashed or dotted, with its arrowhead. */
function linkSwatch(kind: LinkKind, x: number, cy: number, w: number, fs: number, theme: Theme): string {
  const dash = linkDash(kind, fs);
  const sw = Math.max(1.2, fs * 0.11);
  const line = `<path d="M${num(x)} ${num(cy)}L${num(x + w)} ${num(cy)}" fill="none" stroke="${theme.text}" stroke-width="${num(sw)}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  return SYMMETRIC_KINDS.has(kind) ? line : line + arrowhead({ x: x + w, y: cy }, 1, 0, fs * 0.6, theme.text);
}

