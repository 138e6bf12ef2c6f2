// Problems quote the file; a file's text can be megabytes: messages and fields are cut to a
// readable length wherever problems are listed or printed.
import { describe, expect, it } from 'vitest';
import { capProblems, clipProblem, formatProblem, MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, type Problem } from './problems';
import { parseLooseDate } from '../import/looseDate';

const huge = 'x'.repeat(1_000_000);

describe('problems that quote a huge cell', () => {
  const p: Problem = { severity: 'error', file: 'f.csv', line: 2, field: `column ${huge}`, message: `"${huge}" is not a date` };

  it('clipProblem cuts the message and the field, marking the cut', () => {
    const c = clipProblem(p);
    expect(c.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(c.field!.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(c.message.endsWith('…')).toBe(true);
    expect(clipProblem({ severity: 'warning', file: 'f', message: 'short' })).toEqual({ severity: 'warning', file: 'f', message: 'short' });
  });

  it('capProblems and formatProblem hand on only clipped problems', () => {
    expect(capProblems([p])[0]!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(formatProblem(p).length).toBeLessThan(MAX_MESSAGE_CHARS + MAX_FIELD_CHARS + 40);
  });

  it('a date reader quotes at most 60 characters of the cell', () => {
    const r = parseLooseDate(`2017 ${huge}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeLessThan(200);
  });
});
