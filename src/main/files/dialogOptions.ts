// What the native file dialogs offer: the filters, and a default file name for Save As made from
// the dataset's title but safe on every file system.
import { extname } from 'node:path';
import type { SaveFormat } from '../../shared/ipc/contract';

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** File > Open: everything Frontline reads first (dialogs select the first filter). */
export const OPEN_FILTERS: readonly FileFilter[] = [
  { name: 'All supported files', extensions: ['frontline', 'json', 'csv', 'tsv', 'txt'] },
  { name: 'Frontline datasets', extensions: ['frontline', 'json'] },
  { name: 'CSV or TSV tables (ACLED, UCDP, TimelineJS, other)', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'TimelineJS JSON', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] }
];

/** "Add local copy…": quotes are checked against a copy's text, so plain text comes first. */
export const LOCAL_COPY_FILTERS: readonly FileFilter[] = [
  { name: 'Text files', extensions: ['txt', 'text', 'md'] },
  { name: 'All files', extensions: ['*'] }
];

export const SAVE_EXTENSION: Readonly<Record<SaveFormat, string>> = { frontline: 'frontline', csv: 'csv' };

export function saveFilters(format: SaveFormat): FileFilter[] {
  return format === 'frontline' ? [{ name: 'Frontline dataset', extensions: ['frontline'] }] : [{ name: 'CSV table', extensions: ['csv'] }];
}

/** Control characters, what Windows forbids in names, zero-width and bidirectional controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_NAME_CHARS = 100;

/**
 * A file name from `title`: characters no file system (or Windows) allows, control and
 * bidirectional-override characters turned into spaces, no leading or trailing dots or spaces, a
 * reserved Windows device name avoided, at most 100 characters; "dataset" when nothing is left.
 */
export function safeFileName(title: string, format: SaveFormat): string {
  let base = title
    .normalize('NFC')
    .replace(UNSAFE_CHARS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = [...base];
  if (chars.length > MAX_NAME_CHARS) base = chars.slice(0, MAX_NAME_CHARS).join('').replace(/[.\s]+$/, '');
  if (base === '') base = 'dataset';
  if (RESERVED_WINDOWS.test(base)) base = `${base} dataset`;
  return `${base}.${SAVE_EXTENSION[format]}`;
}

/** The path with the format's extension added when it has none (a dialog may return it bare). */
export function withExtension(path: string, format: SaveFormat): string {
  return extname(path) === '' ? `${path}.${SAVE_EXTENSION[format]}` : path;
}
