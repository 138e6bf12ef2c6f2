// The interactive page's data, as the writer (main, the command line) embeds it and the page reads
// it: inert JSON in <script type="application/json"> blocks, escaped so no text can end the block,
// and the small description of what the page holds. Pure: the writer and the page share it.

/** Ids of the page's data blocks. */
export const PAGE_DATA_ID = 'frontline-data';
export const PAGE_META_ID = 'frontline-page';
/** The offline basemap (1:110m), in a page that carries the map. */
export const PAGE_BASEMAP_ID = 'frontline-basemap';

/** What the template holds in each data block until the writer fills it in. */
export const PAGE_PLACEHOLDER = 'null';

/** Bumped when the page's data changes shape: a page reads only its own. */
export const PAGE_FORMAT = 1;

/** What a page says about itself (its File menu shows it). */
export interface PageMeta {
  readonly format: typeof PAGE_FORMAT;
  /** The name of the file the page was made from. */
  readonly fileName: string;
  /** The dataset's title (the page's window title). */
  readonly title: string;
  /** Events in the page, and in the dataset it was made from. */
  readonly events: number;
  readonly ofEvents: number;
  /** The events shown (filters applied) or the whole dataset. */
  readonly what: 'shown' | 'all';
  /** When the page was written (ISO 8601, UTC). */
  readonly made: string;
  /** "Frontline 0.1.0". */
  readonly madeWith: string;
}

/** The UTF-8 bytes that may not stay as they are inside a <script> element, and what each becomes. */
const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const ESCAPE_OF: Readonly<Record<number, string>> = { [LT]: '\\u003c', [GT]: '\\u003e', [AMP]: '\\u0026', 0x2028: '\\u2028', 0x2029: '\\u2029' };
/** U+2028 and U+2029 in UTF-8: E2 80 A8 and E2 80 A9. */
const isLineSeparator = (b: Uint8Array, i: number): boolean => b[i] === 0xe2 && b[i + 1] === 0x80 && (b[i + 2] === 0xa8 || b[i + 2] === 0xa9);

/** Bytes each escape takes (6: a backslash, u and four hexadecimal digits). */
const ESCAPE_BYTES = 6;

/**
 * The length in bytes of JSON text once escaped by escapeJsonForScript, without making it: how a
 * page's size is told before it is written.
 */
export function escapedJsonLength(json: Uint8Array): number {
  let n = json.length;
  for (let i = 0; i < json.length; i++) {
    const b = json[i]!;
    if (b === LT || b === GT || b === AMP) n += ESCAPE_BYTES - 1;
    else if (b === 0xe2 && isLineSeparator(json, i)) n += ESCAPE_BYTES - 3;
  }
  return n;
}

/**
 * JSON text (UTF-8) made safe to sit inside a <script> element: `<`, `>`, `&` and the line
 * separators U+2028/U+2029 written as \u escapes. Valid JSON has these only inside strings, where an
 * escape means the same character, so the text parses to the same value, and no "</script>" or
 * "<!--" is left to end the element or change how the HTML parser reads it. Byte by byte: no UTF-8
 * sequence holds these ASCII bytes inside a character, and E2 80 A8/A9 are only ever U+2028/9.
 */
export function escapeJsonForScript(json: Uint8Array): Uint8Array {
  const out = new Uint8Array(escapedJsonLength(json));
  let at = 0;
  const put = (escape: string): void => {
    for (let k = 0; k < escape.length; k++) out[at++] = escape.charCodeAt(k);
  };
  for (let i = 0; i < json.length; i++) {
    const b = json[i]!;
    if (b === LT || b === GT || b === AMP) put(ESCAPE_OF[b]!);
    else if (b === 0xe2 && isLineSeparator(json, i)) {
      put(ESCAPE_OF[json[i + 2] === 0xa8 ? 0x2028 : 0x2029]!);
      i += 2;
    } else out[at++] = b;
  }
  return out;
}

/** A page's description, read back as hostile input: anything but the expected shape is refused. */
export function parsePageMeta(value: unknown): PageMeta | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length <= 1000;
  if (v['format'] !== PAGE_FORMAT || !text(v['fileName']) || !text(v['title']) || !count(v['events']) || !count(v['ofEvents'])) return undefined;
  if ((v['what'] !== 'shown' && v['what'] !== 'all') || !text(v['made']) || !text(v['madeWith'])) return undefined;
  return { format: PAGE_FORMAT, fileName: v['fileName'], title: v['title'], events: v['events'], ofEvents: v['ofEvents'], what: v['what'], made: v['made'], madeWith: v['madeWith'] };
}

/** "about 1.2 MB", "about 340 KB": how the size of a page is stated before it is written. */
export function aboutSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `about ${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `about ${Math.max(1, Math.round(bytes / 1024))} KB`;
}
