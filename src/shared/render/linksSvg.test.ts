// Links in the exported picture: drawn between the marks of the events it labels (an arrowhead at
// the event a directed link goes to, dashes for a dispute), to the picture's edge naming the other
// event when it lies outside the dates shown, not at all for an end inside them that is not drawn;
// the legend names the kinds drawn; text from the file stays text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringAt, type EventColumns } from '../dataset/columns';
import { LinkIndex } from '../dataset/links';
import { loadDatasetBytes, type LoadedDataset } from '../dataset/loadDatasetBytes';
import { utcDay } from '../dataset/dates';
import { checkSvg } from './svgCheck';
import { renderTimelineSvg } from './timelineSvg';

const FIXTURE = new URL('../../../tests/fixtures/links.frontline', import.meta.url);
const BUNDLED = new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url);

function load(url: URL, edit?: (raw: Record<string, unknown>) => void): LoadedDataset {
  let bytes: Uint8Array = readFileSync(url);
  if (edit) {
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    edit(raw);
    bytes = new TextEncoder().encode(JSON.stringify(raw));
  }
  const result = loadDatasetBytes(bytes, 'x.frontline');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded;
}

function indexOf(cols: EventColumns): (id: string) => number | undefined {
  const ids = Array.from({ length: cols.count }, (_, i) => stringAt(cols.ids, i));
  return (id) => (ids.includes(id) ? ids.indexOf(id) : undefined);
}

interface SvgLink {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly body: string;
}

/** The links drawn, read back from the SVG. */
function linksIn(svg: string): SvgLink[] {
  return [...svg.matchAll(/<g class="link" data-from="([^"]*)" data-to="([^"]*)" data-kind="([^"]*)">(.*?)<\/g>/g)].map((m) => ({ from: m[1]!, to: m[2]!, kind: m[3]!, body: m[4]! }));
}

/** Each event's mark as drawn: its x extent. */
function marks(svg: string): Map<string, { x0: number; x1: number }> {
  return new Map([...svg.matchAll(/<g class="event" [^>]*data-event="([^"]*)" [^>]*data-mark="([\d.]+) ([\d.]+)"/g)].map((m) => [m[1]!, { x0: Number(m[2]), x1: Number(m[3]) }]));
}

/** The first and last points of a link's curve (in the plot's coordinates, offset by its translate). */
function endsOf(svg: string, link: SvgLink): { start: { x: number; y: number }; end: { x: number; y: number } } {
  const [dx, dy] = (/<g class="links" transform="translate\(([\d.]+) ([\d.]+)\)">/.exec(svg) ?? []).slice(1).map(Number);
  const d = /stroke="[^"]+" stroke-width="[\d.]+"(?: stroke-dasharray="[^"]*")?\/>/.exec(link.body) ? /<path d="M([\d.-]+),([\d.-]+) C[\d., -]+ ([\d.-]+),([\d.-]+)"/.exec(link.body) : null;
  if (!d) throw new Error(`no curve in ${link.body}`);
  return { start: { x: Number(d[1]) + dx!, y: Number(d[2]) + dy! }, end: { x: Number(d[3]) + dx!, y: Number(d[4]) + dy! } };
}

const MARCH = { start: utcDay(2020, 3, 1), end: utcDay(2020, 3, 31) };

