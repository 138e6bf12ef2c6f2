import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventView, FLAG_ERA, type EventColumns } from '../dataset/columns';
import { loadDatasetBytes, type LoadedDataset } from '../dataset/loadDatasetBytes';
import { assignLanes } from '../timeline/laneAssignment';
import { parseRange } from './exportWindow';
import { checkSvg } from './svgCheck';
import { THEME_NAMES } from './themes';
import { DEFAULT_MAX_LABELLED, describeSource, renderTimelineSvg, splitWindow } from './timelineSvg';
import { BUNDLED_EVENTS_IN_2017 } from '../../../tests/support/bundledDataset';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLED = `${ROOT}data/deir-al-zour-al-qaim-2017.frontline`;

function load(json: string | Uint8Array, name = 'test.frontline'): LoadedDataset {
  const bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  const result = loadDatasetBytes(bytes, name);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded;
}

const bundled = () => load(readFileSync(BUNDLED), 'deir-al-zour-al-qaim-2017.frontline');
const bundledJson = () => JSON.parse(readFileSync(BUNDLED, 'utf8')) as { metadata: { title: string }; events: { title: string; start: { value: string; precision: string }; type: string }[] } & Record<string, unknown>;

const YEAR_2017 = (() => {
  const r = parseRange('2017-01-01..2017-12-31');
  if (!r.ok) throw new Error(r.message);
  return r.window;
})();

/** Titles of the events the columns place in the window (eras aside), computed independently of the renderer. */
function titlesInWindow(cols: EventColumns, w: { start: number; end: number }): string[] {
  const out: string[] = [];
  for (let i = 0; i < cols.count; i++) {
    if (cols.flags[i]! & FLAG_ERA) continue;
    if (cols.start[i]! < w.end && cols.end[i]! > w.start) out.push(eventView(cols, i).title);
  }
  return out;
}

