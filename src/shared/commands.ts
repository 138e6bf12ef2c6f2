// The app's commands, declared once: what each is called, the keys that run it in the window, the
// accelerator main's menu shows for it, when it can run, and what the shortcuts dialog says. The
// window's key handler, the menu and the shortcuts dialog all read this table, so none can drift.
import type { AppCommand } from './ipc/contract';

/** Commands only the window runs (no menu item sends them). */
export type WindowCommand =
  | 'pan-back'
  | 'pan-forward'
  | 'pan-back-far'
  | 'pan-forward-far'
  | 'first-event'
  | 'last-event'
  | 'cycle-lanes'
  | 'toggle-filters'
  | 'toggle-links'
  | 'close-details'
  | 'present'
  | 'present-from-selected'
  | 'cursor-back'
  | 'cursor-forward'
  | 'cursor-play';

export type CommandId = AppCommand | WindowCommand;

/**
 * A key that runs a command. `mod` is Ctrl (Cmd on a Mac) and must match. `shift` must match
 * when given; a letter without it means the lower-case letter; other keys ('+', '?', '[') are
 * matched as typed, whatever Shift it took to type them.
 */
export interface Chord {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  /** A second way to the same key ('_' for '-'), not listed in help. */
  readonly quiet?: boolean;
}

/** What must hold for a command to run (checked by the window, which knows the state). */
export type Condition = 'dataset' | 'file-on-disk' | 'not-presenting' | 'selection' | 'control-layer';

export interface CommandSpec {
  readonly id: CommandId;
  /** Plain label: tooltips, the shortcuts dialog, the menu (without its access key). */
  readonly label: string;
  /** The menu's label, with its access key ('&Open…'), where it differs from `label`. */
  readonly menuLabel?: string;
  readonly keys: readonly Chord[];
  /** The accelerator the menu shows (Electron syntax); the window handles the keys itself. */
  readonly accelerator?: string;
  /** What the shortcuts dialog says it does, where that says more than the label. */
  readonly help?: string;
  readonly when?: readonly Condition[];
}

