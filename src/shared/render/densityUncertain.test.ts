// Export density lanes: events dated only to a window of possible dates (here ISO weeks) are drawn
// as the paler top of their bars, and the caption says how many there are and that they are spread.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import { parseRange } from './exportWindow';
import { checkSvg } from './svgCheck';
import { DEFAULT_MAX_LABELLED, renderTimelineSvg } from './timelineSvg';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

/** `n` events over 2017 in two theatres; every other one dated only to its ISO week when `weeks`. */
function many(n: number, weeks: boolean) {
  const json = JSON.parse(readFileSync(BUNDLED, 'utf8')) as Record<string, unknown>;
  const events = [];
  for (let k = 0; k < n; k++) {
    const day = new Date(Date.UTC(2017, 0, 2) + (k % 350) * 86_400_000).toISOString().slice(0, 10);
    const week = `2017-W${String(1 + (k % 50)).padStart(2, '0')}`;
    events.push({
      id: `e${k}`,
      type: 'clash',
      title: `Event number ${k}`,
      start: weeks && k % 2 === 1 ? { value: week, precision: 'week' } : { value: day, precision: 'day' },
      places: [k % 4 < 2 ? 'syria' : 'iraq'],
      citations: [{ source: 'bbc-2017-11-03', quote: 'IS' }]
    });
  }
  json['events'] = events;
  delete json['stories'];
  delete json['links'];
  const loaded = loadDatasetBytes(new TextEncoder().encode(JSON.stringify(json)), 'test.frontline');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.loaded;
}

const YEAR_2017 = (() => {
  const r = parseRange('2017-01-01..2017-12-31');
  if (!r.ok) throw new Error(r.message);
  return r.window;
})();

describe('export density and windows of possible dates', () => {
  it('draws the events dated only to a week as the paler top of the bars, and says so', () => {
    const { header, columns } = many(DEFAULT_MAX_LABELLED * 3, true);
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1600, height: 900 });
    const report = checkSvg(image.svg);
    expect(report.ok).toBe(true);
    expect(image.lanes.every((l) => l.density)).toBe(true);
    expect(image.svg).toContain('class="density-uncertain"');
    // Each lane holds 450 events, half of them dated to a week.
    const captions = report.texts.filter((t) => t.startsWith('Events per '));
    expect(captions).toHaveLength(2);
    for (const c of captions) expect(c).toMatch(/; paler: 225 dated only to a week or more, spread over the days they may fall on$/);
  });

  it('draws no paler part where every event has its day', () => {
    const { header, columns } = many(DEFAULT_MAX_LABELLED * 3, false);
    const image = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1600, height: 900 });
    expect(image.svg).not.toContain('density-uncertain');
    expect(checkSvg(image.svg).texts.filter((t) => t.includes('paler'))).toEqual([]);
  });
});
