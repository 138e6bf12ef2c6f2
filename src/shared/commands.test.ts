// The command table: every key runs exactly one command, Shift+F is Filters (not Fit), Ctrl
// chords need Ctrl and plain keys need none, and labels are written as people write keys.
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from './ipc/contract';
import { chordLabel, chordMatches, COMMANDS, commandForKey, keysLabel, tooltip, type KeyLike } from './commands';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const idFor = (k: string, mods?: Partial<KeyLike>) => commandForKey(key(k, mods))?.id;

describe('the command table', () => {
  it('declares every command main can send, once', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of APP_COMMANDS) expect(ids).toContain(id);
  });

  it('never gives one key to two commands', () => {
    const seen = new Map<string, string>();
    for (const spec of COMMANDS) {
      for (const chord of spec.keys) {
        const label = `${chord.mod ? 'mod+' : ''}${chord.shift === undefined ? '' : chord.shift ? 'shift+' : 'noshift+'}${chord.key.toLowerCase()}`;
        expect(seen.get(label), `${label} runs ${spec.id}`).toBeUndefined();
        seen.set(label, spec.id);
      }
    }
  });

  it('Shift+F opens the filters; F and 0 fit', () => {
    expect(idFor('F', { shiftKey: true })).toBe('toggle-filters');
    expect(idFor('f')).toBe('fit');
    expect(idFor('0')).toBe('fit');
    expect(tooltip('toggle-filters')).toBe('Filters (Shift+F)');
  });

  it('matches Ctrl (or Cmd) chords only with Ctrl, and plain keys only without', () => {
    expect(idFor('o', { ctrlKey: true })).toBe('open-file');
    expect(idFor('o', { metaKey: true })).toBe('open-file');
    expect(idFor('o')).toBeUndefined();
    expect(idFor('t')).toBe('toggle-table');
    expect(idFor('t', { ctrlKey: true })).toBe('toggle-table');
    expect(idFor('S', { ctrlKey: true, shiftKey: true })).toBe('save-as-frontline');
    expect(idFor('s', { ctrlKey: true })).toBeUndefined();
    expect(idFor('C', { ctrlKey: true, shiftKey: true })).toBe('copy-image');
    // Plain Ctrl+C stays the browser's copy.
    expect(idFor('c', { ctrlKey: true })).toBeUndefined();
    expect(idFor('n', { altKey: true })).toBeUndefined();
  });

  it('takes symbol keys as typed, whatever Shift it took', () => {
    expect(idFor('+', { shiftKey: true })).toBe('zoom-in');
    expect(idFor('=')).toBe('zoom-in');
    expect(idFor('?', { shiftKey: true })).toBe('show-shortcuts');
    expect(idFor(']')).toBe('next-event');
    expect(idFor('ArrowLeft')).toBe('pan-back');
    expect(idFor('ArrowLeft', { shiftKey: true })).toBe('pan-back-far');
    expect(idFor('F5')).toBe('present');
    expect(idFor('F5', { shiftKey: true })).toBe('present-from-selected');
    expect(chordMatches({ key: 'n' }, key('N', { shiftKey: true }))).toBe(false);
  });

  it('writes keys as people do', () => {
    expect(keysLabel('zoom-out')).toBe('−');
    expect(keysLabel('fit')).toBe('F or 0');
    expect(keysLabel('find')).toBe('/ or Ctrl+F');
    expect(keysLabel('pan-back-far')).toBe('Shift+←');
    expect(chordLabel({ key: 's', mod: true, shift: true })).toBe('Ctrl+Shift+S');
    expect(tooltip('save-as-csv')).toBe('Save the events shown as CSV');
  });
});
