// npm run export -- … --map [beside|above]: the option as read, and the files it writes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSvg } from '../shared/render/svgCheck';
import { parseExportArgs, runExport, USAGE } from './export';
import { BUNDLED_EVENTS_IN_2017 } from '../../tests/support/bundledDataset';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED = join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline');
const SLOW = 120_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cli-map-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('--map', () => {
  it('takes an optional placement: beside by default, above when named, before or after the dataset', () => {
    const map = (argv: string[]) => {
      const parsed = parseExportArgs(argv);
      return parsed.ok ? { file: parsed.args.file, map: parsed.args.map } : parsed.message;
    };
    expect(map(['d.frontline', '--out', 'x.svg'])).toEqual({ file: 'd.frontline', map: undefined });
    expect(map(['d.frontline', '--out', 'x.svg', '--map'])).toEqual({ file: 'd.frontline', map: 'beside' });
    expect(map(['d.frontline', '--out', 'x.svg', '--map', 'above'])).toEqual({ file: 'd.frontline', map: 'above' });
    expect(map(['--map', 'd.frontline', '--out', 'x.svg'])).toEqual({ file: 'd.frontline', map: 'beside' });
    expect(map(['--map', 'beside', 'd.frontline', '--out', 'x.pdf'])).toEqual({ file: 'd.frontline', map: 'beside' });
    expect(map(['d.frontline', '--out', 'x.png', '--map=above'])).toEqual({ file: 'd.frontline', map: 'above' });
    expect(map(['d.frontline', '--out', 'x.png', '--map=left'])).toBe('--map: use beside or above (got "left")');
    expect(map(['d.frontline', '--out', 'x.png', '--map', '--map'])).toBe('--map is given twice');
    expect(USAGE).toContain('--map [placement]');
  });

  it(
    'writes an SVG with the map of the events’ places and the basemap’s attribution',
    async () => {
      const out = join(tmp, 'map.svg');
      const result = await runExport([BUNDLED, '--out', out, '--range', '2017', '--map']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Wrote .*map\\.svg \\(1920 × \\d+ px, ${BUNDLED_EVENTS_IN_2017} events labelled`));
      const report = checkSvg(await readFile(out, 'utf8'));
      expect(report.ok).toBe(true);
      expect(report.texts).toContain('Basemap: Natural Earth · GeoNames (CC BY 4.0)');
      expect(report.texts).toContain('Deir al-Zour دير الزور');
      expect(report.texts).toContain('IS loses Deir al-Zour and al-Qaim');
    },
    SLOW
  );
});
