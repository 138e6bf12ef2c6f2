import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import { checkSvg } from '../../shared/render/svgCheck';
import { sweepTempFiles } from '../files/atomicWrite';
import { exportImage, renderExport, renderPreview } from './exportImage';
import { BUNDLED_PATH, openForTest, PROJECT_ROOT, YEAR_2017 } from './testData';
import { BUNDLED_EVENTS_IN_2017 } from '../../../tests/support/bundledDataset';

const SLOW = 60_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-export-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('exportImage', () => {
  it(
    'writes SVG, PNG and PDF, reporting progress, sizes and events',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const base = { header, columns, window: YEAR_2017 };
      const phases: string[] = [];
      const svg = await exportImage(join(tmp, 'a.svg'), { ...base, format: 'svg', width: 1600 }, { onProgress: (p) => phases.push(p.phase) });
      expect(svg.ok).toBe(true);
      if (!svg.ok) return;
      expect(svg.rendered.labelled).toBe(BUNDLED_EVENTS_IN_2017);
      const text = await readFile(join(tmp, 'a.svg'), 'utf8');
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
      expect(checkSvg(text).ok).toBe(true);
      expect(phases).toEqual(['drawing', 'writing']);

      const png = await exportImage(join(tmp, 'a.png'), { ...base, format: 'png', width: 1920, height: 1080, scale: 2 });
      expect(png.ok && [png.rendered.width, png.rendered.height]).toEqual([3840, 2160]);
      const decoded = PNG.sync.read(await readFile(join(tmp, 'a.png')));
      expect([decoded.width, decoded.height]).toEqual([3840, 2160]);

      const pdf = await exportImage(join(tmp, 'a.pdf'), { ...base, format: 'pdf', page: 'slide', pages: 2 });
      expect(pdf.ok && pdf.rendered.pages).toBe(2);
      expect((await readFile(join(tmp, 'a.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    },
    SLOW
  );

  it(
    'a failed export names the path and the reason, and leaves the existing file as it was',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const target = join(tmp, 'keep.png');
      await writeFile(target, 'old contents');
      const tooBig = await exportImage(target, { header, columns, window: YEAR_2017, format: 'png', width: 1920, height: 1080, scale: 12 });
      expect(tooBig.ok).toBe(false);
      if (!tooBig.ok) expect(tooBig.message).toMatch(new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be written: .*too large`));
      expect(await readFile(target, 'utf8')).toBe('old contents');
      const noFolder = await exportImage(join(tmp, 'missing', 'x.svg'), { header, columns, window: YEAR_2017, format: 'svg' });
      expect(noFolder.ok).toBe(false);
      if (!noFolder.ok) expect(noFolder.message).toContain(join(tmp, 'missing', 'x.svg'));
      await expect(renderExport({ header, columns, window: YEAR_2017, format: 'pdf', pages: 0 })).rejects.toThrow(/1 to 200 pages/);
      expect((await readdir(tmp)).filter((n) => n.includes('.frontline-tmp-'))).toEqual([]);
    },
    SLOW
  );

  it(
    'a process killed half-way through writing leaves the existing file intact, and its temporary file is swept',
    async () => {
      const folder = await mkdtemp(join(tmp, 'kill-'));
      const target = join(folder, 'timeline.png');
      const old = Buffer.from('the previous export, which must survive');
      await writeFile(target, old);
      // The child writes a large file in 1 MB chunks, says so after a few, then stalls mid-write
      // until it is killed.
      const child = join(folder, 'child.mts');
      await writeFile(
        child,
        `import { writeFileAtomic } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'main', 'files', 'atomicWrite.ts'))};
function* chunks() {
  const chunk = new Uint8Array(1 << 20).fill(0x41);
  for (let k = 0; k < 8; k++) yield chunk;
  process.stdout.write('writing\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  for (let k = 0; k < 8; k++) yield chunk;
}
await writeFileAtomic(process.argv[2], chunks());
process.stdout.write('finished\\n');
`
      );
      const proc = spawn(process.execPath, ['--import', 'tsx', child, target], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the child never started writing: ${err}`)), 40_000);
        proc.on('exit', () => reject(new Error(`the child ended before writing: ${err}`)));
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('writing')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // Half-way: its temporary file exists and holds some of the data.
      const during = (await readdir(folder)).filter((n) => n.includes('.frontline-tmp-'));
      expect(during).toHaveLength(1);
      expect((await stat(join(folder, during[0]!))).size).toBeGreaterThanOrEqual(8 << 20);
      expect(proc.kill('SIGKILL')).toBe(true);
      expect(await exited).toBe('SIGKILL');
      expect(out).not.toContain('finished');
      // The old file is byte for byte what it was.
      expect((await readFile(target)).equals(old)).toBe(true);
      // The leftover is ours and is swept (at once here; the app sweeps those older than an hour).
      expect(await sweepTempFiles(folder, 0)).toBe(1);
      expect((await readdir(folder)).sort()).toEqual(['child.mts', 'timeline.png']);
    },
    SLOW
  );
});

