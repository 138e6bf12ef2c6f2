import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileStem, suggestedFileName } from './fileName';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('suggestedFileName', () => {
  it('keeps an ordinary title, Arabic included', () => {
    expect(suggestedFileName('IS loses Deir al-Zour and al-Qaim', 'png')).toBe('IS loses Deir al-Zour and al-Qaim.png');
    expect(suggestedFileName('دير الزور 2017', 'pdf')).toBe('دير الزور 2017.pdf');
    expect(suggestedFileName('Title', '.SVG')).toBe('Title.svg');
  });

  it('has no folder separators and no ..', () => {
    for (const title of ['../../etc/passwd', '..\\..\\Windows\\System32', 'a/b\\c', '....', '. . .', '/', '..']) {
      const name = suggestedFileName(title, 'png');
      expect(name).not.toMatch(/[/\\]/);
      expect(name).not.toContain('..');
      expect(name.startsWith('.')).toBe(false);
      expect(name.endsWith('.png')).toBe(true);
    }
    expect(suggestedFileName('../../etc/passwd', 'png')).toBe('etc passwd.png');
    expect(suggestedFileName('....', 'png')).toBe('timeline.png');
  });

  it('drops characters Windows forbids, controls and bidirectional tricks', () => {
    expect(suggestedFileName('a<b>c:d"e|f?g*h', 'png')).toBe('a b c d e f g h.png');
    expect(suggestedFileName('tab\there\nnewline\u0000nul', 'png')).toBe('tab here newlinenul.png');
    // U+202E would show "report‮gnp.exe" as "reportexe.png".
    expect(suggestedFileName('report\u202egnp.exe', 'png')).toBe('reportgnp.exe.png');
    expect(suggestedFileName('zero\u200bwidth', 'png')).toBe('zerowidth.png');
  });

  it('never gives a name Windows reserves', () => {
    for (const title of ['CON', 'con', 'NUL', 'nul.txt', 'COM1', 'lpt9', 'AUX ', 'PRN', 'COM¹']) {
      const stem = safeFileStem(title);
      const base = stem.split('.')[0]!.trim();
      expect(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(base), `${title} -> ${stem}`).toBe(false);
    }
    expect(suggestedFileName('CON', 'png')).toBe('CON-timeline.png');
    expect(suggestedFileName('Console', 'png')).toBe('Console.png');
  });

  it('trims dots and spaces at the ends, and falls back to "timeline"', () => {
    expect(suggestedFileName('  .hidden title.  ', 'png')).toBe('hidden title.png');
    expect(suggestedFileName('', 'png')).toBe('timeline.png');
    expect(suggestedFileName('<<>>', 'png')).toBe('timeline.png');
  });

  it('is length-limited in bytes without cutting a character', () => {
    const long = suggestedFileName('دير الزور '.repeat(100), 'png');
    expect(bytes(long)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(long.endsWith('.png')).toBe(true);
    expect(long).not.toContain('\ufffd');
    const emoji = suggestedFileName('😀'.repeat(200), 'svg');
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect([...emoji.replace('.svg', '')].every((c) => c === '😀')).toBe(true);
  });
});
