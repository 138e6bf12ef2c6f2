// checkCsvShape passes short rows over whole (found by their quotes and line breaks, not split
// into cells): on random text and random limits it gives exactly the answers of splitting every
// row into cells (tests/support/csvShapeCellByCell.ts, the check as it was).
import { describe, expect, it } from 'vitest';
import { checkCsvShapeCellByCell } from '../../../tests/support/csvShapeCellByCell';
import { prng } from '../../../tests/support/prng';
import { checkCsvShape } from './csvShape';

describe('checkCsvShape, short rows passed over whole', () => {
  it('gives the answers of the cell-by-cell split on 30,000 random texts under random limits', () => {
    const random = prng(1913);
    const pieces = ['"', ',', '\n', ' ', 'a', 'bcdefgh', '""', '\t', ';', '\u00a0', '" ', '",', '"\n', ',,,', '\n\n', ' "', '"x"', ',"', '"""'];
    let refused = 0;
    for (let t = 0; t < 30_000; t++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      const delimiter = random() < 0.7 ? ',' : '\t';
      const limits = { columns: 1 + Math.floor(random() * 8), rowChars: Math.floor(random() * 40) };
      const expected = checkCsvShapeCellByCell(text, delimiter, 'f', limits);
      if (expected) refused++;
      expect(checkCsvShape(text, delimiter, 'f', limits), `${JSON.stringify(text)} split by ${JSON.stringify(delimiter)} within ${JSON.stringify(limits)}`).toEqual(expected);
    }
    // Both answers come up often.
    expect(refused).toBeGreaterThan(5_000);
    expect(refused).toBeLessThan(25_000);
  });

  it('gives the answers of the cell-by-cell split on tables of quoted cells, rows of all lengths around the limits', () => {
    const random = prng(77);
    const cells = ['a', '"b, c"', '"d ""e"" f"', '"g\nh"', '', ' "i" ', 'j"k', '"l"m"', '"n"  '];
    for (let t = 0; t < 3_000; t++) {
      const rows: string[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let r = 0; r < count; r++) {
        const width = 1 + Math.floor(random() * 12);
        rows.push(Array.from({ length: width }, () => cells[Math.floor(random() * cells.length)]).join(','));
      }
      const text = rows.join('\n') + (random() < 0.5 ? '\n' : '');
      const limits = { columns: 2 + Math.floor(random() * 12), rowChars: 5 + Math.floor(random() * 60) };
      expect(checkCsvShape(text, ',', 'f', limits), `${JSON.stringify(text)} within ${JSON.stringify(limits)}`).toEqual(checkCsvShapeCellByCell(text, ',', 'f', limits));
    }
  });
});