const k = (key: string, more: Omit<Chord, 'key'> = {}): Chord => ({ key, ...more });
const mod = (key: string, shift = false): Chord => ({ key, mod: true, shift });

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'zoom-in', label: 'Zoom in', menuLabel: 'Zoom In', keys: [k('+'), k('=')], accelerator: '+', help: 'Zoom in (around the selected event when it is in view)', when: ['dataset'] },
  { id: 'zoom-out', label: 'Zoom out', menuLabel: 'Zoom Out', keys: [k('-'), k('_', { quiet: true })], accelerator: '-', help: 'Zoom out (around the selected event when it is in view)', when: ['dataset'] },
  { id: 'pan-back', label: 'Pan back in time', keys: [k('ArrowLeft', { shift: false })], when: ['dataset'] },
  { id: 'pan-forward', label: 'Pan forward in time', keys: [k('ArrowRight', { shift: false })], when: ['dataset'] },
  { id: 'pan-back-far', label: 'Pan back further', keys: [k('ArrowLeft', { shift: true })], when: ['dataset'] },
  { id: 'pan-forward-far', label: 'Pan forward further', keys: [k('ArrowRight', { shift: true })], when: ['dataset'] },
  { id: 'fit', label: 'Fit the events', menuLabel: 'Fit the Events', keys: [k('f'), k('0')], accelerator: 'F', help: 'Fit the view to where the events are', when: ['dataset'] },
  { id: 'toggle-filters', label: 'Filters', keys: [k('f', { shift: true })], help: 'Show or hide the filters', when: ['dataset', 'not-presenting'] },
  { id: 'toggle-links', label: 'Show links', keys: [k('l', { shift: true })], help: "Draw every link between events, or only the selected event's", when: ['dataset'] },
  { id: 'next-event', label: 'Next event', menuLabel: 'Next Event', keys: [k('n'), k(']')], accelerator: 'N', when: ['dataset'] },
  { id: 'previous-event', label: 'Previous event', menuLabel: 'Previous Event', keys: [k('p'), k('[')], accelerator: 'P', when: ['dataset'] },
  { id: 'first-event', label: 'First event', keys: [k('Home')], when: ['dataset'] },
  { id: 'last-event', label: 'Last event', keys: [k('End')], when: ['dataset'] },
  { id: 'cycle-lanes', label: 'Next lane mode', keys: [k('l')], help: 'Next lane mode (theatre, type, actor, region…)', when: ['dataset'] },
  { id: 'lanes-theatre', label: 'Lanes by theatre', menuLabel: 'Lanes by Theatre', keys: [], when: ['dataset'] },
  { id: 'lanes-type', label: 'Lanes by event type', menuLabel: 'Lanes by Event Type', keys: [], when: ['dataset'] },
  { id: 'lanes-actor', label: 'Lanes by actor', menuLabel: 'Lanes by Actor', keys: [], when: ['dataset'] },
  { id: 'lanes-admin1', label: 'Lanes by admin region', menuLabel: 'Lanes by Admin Region', keys: [], when: ['dataset'] },
  { id: 'find', label: 'Search', menuLabel: '&Find…', keys: [k('/'), mod('f')], accelerator: 'CmdOrCtrl+F', help: 'Search; ↓ ↑ or Enter / Shift+Enter move through the matches', when: ['dataset', 'not-presenting'] },
  {
    id: 'toggle-map',
    label: 'Map',
    menuLabel: '&Map',
    keys: [k('m')],
    accelerator: 'M',
    help: 'Show or hide the map (in it: arrows pan, + and − zoom, Shift+drag selects an area, Esc leaves)',
    when: ['dataset', 'not-presenting']
  },
  { id: 'toggle-table', label: 'Table', menuLabel: '&Table', keys: [k('t'), mod('t')], accelerator: 'CmdOrCtrl+T', help: 'Show or hide the table (focus goes to its current row)', when: ['dataset', 'not-presenting'] },
  { id: 'close-details', label: 'Close details', keys: [k('Escape')], when: ['selection'] },
  { id: 'open-file', label: 'Open a file', menuLabel: '&Open…', keys: [mod('o')], accelerator: 'CmdOrCtrl+O', help: 'Open a file (or drop it on the window)' },
  { id: 'reload-file', label: 'Reload the current file from disk', menuLabel: 'Re&load', keys: [mod('r')], accelerator: 'CmdOrCtrl+R', when: ['file-on-disk'] },
  { id: 'save-as-frontline', label: 'Save the events shown as a Frontline dataset', menuLabel: 'Save As &Frontline Dataset…', keys: [mod('s', true)], accelerator: 'CmdOrCtrl+Shift+S', when: ['dataset'] },
  { id: 'save-as-csv', label: 'Save the events shown as CSV', menuLabel: 'Save As &CSV…', keys: [], when: ['dataset'] },
  { id: 'export-image', label: 'Export an image (PNG, SVG or PDF)', menuLabel: '&Export Image…', keys: [mod('e')], accelerator: 'CmdOrCtrl+E', when: ['dataset', 'not-presenting'] },
  {
    id: 'export-page',
    label: 'Export an interactive page (one .html file that opens in any browser)',
    menuLabel: 'Export Interactive &Page…',
    keys: [],
    help: 'Export an interactive page: the timeline, table, search, filters, details and stories in one file anyone can open offline',
    when: ['dataset', 'not-presenting']
  },
  { id: 'copy-image', label: 'Copy the current view as an image', menuLabel: 'Copy &Image', keys: [mod('c', true)], accelerator: 'CmdOrCtrl+Shift+C', when: ['dataset', 'not-presenting'] },
  { id: 'clear-cache', label: 'Clear the cache of opened files', menuLabel: 'Clear C&ache', keys: [] },
  {
    id: 'open-control-layer',
    label: 'Open a control layer (GeoJSON or KML)',
    menuLabel: 'Open Control &Layer…',
    keys: [],
    help: 'Open a control layer: areas or points with who controls them and from when to when, drawn on the map for the time cursor\'s date',
    when: ['not-presenting']
  },
  { id: 'close-control-layer', label: 'Close the control layer', menuLabel: 'Close Control Layer', keys: [], when: ['control-layer'] },
  { id: 'cursor-back', label: 'Time cursor back a step', keys: [k(',')], help: 'Move the time cursor back a day, week or month (the step chosen beside it)', when: ['dataset', 'not-presenting'] },
  { id: 'cursor-forward', label: 'Time cursor forward a step', keys: [k('.')], help: 'Move the time cursor forward a day, week or month', when: ['dataset', 'not-presenting'] },
  { id: 'cursor-play', label: 'Play or pause the time cursor', keys: [k('k')], help: 'Play through time from the time cursor (the view follows), or pause', when: ['dataset', 'not-presenting'] },
  {
    id: 'present',
    label: 'Present',
    keys: [k('F5', { shift: false })],
    help: 'Present from the beginning (clicker keys, B black, W white, a number then Enter, Esc leaves)',
    when: ['dataset']
  },
  { id: 'present-from-selected', label: 'Present from the selected event', keys: [k('F5', { shift: true })], when: ['dataset'] },
  { id: 'show-shortcuts', label: 'Keyboard shortcuts', menuLabel: 'Keyboard Shortcuts', keys: [k('?')], accelerator: '?', help: 'This help' },
  { id: 'main-open', label: 'Open the file main opened', keys: [] }
];

