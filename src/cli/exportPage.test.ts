// npm run export -- DATASET --out story.html: the format follows the extension; the whole dataset
// by default, the events within --range, another --title; image-only options refused; an import
// written as a page of its native events; failures exit 1 naming the path.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringAt } from '../shared/dataset/columns';
import type { Dataset } from '../shared/dataset/schema';
import { parsePageMeta, PAGE_DATA_ID, PAGE_META_ID, type PageMeta } from '../shared/export/interactivePage';
import { parseRange } from '../shared/render/exportWindow';
import { openDatasetFile, datasetOf } from '../main/dataset/openDatasetFile';
import { parseExportArgs, runExport } from './export';
import { eventsInWindow } from './exportPage';
import { BUNDLED_EVENT_COUNT } from '../../tests/support/bundledDataset';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED = join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline');
const ACLED = join(ROOT, 'tests', 'fixtures', 'import', 'acled-current.csv');
const SLOW = 60_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cli-page-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The dataset and the description a written page holds. */
async function pageData(path: string): Promise<{ dataset: Dataset; meta: PageMeta }> {
  const html = await readFile(path, 'utf8');
  const block = (id: string) => {
    const m = html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
    if (!m) throw new Error(`no ${id} block`);
    return JSON.parse(m[1]!) as unknown;
  };
  const meta = parsePageMeta(block(PAGE_META_ID));
  if (!meta) throw new Error('no page description');
  return { dataset: block(PAGE_DATA_ID) as Dataset, meta };
}

describe('parseExportArgs for a page', () => {
  it('takes .html (or .htm) as an interactive page, with --range, --title and --subtitle', () => {
    const parsed = parseExportArgs(['d.frontline', '--out', 'story.HTML', '--range', '2017-11', '--title', 'Deir al-Zour', '--subtitle', 'For class']);
    expect(parsed.ok && parsed.args).toMatchObject({ format: 'html', out: 'story.HTML', title: 'Deir al-Zour', subtitle: 'For class', window: { start: Date.UTC(2017, 10, 1), end: Date.UTC(2017, 11, 1) } });
    expect(parseExportArgs(['d', '--out', 'x.htm']).ok).toBe(true);
  });

  it("refuses an image's options, saying what a page takes", () => {
    for (const extra of [['--theme', 'dark'], ['--lanes', 'type'], ['--width', '800'], ['--scale', '2'], ['--page', 'a4'], ['--map']]) {
      const parsed = parseExportArgs(['d', '--out', 'x.html', ...extra]);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toBe(`${extra[0]}: for an image, not an interactive page (it takes --range, --title and --subtitle)`);
    }
  });
});

describe('npm run export -- … --out x.html', () => {
  it(
    'writes the whole dataset by default, saying so',
    async () => {
      const out = join(tmp, 'story.html');
      const r = await runExport([BUNDLED, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Wrote .*story\\.html \\(interactive page, all ${BUNDLED_EVENT_COUNT} events, \\d+\\.\\d MB\\)\\n$`));
      const { dataset, meta } = await pageData(out);
      expect(dataset.events).toHaveLength(BUNDLED_EVENT_COUNT);
      expect(meta).toMatchObject({ fileName: 'deir-al-zour-al-qaim-2017.frontline', title: 'IS loses Deir al-Zour and al-Qaim', events: BUNDLED_EVENT_COUNT, ofEvents: BUNDLED_EVENT_COUNT, what: 'all' });
      expect(meta.madeWith).toMatch(/^Frontline \d+\.\d+\.\d+$/);
    },
    SLOW
  );

  it(
    'holds only the events within --range, under another title',
    async () => {
      const out = join(tmp, 'november.html');
      const r = await runExport([BUNDLED, '--out', out, '--range', '2017-11-03', '--title', 'The 3rd <of> November']);
      expect(r.exitCode, r.stderr).toBe(0);
      const opened = datasetOf(await openDatasetFile(BUNDLED));
      const range = parseRange('2017-11-03');
      if (!opened || !range.ok) throw new Error('setup');
      const within = Array.from(eventsInWindow(opened.dataset.columns, range.window), (i) => stringAt(opened.dataset.columns.ids, i));
      const expected = within.length;
      expect(expected).toBeGreaterThan(3);
      expect(expected).toBeLessThan(BUNDLED_EVENT_COUNT);
      expect(r.stdout).toContain(`(interactive page, ${expected} of ${BUNDLED_EVENT_COUNT} events,`);
      const { dataset, meta } = await pageData(out);
      expect(dataset.events.map((e) => e.id).sort()).toEqual(within.sort());
      // The day itself, and what lasted over it (IS's hold on Deir al-Zour since 2014).
      expect(within).toContain('deir-al-zour-taken');
      expect(within).toContain('is-holds-deir-al-zour');
      expect(dataset.metadata.title).toBe('The 3rd <of> November');
      expect(meta).toMatchObject({ title: 'The 3rd <of> November', events: expected, ofEvents: BUNDLED_EVENT_COUNT, what: 'shown' });
      // Written as data, never as markup.
      expect(await readFile(out, 'utf8')).not.toContain('<of>');
    },
    SLOW
  );

  it(
    'writes an import as a page of its events',
    async () => {
      const out = join(tmp, 'acled.html');
      const r = await runExport([ACLED, '--out', out]);
      expect(r.exitCode, r.stderr).toBe(0);
      const { dataset, meta } = await pageData(out);
      expect(dataset.format).toBe('frontline-dataset');
      expect(dataset.events.length).toBe(meta.events);
      expect(meta.fileName).toBe('acled-current.csv');
    },
    SLOW
  );

  it('exits 1 naming the reason when nothing falls in the range or the page cannot be written', async () => {
    const empty = await runExport([BUNDLED, '--out', join(tmp, 'never.html'), '--range', '1990']);
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toContain('no event of deir-al-zour-al-qaim-2017.frontline falls within --range');
    const target = join(tmp, 'no-such-folder', 'story.html');
    const unwritable = await runExport([BUNDLED, '--out', target]);
    expect(unwritable.exitCode).toBe(1);
    expect(unwritable.stderr).toContain(target);
  }, SLOW);
});
