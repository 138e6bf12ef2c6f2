// A file name suggested for an exported image, made from the dataset's (or the user's) title and
// safe on every system: no folder separators or `..`, no characters Windows forbids, no control or
// bidirectional-override characters (which can disguise an extension), no name Windows reserves
// (CON, NUL, COM1…), no leading or trailing dots or spaces, and short enough for any file system.

/** Longest name, extension included, in UTF-8 bytes (file systems allow 255; room is left for a temp suffix). */
export const MAX_FILE_NAME_BYTES = 150;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

// Controls (C0, DEL, C1), bidirectional controls, zero-width and other invisible format characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** The stem of a safe file name from `title` (without extension); "timeline" when nothing usable is left. */
export function safeFileStem(title: string, maxBytes = MAX_FILE_NAME_BYTES - 5): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(INVISIBLE, '')
    // Separators and characters Windows forbids in names.
    .replace(/[/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    // No "..": runs of dots become one.
    .replace(/\.{2,}/g, '.')
    .trim();
  stem = cutToBytes(stem, maxBytes);
  // No leading or trailing dots or spaces (hidden files, names Windows trims).
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem === '') stem = 'timeline';
  // A reserved name stays reserved with any extension ("NUL.txt", "con .png").
  const dot = stem.indexOf('.');
  const head = dot < 0 ? stem : stem.slice(0, dot);
  if (WINDOWS_RESERVED.test(head.trim())) stem = `${head.trimEnd()}-timeline${dot < 0 ? '' : stem.slice(dot)}`;
  return stem;
}

/** "IS loses Deir al-Zour and al-Qaim.png" from the title and the format. */
export function suggestedFileName(title: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 8) || 'png';
  return `${safeFileStem(title, MAX_FILE_NAME_BYTES - ext.length - 1)}.${ext}`;
}