describe('renderTimelineSvg: the bundled dataset', () => {
  const { header, columns } = bundled();

  it('is well-formed XML with nothing that runs or reaches out', () => {
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    const report = checkSvg(image.svg);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(image.svg).not.toMatch(/foreignObject|<script|\son[a-z]+=|xlink:href|href=|@import|<image/i);
    expect(image.width).toBe(1920);
    expect(image.height).toBe(1080);
    expect(image.svg).toMatch(/^<svg [^>]*width="1920" height="1080" viewBox="0 0 1920 1080"/);
    expect(image.overflow).toBe(false);
  });

  it('shows every event in the window as text, with its figures, and no event outside it', () => {
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    const texts = checkSvg(image.svg).texts;
    const expected = titlesInWindow(columns, YEAR_2017);
    expect(expected.length).toBe(BUNDLED_EVENTS_IN_2017);
    for (const title of expected) expect(texts).toContain(title);
    expect(image.labelled).toHaveLength(expected.length);
    // Figures, as written on the timeline.
    expect(texts).toContain('some 350,000 displaced');
    expect(texts).toContain('more than 4.4 million Iraqis freed');
    // Before the window: the 1916 agreement and the January 2015 map.
    expect(texts.join('\n')).not.toMatch(/Sykes-Picot|January 2015 \(BBC map\)/);
    // Precision words, as on screen.
    expect(texts).toContain('month');
    expect(texts).toContain('approx.');
  });

  it('marks each labelled event with its id (data-event), the same events as `labelled`', () => {
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    const ids = [...image.svg.matchAll(/<g class="event" [^>]*data-event="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(image.labelled.map((i) => eventView(columns, i).id).sort());
    expect(ids.length).toBe(BUNDLED_EVENTS_IN_2017);
  });

  it('has a title, subtitle, date range, lanes, a legend of the types present and the sources', () => {
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    const texts = checkSvg(image.svg).texts;
    expect(texts).toContain('IS loses Deir al-Zour and al-Qaim');
    expect(texts.some((t) => t.startsWith('The fall of Islamic State'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1 January – 31 December 2017'))).toBe(true);
    for (const lane of ['Syria', 'Iraq', 'Syria & Iraq', 'Elsewhere']) expect(texts).toContain(lane);
    for (const type of ['Offensives', 'Captures', 'Control of territory', 'Displacement', 'Statements and claims']) expect(texts).toContain(type);
    // Types absent from the window are not in the legend.
    expect(texts).not.toContain('Historical context');
    // How dates are drawn, in plain words: a window of possible dates is never called a duration.
    expect(texts).toContain('Sometime within (week/month/year, or between two dates)');
    expect(texts).toContain('Lasted (from – to)');
    expect(texts).toContain('Around a date');
    expect(texts).toContain('Exact day');
    const footer = texts.filter((t) => t.startsWith('Sources:') || t.includes('GeoNames')).join(' ');
    expect(footer).toContain('BBC News, “IS loses Deir al-Zour in Syria and al-Qaim in Iraq on same day”, 3 November 2017');
    // Axis: the year and its months.
    expect(texts).toContain('2017');
    for (const m of ['Jan', 'Jun', 'Dec']) expect(texts).toContain(m);
  });

  it('draws a month-precision date as a hatched window and an exact day as a solid mark', () => {
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    // Raqqa, October 2017 (month): hatching between brackets, no fill.
    const raqqa = image.svg.split('\n').find((l) => l.includes('US-backed Syrian alliance takes Raqqa'))!;
    expect(raqqa).toMatch(/<path class="mark-window" d="(M[\d. ]+L[\d. ]+)+"[^>]* fill="none"/);
    expect(raqqa).toMatch(/<path class="window-bracket" d="M[^"]+"[^>]* fill="none"/);
    expect(raqqa).not.toMatch(/class="mark-span"/);
    const exact = image.svg.split('\n').find((l) => l.includes('Syrian army says it has taken Deir al-Zour'))!;
    expect(exact).toMatch(/class="mark-exact"/);
    expect(exact).not.toMatch(/mark-window|window-bracket/);
    expect(exact).toContain('disputed');
  });

  it('places labels so that none overlaps another', () => {
    for (const width of [1920, 1000, 842]) {
      const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width });
      // Label boxes are the rects with a surface fill (first rect with rx after the bar).
      const labels = [...image.svg.matchAll(/<rect class="label-box" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        w: Number(m[3]),
        h: Number(m[4])
      }));
      expect(labels).toHaveLength(BUNDLED_EVENTS_IN_2017);
      for (let a = 0; a < labels.length; a++) {
        for (let b = a + 1; b < labels.length; b++) {
          const p = labels[a]!;
          const q = labels[b]!;
          const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
          expect(overlap, `labels ${a} and ${b} overlap at width ${width}`).toBe(false);
        }
      }
      // Inside the picture.
      for (const l of labels) expect(l.x + l.w).toBeLessThanOrEqual(width);
    }
  });

  it('renders in every theme and lane mode', () => {
    for (const theme of THEME_NAMES) {
      for (const lanes of ['theatre', 'type', 'actor', 'admin1'] as const) {
        const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280, theme, lanes });
        const report = checkSvg(image.svg);
        expect(report.problems, `${theme} ${lanes}`).toEqual([]);
        // Every title, whole; or, where a label fits on neither side of its mark, cut (…) by the plot's edge.
        for (const title of titlesInWindow(columns, YEAR_2017)) {
          expect(report.texts.some((t) => t === title || (t.endsWith('…') && title.startsWith(t.slice(0, -1).trimEnd()))), `${theme} ${lanes}: ${title}`).toBe(true);
        }
      }
    }
    // Print is greyscale: no colour but greys in fills and strokes.
    const print = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280, theme: 'print' }).svg;
    for (const m of print.matchAll(/(?:fill|stroke|stop-color)="#([0-9a-f]{6})"/gi)) {
      const [r, g, b] = [0, 2, 4].map((k) => Number.parseInt(m[1]!.slice(k, k + 2), 16));
      expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), `#${m[1]} is not grey`).toBeLessThanOrEqual(24);
    }
  });

  it('takes the lanes the screen uses, and a filter', () => {
    const lanes = assignLanes('type', header, columns);
    const onlyCaptures = (i: number) => columns.type[i] === 1;
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280, lanes, include: onlyCaptures, lanesCaption: 'Lanes by type' });
    const texts = checkSvg(image.svg).texts;
    expect(image.lanes.map((l) => l.label)).toEqual(['Captures']);
    expect(texts).toContain('Iraqi forces recapture al-Qaim "in record time"');
    expect(texts).not.toContain('Civilians forced to flee Deir al-Zour province');
  });

  it('fits the height it is given by shrinking type, and uses spare height for larger type', () => {
    const small = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280, height: 600 });
    const tall = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280, height: 1400 });
    const auto = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1280 });
    expect(small.height).toBe(600);
    expect(small.overflow).toBe(false);
    expect(small.fontSize).toBeLessThan(auto.fontSize);
    expect(tall.fontSize).toBeGreaterThan(auto.fontSize);
    expect(auto.height).toBeGreaterThan(400);
  });

  it('is the same picture every time (no clock, no randomness)', () => {
    const a = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1000 }).svg;
    const b = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1000 }).svg;
    expect(a).toBe(b);
  });
});

