// A corpus of hostile files, made at test time (nothing here is committed data): deep nesting,
// huge lines, NUL bytes, bad encodings, bidi and control characters, duplicate and dangling ids,
// huge numbers, prototype keys, links and FIFOs. Each case says what `npm run inspect` must
// answer: its exit status and the words of its message.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MB = 1024 * 1024;
const BUNDLED = readFileSync(new URL('../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');
const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const ACLED_ROW = (id: string, notes = 'Clashes near the town.') =>
  `${id},2017-11-03,2017,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,Islamic State (Syria),,2,12,,760,Middle East,Syria,Deir ez-Zor,Deir ez-Zor,Deir ez-Zor,Deir ez-Zor,35.3359,40.1408,1,SANA,National,"${notes}",3,,1510000000`;
const acled = (rows: readonly string[]) => [ACLED_HEADER, ...rows].join('\n') + '\n';

/** The bundled dataset with one edit, refusing to pretend when the edit found nothing to change. */
function bundledWith(from: string | RegExp, to: string): string {
  const out = BUNDLED.replace(from, to);
  if (out === BUNDLED) throw new Error(`hostile corpus: "${String(from)}" not in the bundled dataset`);
  return out;
}

const utf16 = (text: string, endian: 'le' | 'be', bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  return bom ? Buffer.concat([mark, body]) : body;
};

export interface HostileCase {
  readonly name: string;
  readonly family: string;
  /** Writes the file (or link, or FIFO) into `dir` and returns its path. */
  readonly make: (dir: string) => Promise<string>;
  readonly args?: readonly string[];
  readonly exit: 0 | 1 | 2;
  /** What the output (stdout and stderr together) must say. */
  readonly says: RegExp;
  /** Big inputs are run in a process of their own, whose peak memory is bounded. */
  readonly big?: boolean;
  /** Only where FIFOs and links are made the POSIX way. */
  readonly posixOnly?: boolean;
  /**
   * What `npm run export` does, where it differs: it draws a native file's valid events and says
   * how many were left out (inspect holds a native file to all its events), and checks no quotes.
   */
  readonly exportExit?: 0 | 1;
}

const ARTICLE = readFileSync(new URL('../../data/sources/bbc-2017-11-03-deir-al-zour-al-qaim.txt', import.meta.url));

/** Writes the file; a dataset gets the article its quotes are checked against beside it. */
const file = (name: string, content: string | Uint8Array) => async (dir: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  if (name.endsWith('.frontline')) {
    await mkdir(join(dir, 'sources'), { recursive: true });
    await writeFile(join(dir, 'sources', 'bbc-2017-11-03-deir-al-zour-al-qaim.txt'), ARTICLE);
  }
  return path;
};

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Nesting
  { name: 'deep-lists-in-metadata.frontline', family: 'deep nesting', make: file('deep-lists-in-metadata.frontline', bundledWith('"title": ', `"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}, "title": `)), exit: 1, says: /:\d+:\d+: error: metadata: lists and objects are nested more than 64 levels deep/ },
  { name: 'deep-objects-in-event.frontline', family: 'deep nesting', make: file('deep-objects-in-event.frontline', bundledWith('"type": "offensive"', `"type": "offensive", "x": ${'{"a":'.repeat(9_999)}{}${'}'.repeat(9_999)}`)), exit: 1, says: /error: events\[\d+\]: lists and objects are nested more than 64 levels deep/ },
  { name: 'deep-timelinejs.json', family: 'deep nesting', make: file('deep-timelinejs.json', `{"events": [{"start_date": {"year": "2017"}, "text": {"headline": "x", "text": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}]}`), exit: 1, says: /error: events\[0\]\.text\.text: lists and objects are nested more than 64 levels deep/ },
  // Huge shapes
  { name: 'one-line-50mb.csv', family: 'huge line', make: file('one-line-50mb.csv', Buffer.alloc(50 * MB, 'a')), exit: 1, says: /:1: error: .*longer than 1,000,000 characters/, big: true },
  { name: 'quotes-50mb.csv', family: 'huge line', make: file('quotes-50mb.csv', Buffer.alloc(50 * MB, '"')), exit: 1, says: /:1: error: a quoted cell starting on this line runs on/, big: true },
  { name: 'million-columns.csv', family: 'huge line', make: file('million-columns.csv', `${'c,'.repeat(999_999)}c\n${'1,'.repeat(999_999)}1\n`), exit: 1, says: /:1: error: this row has 1,000,000 columns/, big: true },
  { name: 'title-30mb.frontline', family: 'huge line', make: file('title-30mb.frontline', bundledWith('"title": "IS loses Deir al-Zour and al-Qaim"', `"title": "${'x'.repeat(30 * MB)}"`)), exit: 1, says: /error: metadata\.title: /, big: true },
  // Bytes and encodings
  { name: 'nul-bytes.csv', family: 'NUL bytes', make: file('nul-bytes.csv', Buffer.concat([Buffer.from(acled([ACLED_ROW('SYR1')])), Buffer.from([0, 0, 0, 0]), Buffer.from(ACLED_ROW('SYR2'))])), exit: 1, says: /:3:\d+: error: .*NUL/ },
  { name: 'binary.frontline', family: 'NUL bytes', make: file('binary.frontline', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), exit: 1, says: /binary\.frontline:\d+:\d+: error: holds a NUL \(zero\) character/ },
  { name: 'invalid-utf8.csv', family: 'invalid UTF-8', make: file('invalid-utf8.csv', Buffer.concat([Buffer.from(acled([ACLED_ROW('SYR1')])), Buffer.from('SYR2,2017-11-03,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')])), exit: 1, says: /:3:\d+: error: the file is not valid UTF-8/ },
  { name: 'invalid-utf8.frontline', family: 'invalid UTF-8', make: file('invalid-utf8.frontline', Buffer.from(bundledWith('IS loses Deir al-Zour', 'IS loses \u0001Deir al-Zour').replace('\u0001', '\udfff'), 'latin1')), exit: 1, says: /:\d+:\d+: error: / },
  { name: 'utf16le-bom.csv', family: 'UTF-16', make: file('utf16le-bom.csv', utf16(acled([ACLED_ROW('SYR1'), ACLED_ROW('SYR2')]), 'le', true)), exit: 0, says: /ACLED.*read as a Frontline dataset[\s\S]*Rows: +2 \(2 events\)/ },
  { name: 'utf16le-no-bom.csv', family: 'UTF-16', make: file('utf16le-no-bom.csv', utf16(acled([ACLED_ROW('SYR1'), ACLED_ROW('SYR2')]), 'le', false)), exit: 0, says: /Rows: +2 \(2 events\)[\s\S]*UTF-16LE/ },
  { name: 'utf16be-no-bom.frontline', family: 'UTF-16', make: file('utf16be-no-bom.frontline', utf16(BUNDLED, 'be', false)), exit: 0, says: /valid Frontline dataset[\s\S]*UTF-16BE/ },
  { name: 'utf16-lone-surrogate.csv', family: 'UTF-16', make: file('utf16-lone-surrogate.csv', Buffer.concat([utf16(acled([ACLED_ROW('SYR1')]), 'le', true), Buffer.from([0x00, 0xd8, 0x41, 0x00])])), exit: 1, says: /:3:\d+: error: / },
  // Invisible and control characters
  { name: 'bidi.frontline', family: 'bidi controls', make: file('bidi.frontline', bundledWith('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "IS loses \\u202eDeir al-Zour\\u202c and al-Qaim\\u200b"')), exit: 0, says: /Title: +IS loses Deir al-Zour and al-Qaim\n[\s\S]*warning: metadata\.title: 3 invisible control character\(s\) removed/ },
  { name: 'terminal-escapes.csv', family: 'control characters', make: file('terminal-escapes.csv', 'date,\u001b]0;owned\u0007title\u001b[2J,\u009bnote\n2017-11-03,Town taken,x\n'), exit: 2, says: /\\x1b\]0;owned\\x07title\\x1b\[2J/ },
  // References and ids
  { name: 'duplicate-ids.frontline', family: 'duplicate ids', make: file('duplicate-ids.frontline', bundledWith('"id": "al-qaim-recaptured"', '"id": "deir-al-zour-taken"')), exit: 1, says: /error: events\[\d+\] \(id "deir-al-zour-taken"\)\.id: duplicate id "deir-al-zour-taken"/, exportExit: 0 },
  { name: 'dangling-place.frontline', family: 'dangling references', make: file('dangling-place.frontline', bundledWith('"places": [\n        "al-qaim"', '"places": [\n        "atlantis"')), exit: 1, says: /refers to place "atlantis", which the dataset does not define/, exportExit: 0 },
  { name: 'dangling-story-step.frontline', family: 'dangling references', make: file('dangling-story-step.frontline', bundledWith('"event": "mosul-taken"', '"event": "no-such-event"')), exit: 1, says: /error: stories\[0\].*\.steps\[\d+\]\.event: refers to event "no-such-event"/ },
  // Numbers
  { name: 'huge-figure.frontline', family: 'huge numbers', make: file('huge-figure.frontline', bundledWith(/"value": 350000/, '"value": 1e400')), exit: 1, says: /figures\[0\]\.value: is a number too large to hold \(it reads as infinity\)/, exportExit: 0 },
  { name: 'numeric-id.frontline', family: 'huge numbers', make: file('numeric-id.frontline', bundledWith('"id": "al-qaim-recaptured"', '"id": 123456789012345678901234567890')), exit: 1, says: /\.id: should be string but is number/, exportExit: 0 },
  { name: 'latitude-1e309.csv', family: 'huge numbers', make: file('latitude-1e309.csv', acled([ACLED_ROW('SYR1').replace('35.3359', '1e309')])), exit: 1, says: /latitude/ },
  // Prototype keys
  { name: 'proto-keys.frontline', family: '__proto__ keys', make: file('proto-keys.frontline', bundledWith('"title": "IS loses', '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "title": "IS loses')), exit: 1, says: /metadata\.(__proto__|constructor): .*unknown field|unknown field.*("__proto__"|"constructor")/ },
  { name: 'proto-id.frontline', family: '__proto__ keys', make: file('proto-id.frontline', bundledWith('"id": "al-qaim-recaptured"', '"id": "__proto__"')), exit: 1, says: /\(id "__proto__"\)\.id: ids use letters, digits/, exportExit: 0 },
  { name: 'constructor-id.frontline', family: '__proto__ keys', make: file('constructor-id.frontline', bundledWith(/"al-qaim-recaptured"/g, '"constructor"')), exit: 0, says: /valid Frontline dataset/ },
  // Structure
  { name: 'empty.frontline', family: 'empty and cut', make: file('empty.frontline', ''), exit: 1, says: /empty/ },
  { name: 'only-bom.csv', family: 'empty and cut', make: file('only-bom.csv', Buffer.from([0xef, 0xbb, 0xbf])), exit: 1, says: /error: / },
  { name: 'cut-in-half.frontline', family: 'empty and cut', make: file('cut-in-half.frontline', BUNDLED.slice(0, Math.floor(BUNDLED.length / 2))), exit: 1, says: /:\d+:\d+: error: .*not valid JSON/ },
  { name: 'impossible-date.frontline', family: 'dates', make: file('impossible-date.frontline', bundledWith('"value": "2017-11-03"', '"value": "2017-02-29"')), exit: 1, says: /\.value: "2017-02-29" does not exist/, exportExit: 0 },
  { name: 'acled-cut-mid-row.csv', family: 'empty and cut', make: file('acled-cut-mid-row.csv', `${acled([ACLED_ROW('SYR1')])}${ACLED_ROW('SYR2').slice(0, ACLED_ROW('SYR2').indexOf('Islamic State') + 6)}`), exit: 1, says: /:3: error: .*the file ends in the middle of a row/, exportExit: 0 },
  { name: 'acled-short-row.csv', family: 'empty and cut', make: file('acled-short-row.csv', acled([ACLED_ROW('SYR1'), 'SYR2,2017-11-03,2017,1', ACLED_ROW('SYR3')])), exit: 1, says: /:3: error: .*(fewer|cells)/, exportExit: 0 },
  // Links and special files
  { name: 'dataset-is-fifo', family: 'links and FIFOs', posixOnly: true, make: async (dir) => { const p = join(dir, 'fifo.frontline'); execFileSync('mkfifo', [p]); return p; }, exit: 1, says: /is not a file/ },
  { name: 'dataset-links-to-dev-zero', family: 'links and FIFOs', posixOnly: true, make: async (dir) => { const p = join(dir, 'zero.frontline'); await symlink('/dev/zero', p); return p; }, exit: 1, says: /is not a file/ },
  {
    name: 'local-copy-links-to-etc-passwd',
    family: 'links and FIFOs',
    posixOnly: true,
    make: async (dir) => {
      const folder = join(dir, 'passwd-copy');
      await mkdir(join(folder, 'sources'), { recursive: true });
      await symlink('/etc/passwd', join(folder, 'sources', 'bbc-2017-11-03-deir-al-zour-al-qaim.txt'));
      const p = join(folder, 'd.frontline');
      await writeFile(p, BUNDLED);
      return p;
    },
    exit: 1,
    says: /localCopy: .* is a link to a file outside the dataset's folder/,
    exportExit: 0
  }
];