/** 100 events: 90 in the week of 6 November 2017, 10 spread over the year (the bundled dataset's places and sources). */
function skewed() {
  const json = JSON.parse(readFileSync(BUNDLED_PATH, 'utf8')) as Record<string, unknown>;
  json['events'] = Array.from({ length: 100 }, (_, k) => {
    const day = k < 90 ? Date.UTC(2017, 10, 6 + (k % 7)) : Date.UTC(2017, 0, 10) + (k - 90) * 30 * 86_400_000;
    return { id: `s${k}`, type: 'clash', title: `Skewed event ${k}`, start: { value: new Date(day).toISOString().slice(0, 10), precision: 'day' }, places: ['deir-al-zour'], citations: [{ source: 'bbc-2017-11-03', quote: 'IS' }] };
  });
  delete json['stories'];
  delete json['links'];
  const loaded = loadDatasetBytes(new TextEncoder().encode(JSON.stringify(json)), 'skewed.frontline');
  if (!loaded.ok) throw new Error('skewed dataset invalid');
  return loaded.loaded;
}

describe('PDF pages', () => {
  it(
    'share the events out fairly when most fall in one week: no page near-empty, none crammed',
    async () => {
      const { header, columns } = skewed();
      const rendered = await renderExport({ header, columns, window: YEAR_2017, format: 'pdf', page: 'a4', pages: 4, maxLabelledEvents: 1000 });
      expect(rendered.pages).toBe(4);
      const file = join(tmp, 'skewed.pdf');
      await writeFile(file, rendered.bytes);
      const perPage = [1, 2, 3, 4].map((k) => (execFileSync('pdftotext', ['-f', String(k), '-l', String(k), file, '-'], { encoding: 'utf8' }).match(/Skewed event \d+/g) ?? []).length);
      // Whole days of the busy week go to one page each: about 13 events a page (by equal time, 10 on
      // three pages and 90 on the last).
      expect(perPage.reduce((a, b) => a + b, 0)).toBe(100);
      for (const n of perPage) {
        expect(n).toBeGreaterThanOrEqual(10);
        expect(n).toBeLessThanOrEqual(40);
      }
    },
    SLOW
  );
});

describe('renderPreview', () => {
  it(
    "draws a small PNG of what would be exported: the picture, or a PDF's first page and its page count",
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const png = await renderPreview({ header, columns, format: 'png', width: 1920, height: 1080 }, 480);
      expect([png.width, png.height, png.imageWidth, png.imageHeight, png.pages]).toEqual([480, 270, 1920, 1080, 1]);
      expect(PNG.sync.read(Buffer.from(png.png)).width).toBe(480);
      const pdf = await renderPreview({ header, columns, window: YEAR_2017, format: 'pdf', page: 'slide', pages: 3 }, 480);
      expect([pdf.width, pdf.imageWidth, pdf.imageHeight, pdf.pages]).toEqual([480, 960, 540, 3]);
    },
    SLOW
  );
});