describe('renderTimelineSvg: hostile and Arabic text', () => {
  it('escapes every dataset string: markup appears literally and never as elements', () => {
    const hostile = load(readFileSync(`${ROOT}tests/fixtures/hostile.frontline`), 'hostile.frontline');
    const window = { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) };
    const image = renderTimelineSvg({ header: hostile.header, columns: hostile.columns, window, width: 1400, labels: { title: '<script>alert(1)</script>' } });
    const report = checkSvg(image.svg);
    expect(report.problems).toEqual([]);
    expect(report.elements['script']).toBeUndefined();
    expect(report.elements['img']).toBeUndefined();
    expect(report.texts).toContain('<script>alert(1)</script>');
    expect(image.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report.texts).toContain('<img src=x onerror="window.__pwned=1"> captured');
    // A long lane name wraps onto two lines.
    expect(report.texts.join(' ')).toContain('Syria <img src=x onerror="window.__pwned=1">');
    expect(report.texts.join('\n')).toContain('Evil <img src=x onerror="window.__pwned=1">, “Title <script>window.__pwned=2</script>”');
    // The dataset's own title (a script tag) in the default labels.
    const own = renderTimelineSvg({ header: hostile.header, columns: hostile.columns, window, width: 1400 });
    expect(checkSvg(own.svg).texts).toContain('Hostile <script>window.__pwned=2</script>');
    expect(own.svg).not.toMatch(/<script|<img|\sonerror="/);
  });

  it('drops characters XML cannot hold rather than writing a broken file', () => {
    const json = bundledJson();
    json.metadata.title = 'Bad \u0001\u0008 control';
    const { header, columns } = load(JSON.stringify(json));
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1000 });
    expect(checkSvg(image.svg).ok).toBe(true);
  });

  it('sets Arabic as a right-to-left run in the Arabic font', () => {
    const json = bundledJson();
    const ev = json.events.find((e) => e.title.startsWith('Civilians'))!;
    ev.title = 'Civilians flee دير الزور province';
    const { header, columns } = load(JSON.stringify(json));
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1600, labels: { title: 'دير الزور' } });
    const report = checkSvg(image.svg);
    expect(report.ok).toBe(true);
    expect(report.texts).toContain('Civilians flee دير الزور province');
    expect(report.texts).toContain('دير الزور');
    expect(image.svg).toMatch(/<tspan x="[\d.]+" font-family="'IBM Plex Sans Arabic'[^"]*" font-weight="400">دير الزور<\/tspan>/);
  });
});

