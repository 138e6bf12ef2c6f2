import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSvg } from '../shared/render/svgCheck';
import { parseExportArgs, runExport } from './export';
import { BUNDLED_EVENTS_IN_2017 } from '../../tests/support/bundledDataset';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED = join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline');
const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile.frontline');
const SLOW = 60_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cli-export-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('parseExportArgs', () => {
  it('reads every option', () => {
    const parsed = parseExportArgs(['data.frontline', '--out', 'x.png', '--width', '1920', '--height=1080', '--scale', '2', '--range', '2017-01-01..2017-12-31', '--theme', 'dark', '--title', 'My title', '--lanes', 'type']);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.args).toMatchObject({ file: 'data.frontline', out: 'x.png', format: 'png', width: 1920, height: 1080, scale: 2, theme: 'dark', title: 'My title', lanes: 'type', window: { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) } });
    const pdf = parseExportArgs(['d', '--out', 'x.PDF', '--page', 'slide', '--pages', '3']);
    expect(pdf.ok && pdf.args).toMatchObject({ format: 'pdf', page: 'slide', pages: 3 });
  });

  it('refuses what it cannot do, saying why', () => {
    const cases: [string[], RegExp][] = [
      [[], /^$/],
      [['d'], /--out/],
      [['d', '--out', 'x.gif'], /must end in \.png, \.svg, \.pdf/],
      [['d', '--out', 'x.png', '--theme', 'neon'], /--theme: use one of screen, dark, projector, print/],
      [['d', '--out', 'x.png', '--lanes', 'colour'], /--lanes/],
      [['d', '--out', 'x.png', '--width', 'wide'], /--width needs a positive whole number/],
      [['d', '--out', 'x.png', '--width', '99999'], /at most/],
      [['d', '--out', 'x.png', '--range', '2017-13'], /--range/],
      [['d', '--out', 'x.pdf', '--width', '800'], /from --page/],
      [['d', '--out', 'x.png', '--pages', '2'], /for a PDF/],
      [['d', '--out', 'x.svg', '--scale', '2'], /for a PNG/],
      [['d', '--out', 'x.png', '--frobnicate'], /Unknown option --frobnicate/],
      [['d', 'e', '--out', 'x.png'], /One dataset at a time/],
      [['d', '--out', 'x.png', '--theme', 'dark', '--theme', 'print'], /given twice/],
      [['d', '--out'], /--out needs a value/]
    ];
    for (const [argv, message] of cases) {
      const parsed = parseExportArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    }
  });
});

describe('runExport', () => {
  it(
    'writes an SVG, a PNG and a PDF of the bundled dataset; exit 0',
    async () => {
      const svgPath = join(tmp, 'timeline.svg');
      const svg = await runExport([BUNDLED, '--out', svgPath, '--range', '2017-01-01..2017-12-31', '--width', '1600']);
      expect(svg.stderr).toBe('');
      expect(svg.exitCode).toBe(0);
      expect(svg.stdout).toMatch(new RegExp(`^Wrote .*timeline\\.svg \\(1600 × \\d+ px, ${BUNDLED_EVENTS_IN_2017} events labelled, \\d+ KB\\)\\n$`));
      expect(checkSvg(await readFile(svgPath, 'utf8')).texts).toContain('US-backed Syrian alliance takes Raqqa');

      const pngPath = join(tmp, 'timeline.png');
      const png = await runExport([BUNDLED, '--out', pngPath, '--width', '1280', '--height', '720', '--scale', '2', '--theme', 'projector']);
      expect(png.exitCode).toBe(0);
      const decoded = PNG.sync.read(await readFile(pngPath));
      expect([decoded.width, decoded.height]).toEqual([2560, 1440]);

      const pdfPath = join(tmp, 'timeline.pdf');
      const pdf = await runExport([BUNDLED, '--out', pdfPath, '--page', 'letter', '--pages', '2', '--lanes', 'type', '--theme', 'print']);
      expect(pdf.exitCode).toBe(0);
      expect(pdf.stdout).toMatch(/2 pages, US Letter landscape/);
    },
    SLOW
  );

  it(
    'a hostile dataset and title are written as text',
    async () => {
      const out = join(tmp, 'hostile.svg');
      const result = await runExport([HOSTILE, '--out', out, '--title', '<script>alert(1)</script>']);
      expect(result.exitCode).toBe(0);
      const text = await readFile(out, 'utf8');
      const report = checkSvg(text);
      expect(report.ok).toBe(true);
      expect(report.texts).toContain('<script>alert(1)</script>');
      expect(text).not.toMatch(/<script|<img/);
    },
    SLOW
  );

  it('exit 1 for a file that cannot be opened, 2 for usage, and the old file survives', async () => {
    const out = join(tmp, 'kept.png');
    await writeFile(out, 'old');
    const missing = await runExport([join(tmp, 'nope.frontline'), '--out', out]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/nope\.frontline.*cannot be read/);
    const broken = await runExport([join(ROOT, 'tests', 'fixtures', 'broken-syntax.frontline'), '--out', out]);
    expect(broken.exitCode).toBe(1);
    const usage = await runExport([BUNDLED, '--out', out, '--theme', 'neon']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run export');
    const tooBig = await runExport([BUNDLED, '--out', out, '--width', '8000', '--scale', '4']);
    expect(tooBig.exitCode).toBe(1);
    expect(tooBig.stderr).toMatch(/kept\.png could not be written: .*too large/);
    expect(await readFile(out, 'utf8')).toBe('old');
  });
});

describe('npm run export, as a process', () => {
  it(
    'runs under plain Node with tsx: exit 0 and a PNG; exit 2 and the usage without arguments',
    () => {
      const cli = join(ROOT, 'src', 'cli', 'export.ts');
      const out = join(tmp, 'process.png');
      const ok = spawnSync(process.execPath, ['--import', 'tsx', cli, 'data/deir-al-zour-al-qaim-2017.frontline', '--out', out, '--width', '800'], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^Wrote .*process\.png \(800 × \d+ px/);
      const usage = spawnSync(process.execPath, ['--import', 'tsx', cli], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/^Usage: npm run export/);
    },
    SLOW
  );
});