describe('links in the exported picture', () => {
  const { header, columns } = load(FIXTURE);
  const index = new LinkIndex(header.links, indexOf(columns));
  const capture = indexOf(columns)('e-capture')!;

  it('draws the selected event\'s links between the marks of the events it labels', () => {
    const image = renderTimelineSvg({ header, columns, window: MARCH, width: 1600, links: index.shown(capture, false, undefined) });
    expect(checkSvg(image.svg).problems).toEqual([]);
    const drawn = linksIn(image.svg);
    expect(drawn.map((l) => `${l.from} ${l.kind} ${l.to}`).sort()).toEqual([
      'e-dup same-as e-capture',
      'e-far related-to e-capture',
      'e-offensive leads-to e-capture',
      'e-report disputes e-capture',
      'e-response responds-to e-capture'
    ]);
    const at = marks(image.svg);
    for (const l of drawn.filter((x) => x.from !== 'e-far')) {
      const { start, end } = endsOf(image.svg, l);
      const from = at.get(l.from)!;
      const to = at.get(l.to)!;
      expect(start.x, l.from).toBeGreaterThanOrEqual(from.x0 - 0.5);
      expect(start.x, l.from).toBeLessThanOrEqual(from.x1 + 0.5);
      expect(Math.min(Math.abs(end.x - to.x0), Math.abs(end.x - to.x1)), l.from).toBeLessThan(0.5);
    }
    // A directed link has its arrowhead; a dispute is dashed; same-as has neither.
    const byFrom = new Map(drawn.map((l) => [l.from, l.body]));
    expect(byFrom.get('e-offensive')!.match(/<path d="M[^"]*Z"/g)).toHaveLength(1);
    expect(byFrom.get('e-report')).toContain('stroke-dasharray');
    expect(byFrom.get('e-dup')).not.toMatch(/Z"/);
    expect(byFrom.get('e-offensive')).not.toContain('stroke-dasharray');
  });

  it('runs a link to the edge, naming the other event, when it lies outside the dates shown', () => {
    const image = renderTimelineSvg({ header, columns, window: MARCH, width: 1600, links: index.shown(capture, false, undefined) });
    const far = linksIn(image.svg).find((l) => l.from === 'e-far')!;
    expect(far.body).toContain('class="link-offview"');
    expect(checkSvg(image.svg).texts).toContain('Related to Northtown clash months later →');
  });

  it('names the kinds of link drawn in the legend, and only those', () => {
    const image = renderTimelineSvg({ header, columns, window: MARCH, width: 1600, links: index.shown(capture, false, undefined) });
    const texts = checkSvg(image.svg).texts;
    for (const label of ['Link: leads to', 'Link: disputes', 'Link: responds to', 'Link: same as', 'Link: related to']) expect(texts).toContain(label);
    expect(texts).not.toContain('Link: part of');
    const all = renderTimelineSvg({ header, columns, window: MARCH, width: 1600, links: index.shown(undefined, true, undefined) });
    expect(checkSvg(all.svg).texts).toContain('Link: part of');
    expect(linksIn(all.svg)).toHaveLength(6);
  });

  it('draws no link to an end the picture leaves out (filtered), and none when asked for none', () => {
    const ids = indexOf(columns);
    const withoutReport = (i: number) => i !== ids('e-report');
    const image = renderTimelineSvg({ header, columns, window: MARCH, width: 1600, include: withoutReport, links: index.shown(capture, false, withoutReport) });
    expect(linksIn(image.svg).map((l) => l.from)).not.toContain('e-report');
    const none = renderTimelineSvg({ header, columns, window: MARCH, width: 1600 });
    expect(linksIn(none.svg)).toEqual([]);
    expect(none.svg).not.toContain('legend-link');
  });

  it('keeps text from the file as text at the edge marker', () => {
    const hostile = load(FIXTURE, (raw) => {
      const events = raw['events'] as { id: string; title: string }[];
      events.find((e) => e.id === 'e-far')!.title = '<script>alert(1)</script> & "quotes"';
    });
    const links = new LinkIndex(hostile.header.links, indexOf(hostile.columns)).shown(indexOf(hostile.columns)('e-capture'), false, undefined);
    const image = renderTimelineSvg({ header: hostile.header, columns: hostile.columns, window: MARCH, width: 1600, links });
    const report = checkSvg(image.svg);
    expect(report.problems).toEqual([]);
    expect(report.texts.some((t) => t.startsWith('Related to <script>alert(1)</script> & "quotes"'))).toBe(true);
  });

  it('the bundled dataset: the recapture of al-Qaim, what led to it and what is related', () => {
    const bundled = load(BUNDLED);
    const ids = indexOf(bundled.columns);
    const links = new LinkIndex(bundled.header.links, ids).shown(ids('al-qaim-recaptured'), false, undefined);
    const image = renderTimelineSvg({ header: bundled.header, columns: bundled.columns, window: { start: utcDay(2017, 10, 20), end: utcDay(2017, 11, 10) }, width: 1920, height: 1080, links });
    expect(checkSvg(image.svg).problems).toEqual([]);
    expect(linksIn(image.svg).map((l) => `${l.from} ${l.kind} ${l.to}`)).toEqual(['al-qaim-offensive leads-to al-qaim-recaptured', 'border-post-seized related-to al-qaim-recaptured']);
  });
});
