// "Add local copy…": the file the user picked becomes a source's local copy. A file already inside
// the dataset's folder is referenced where it lies; any other is copied into the folder's sources/
// (atomically, never over a different file). Its SHA-256 is computed from the bytes read, and the
// source's entry in the dataset file gets both, every other byte of the file left as it was.
import { mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { isInsideName, withSha256 } from '../../shared/dataset/localCopies';
import type { Source } from '../../shared/dataset/schema';
import { fail, ok, type Result } from '../../shared/ipc/contract';
import { topLevelMembers } from '../../shared/json/jsonSkeleton';
import { describeIoError } from '../dataset/loadDatasetFile';
import { writeFileAtomic } from './atomicWrite';
import { sha256Hex } from './localCopyHash';
import { readLocalCopy, readPickedFile } from './readLocalCopy';

/** Where copies of files from outside the dataset's folder go, inside it. */
export const COPIES_FOLDER = 'sources';
/** The longest name a localCopy may have (the schema's limit). */
const MAX_NAME = 500;

export interface PlacedCopy {
  /** The localCopy to record: relative to the dataset's folder, with "/" between folders. */
  readonly name: string;
  readonly sha256: string;
  /** True when the file was copied into the folder (false: referenced where it lies, or the same bytes were there). */
  readonly copied: boolean;
}

/** A name the validator accepts for a localCopy (no "..", not absolute, not too long). */
function acceptableName(name: string): boolean {
  return isInsideName(name) && !name.includes('..') && name.length <= MAX_NAME;
}

/** Control characters, what Windows forbids, zero-width and bidi controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A file name for a copy, from the picked file's: safe on every file system, keeping its extension. */
export function copyFileName(name: string): string {
  let safe = name.normalize('NFC').replace(UNSAFE_CHARS, '_').replace(/\.{2,}/g, '.').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  const ext = extname(safe).slice(0, 20);
  let stem = safe.slice(0, safe.length - extname(safe).length).replace(/[.\s]+$/, '');
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(stem)) stem = `${stem}_`;
  stem = [...stem].slice(0, 100).join('');
  safe = `${stem === '' ? 'copy' : stem}${ext}`;
  return safe;
}

/** `name` with "-2", "-3"… before its extension. */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

/**
 * Make `picked` a local copy of the dataset at `datasetPath`: referenced when inside its folder,
 * else copied into sources/ under a name of its own (a file there with the same bytes is reused).
 */
export async function placeLocalCopy(datasetPath: string, picked: string): Promise<Result<PlacedCopy>> {
  if (!isAbsolute(picked)) return fail('bad-arguments', `${picked.slice(0, 200)} is not a full path to a file.`);
  const read = await readPickedFile(picked);
  if (!read.ok) return fail('io', `The local copy was not added: ${picked} ${read.message}.`);
  const sha256 = await sha256Hex(read.bytes);
  let folder: string;
  let pickedReal: string;
  try {
    folder = await realpath(dirname(datasetPath));
    pickedReal = await realpath(picked);
  } catch (err) {
    return fail('io', `The local copy was not added: ${describeIoError(err)}.`);
  }
  const rel = relative(folder, pickedReal).split(sep).join('/');
  if (rel !== '' && !isAbsolute(rel) && !rel.startsWith('../') && acceptableName(rel)) {
    // Inside the folder already: read back as the dataset will read it, so the name surely leads there.
    const back = await readLocalCopy(datasetPath, rel);
    if (back.ok && (await sha256Hex(back.bytes)) === sha256) return ok({ name: rel, sha256, copied: false });
  }
  // sources/ must be a folder inside the dataset's folder (not a link leading elsewhere).
  const copies = join(folder, COPIES_FOLDER);
  try {
    await mkdir(copies, { recursive: true });
    const real = await realpath(copies);
    if (real !== join(folder, COPIES_FOLDER)) return fail('io', `The local copy was not added: ${copies} leads outside the dataset's folder.`);
  } catch (err) {
    return fail('io', `The local copy was not added: ${copies} cannot be made (${describeIoError(err)}).`);
  }
  const base = copyFileName(basename(picked));
  for (let n = 1; n <= 1000; n++) {
    const name = `${COPIES_FOLDER}/${numbered(base, n)}`;
    if (!acceptableName(name)) break;
    const there = await readLocalCopy(datasetPath, name);
    if (there.ok) {
      if ((await sha256Hex(there.bytes)) === sha256) return ok({ name, sha256, copied: false });
      continue;
    }
    if (!there.missing) continue;
    const written = await writeFileAtomic(join(folder, name), read.bytes);
    if (!written.ok) return fail('io', `The local copy was not added: ${written.message}`);
    return ok({ name, sha256, copied: true });
  }
  return fail('io', `The local copy was not added: no free name for ${base} in ${copies}.`);
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * The dataset file image `bytes` with source `index`'s entry given `localCopy` and `sha256`
 * (in place, after its other fields), every other byte as it was. Throws when the file has no
 * such source (a held file image always has it).
 */
export function withSourceCopy(bytes: Uint8Array, index: number, localCopy: string, sha256: string): Uint8Array {
  let range: { start: number; end: number } | undefined;
  topLevelMembers(bytes, {
    key: 'sources',
    each: (start, end, i) => {
      if (i === index) range = { start, end };
    }
  });
  if (!range) throw new Error(`the file has no source at position ${index}`);
  const entry = JSON.parse(decoder.decode(bytes.subarray(range.start, range.end))) as Source;
  const updated = withSha256({ ...entry, localCopy }, sha256);
  // Indented as the line the entry starts on.
  let lineStart = range.start;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a) lineStart--;
  const lead = decoder.decode(bytes.subarray(lineStart, range.start));
  const indent = /^[ \t]*$/.test(lead) ? lead : '';
  const middle = encoder.encode(JSON.stringify(updated, null, 2).replace(/\n/g, `\n${indent}`));
  const out = new Uint8Array(range.start + middle.length + bytes.length - range.end);
  out.set(bytes.subarray(0, range.start), 0);
  out.set(middle, range.start);
  out.set(bytes.subarray(range.end), range.start + middle.length);
  return out;
}