const BY_ID: ReadonlyMap<CommandId, CommandSpec> = new Map(COMMANDS.map((c) => [c.id, c]));

export function command(id: CommandId): CommandSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`no command ${id}`);
  return spec;
}

/** The menu's label of a command (with its access key where it has one). */
export function menuLabel(id: CommandId): string {
  const spec = command(id);
  return spec.menuLabel ?? spec.label;
}

/** What a key event says: the parts of a KeyboardEvent this table looks at. */
export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const LETTER = /^[a-z]$/i;

export function chordMatches(chord: Chord, event: KeyLike): boolean {
  if (event.altKey) return false;
  if ((chord.mod ?? false) !== (event.ctrlKey || event.metaKey)) return false;
  const letter = LETTER.test(chord.key);
  if (letter ? chord.key.toLowerCase() !== event.key.toLowerCase() : chord.key !== event.key) return false;
  const shift = chord.shift ?? (letter ? false : undefined);
  return shift === undefined || shift === event.shiftKey;
}

/** The command a key runs, if any (whether it may run now is for the caller to say). */
export function commandForKey(event: KeyLike): CommandSpec | undefined {
  for (const spec of COMMANDS) if (spec.keys.some((chord) => chordMatches(chord, event))) return spec;
  return undefined;
}

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', '-': '−' };

/** A chord as people write it: "Ctrl+Shift+S", "Shift+F", "+", "←". */
export function chordLabel(chord: Chord): string {
  const key = KEY_NAMES[chord.key] ?? (LETTER.test(chord.key) ? chord.key.toUpperCase() : chord.key);
  return `${chord.mod ? 'Ctrl+' : ''}${chord.shift ? 'Shift+' : ''}${key}`;
}

/** Every key of a command, as people write them: "F or 0", "/ or Ctrl+F". */
export function keysLabel(id: CommandId): string {
  return command(id)
    .keys.filter((chord) => !chord.quiet)
    .map(chordLabel)
    .filter((label, i, all) => all.indexOf(label) === i)
    .join(' or ');
}

/** A button's tooltip: the label, and its first key ("Filters (Shift+F)"). */
export function tooltip(id: CommandId, label = command(id).label): string {
  const first = command(id).keys[0];
  return first ? `${label} (${chordLabel(first)})` : label;
}
