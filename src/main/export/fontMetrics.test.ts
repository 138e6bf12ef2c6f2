import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontsDir } from './fonts';
import { fontMetricsSource } from './generateFontMetrics';
import { PROJECT_ROOT } from './testData';

describe('export fonts', () => {
  it('the width table the SVG renderer packs labels with matches the shipped fonts', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'src', 'shared', 'render', 'fontMetrics.ts'), 'utf8');
    expect(committed, 'run npx tsx src/main/export/generateFontMetrics.ts').toBe(fontMetricsSource());
  });

  it('ships every font as a TrueType file with its open licence', () => {
    const dir = fontsDir();
    for (const f of FONT_FILES) {
      const bytes = readFileSync(join(dir, f.file));
      // TrueType: version 0x00010000.
      expect(bytes.readUInt32BE(0)).toBe(0x00010000);
    }
    expect(readFileSync(join(dir, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License, Version 1.1');
  });
});