describe('renderTimelineSvg: figures with a range', () => {
  it('writes the range and agrees in number, as on screen ("0 killed, up to 7,961", "1 civilian killed")', () => {
    const json = bundledJson();
    const events = json.events as unknown as { start: { value: string }; figures?: unknown[] }[];
    const [a, b] = events.filter((e) => e.start.value.startsWith('2017-11'));
    a!.figures = [{ value: 0, low: 0, high: 7961, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 0 (low 0, high 7961)' }];
    b!.figures = [
      { value: 12, low: 10, high: 15, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 12 (low 10, high 15)' },
      { value: 1, unit: 'civilian deaths', counts: 'civilian deaths', label: 'civilians killed', bound: 'exact', asWritten: '1' }
    ];
    const { header, columns } = load(JSON.stringify(json));
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
    const texts = checkSvg(image.svg).texts;
    expect(texts).toContain('0 killed, up to 7,961');
    expect(texts).toContain('12 killed (10–15)');
    expect(texts).toContain('1 civilian killed');
    expect(texts.join('\n')).not.toMatch(/about 0|1 civilians/);
  });
});

describe('renderTimelineSvg: too many events to label', () => {
  /** A dataset of `n` one-day events over 2017 in two theatres. */
  function many(n: number): LoadedDataset {
    const json = bundledJson();
    const events = [];
    for (let k = 0; k < n; k++) {
      const day = new Date(Date.UTC(2017, 0, 1) + (k % 360) * 86_400_000).toISOString().slice(0, 10);
      events.push({
        id: `e${k}`,
        type: k % 3 === 0 ? 'clash' : 'attack',
        title: `Event number ${k}`,
        start: { value: day, precision: 'day' },
        places: [k % 2 === 0 ? 'syria' : 'iraq'],
        citations: [{ source: 'bbc-2017-11-03', quote: 'IS' }]
      });
    }
    json.events = events;
    // The bundled story names the bundled events, which these replace.
    delete json['stories'];
    delete json['links'];
    return load(JSON.stringify(json));
  }

  it('draws density bars instead of labels, and says how many events they count', () => {
    const { header, columns } = many(DEFAULT_MAX_LABELLED * 3);
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1600, height: 900 });
    const report = checkSvg(image.svg);
    expect(report.ok).toBe(true);
    expect(image.lanes.every((l) => l.density)).toBe(true);
    expect(image.labelled).toHaveLength(0);
    expect(image.counted).toBe(900);
    expect(image.svg).toContain('class="density"');
    expect(report.texts).toContain('450 events');
    expect(report.texts.some((t) => t.startsWith('Events per '))).toBe(true);
    expect(report.texts).not.toContain('Event number 5');
  });

  it('labels lanes that are small enough and counts the busy ones', () => {
    const { header, columns } = many(DEFAULT_MAX_LABELLED + 40);
    // Only 40 in Iraq? No: alternate. Limit labelled events to fit one lane.
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1600, maxLabelledEvents: 200 });
    expect(image.lanes.filter((l) => l.density)).toHaveLength(1);
    expect(image.labelled.length + image.counted).toBe(DEFAULT_MAX_LABELLED + 40);
    const texts = checkSvg(image.svg).texts;
    for (const i of image.labelled) expect(texts).toContain(eventView(columns, i).title);
  });
});

describe('helpers', () => {
  it('splits a window into equal pages', () => {
    const pages = splitWindow({ start: 0, end: 300 }, 3);
    expect(pages).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 200 },
      { start: 200, end: 300 }
    ]);
    expect(splitWindow({ start: 0, end: 10 }, 0)).toEqual([{ start: 0, end: 10 }]);
    // Pages of months begin on the first of a month; pages of days at midnight.
    expect(splitWindow(YEAR_2017, 2).map((w) => new Date(w.start).toISOString().slice(0, 10))).toEqual(['2017-01-01', '2017-07-01']);
    expect(splitWindow(YEAR_2017, 4).map((w) => new Date(w.end).toISOString().slice(0, 10))).toEqual(['2017-04-01', '2017-07-01', '2017-10-01', '2018-01-01']);
    const days = splitWindow({ start: Date.UTC(2017, 10, 1), end: Date.UTC(2017, 10, 11) }, 3);
    for (const w of days) expect(w.start % 86_400_000).toBe(0);
  });

  it('describes a source by publisher, title and date', () => {
    expect(describeSource({ publisher: 'BBC News', title: 'A story', date: '2017-11-03' })).toBe('BBC News, “A story”, 3 November 2017');
    expect(describeSource({ publisher: 'GeoNames', title: 'London' })).toBe('GeoNames, “London”');
  });
});
