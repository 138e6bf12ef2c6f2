import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSvg } from '../../shared/render/svgCheck';
import { sweepTempFiles } from '../files/atomicWrite';
import { exportImage, renderExport } from './exportImage';
import { BUNDLED_PATH, openForTest, PROJECT_ROOT, YEAR_2017 } from './testData';

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
      expect(svg.rendered.labelled).toBe(21);
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
