// terminalSafe: what a crafted file could make a terminal do (ESC sequences, BEL, C1 controls,
// bidi overrides) is printed as visible escapes; plain text, Arabic, tabs and newlines are kept.
import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminalText';

describe('terminalSafe', () => {
  it('escapes ESC, BEL, other C0 controls, DEL and C1 controls, keeping newlines and tabs', () => {
    expect(terminalSafe('\u001b]0;pwned\u0007title\u001b[2J')).toBe('\\x1b]0;pwned\\x07title\\x1b[2J');
    expect(terminalSafe('a\u0000b\u007fc\u009bd\u0085e')).toBe('a\\x00b\\x7fc\\x9bd\\x85e');
    expect(terminalSafe('line one\n\tline two\r\n')).toBe('line one\n\tline two\\x0d\n');
  });

  it('escapes bidi controls that would reorder what the terminal shows, and keeps Arabic as it is', () => {
    expect(terminalSafe('abc\u202edcb\u2066x\u2069')).toBe('abc\\u202edcb\\u2066x\\u2069');
    expect(terminalSafe('دير الزور — Deir al-Zour')).toBe('دير الزور — Deir al-Zour');
  });

  it('for JSON text, writes \\u escapes so the output is still the same JSON value', () => {
    const value = { title: 'x\u009b31my\u202e', n: 1, esc: '\u001b' };
    const safe = terminalSafe(JSON.stringify(value, null, 2), true);
    // eslint-disable-next-line no-control-regex -- asserting no raw control character is left
    expect(safe).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
