// Command line: open a file of any supported format with the same code the app uses (a Frontline
// dataset, ACLED, UCDP, TimelineJS, a generic CSV/TSV table), then print a summary or the problems
// (file, line, field), with each local copy checked against its SHA-256. Exit 0 valid, 1 invalid
// (rows left out, a local copy missing or changed, a quote not found), 2 usage or a table to map.
//   npm run inspect -- data/deir-al-zour-al-qaim-2017.frontline [--json]
//   npm run inspect -- events.csv --format csv --map date=0,title=2
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_TYPE_STYLES } from '../shared/dataset/eventTypes';
import { formatProblem, type Problem } from '../shared/dataset/problems';
import type { Source, TimelineEvent } from '../shared/dataset/schema';
import { readEvent } from '../shared/dataset/loadDatasetBytes';
import { isLinkKind, LINK_KINDS, type LinkKind } from '../shared/dataset/links';
import { summarizeDataset, verifyLinkQuotes, verifyQuotes, type DatasetSummary } from '../shared/dataset/summarize';
import { ambiguousDateColumns } from '../shared/import/csvMapping';
import { CSV_FIELDS, DATE_ORDERS, FORMAT_LABEL, IMPORT_FORMATS, type CsvField, type CsvMapping, type CsvPreview, type DateOrder, type ImportFormat } from '../shared/import/types';
import { decodeText } from '../shared/text/decodeText';
import { digestLocalCopy } from '../main/files/localCopyHash';
import { compareLocalCopy, type LocalCopyCheck } from '../shared/dataset/localCopies';
import { terminalSafe } from './terminalText';
import { datasetOf, imageNow, openDatasetFile, type ReadDataset } from '../main/dataset/openDatasetFile';

export interface InspectOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const USAGE = `Usage: npm run inspect -- <file> [--json] [--format <format>] [--map <field>=<column>,...] [--dates dmy|mdy] [--link-kind <kind>]

Opens a file exactly as the app does: a Frontline dataset (.frontline JSON), an ACLED or UCDP
export, a TimelineJS JSON or spreadsheet, or any CSV/TSV table. Prints a summary; for a
Frontline dataset it also checks every quote against local copies of its sources, and each local
copy against the SHA-256 its source records (verified, changed, missing). Problems are printed
as file:line:column: severity: field: message.

  --json             print a machine-readable report
  --format <format>  read the file as ${IMPORT_FORMATS.join(', ')} (default: told from the file)
  --map <mapping>    for a generic table: which column (0 = the first) holds what, e.g.
                     --map date=0,title=2,place=5 (fields: ${CSV_FIELDS.join(', ')})
  --dates <order>    with --map, for date columns whose numeric dates all read both ways
                     (03/04/2017): dmy (day first, 3 April 2017) or mdy (month first, March 4, 2017)
  --link-kind <kind> with --map related=<column>, what its links say: ${LINK_KINDS.join(', ')}
                     (default related-to)

Without --map a generic table is not opened: its columns and the mapping guessed from its
header are printed, to run again with --map. Nor is one whose date columns do not show their
day/month order, without --dates: the columns and some of their dates, read both ways, are printed.

Exit status: 0 valid, 1 invalid or rows left out, 2 usage error or a table to map.`;

export interface InspectArgs {
  readonly file: string;
  readonly json: boolean;
  readonly format?: ImportFormat;
  readonly mapping?: CsvMapping;
}

export type ParsedArgs = { readonly ok: true; readonly args: InspectArgs } | { readonly ok: false; readonly message: string };

/** Parse `--map date=0,title=2`: each field once, a column number from 0. */
export function parseMapping(text: string): { ok: true; mapping: CsvMapping } | { ok: false; message: string } {
  const mapping: CsvMapping = {};
  const pairs = text.split(',').map((p) => p.trim());
  if (pairs.length === 0 || pairs.every((p) => p === '')) return { ok: false, message: '--map needs at least one field=column' };
  for (const pair of pairs) {
    const match = /^([a-z0-9]+)\s*=\s*(\d{1,4})$/i.exec(pair);
    if (!match) return { ok: false, message: `--map: "${pair}" is not field=column (e.g. date=0)` };
    const field = match[1]!.toLowerCase();
    if (!(CSV_FIELDS as readonly string[]).includes(field)) return { ok: false, message: `--map: unknown field "${match[1]}" (fields: ${CSV_FIELDS.join(', ')})` };
    if (field in mapping) return { ok: false, message: `--map: "${field}" is given twice` };
    mapping[field as CsvField] = Number(match[2]);
  }
  return { ok: true, mapping };
}

export function parseInspectArgs(argv: readonly string[]): ParsedArgs {
  const files: string[] = [];
  let json = false;
  let format: ImportFormat | undefined;
  let mapping: CsvMapping | undefined;
  let dates: DateOrder | undefined;
  let linkKind: LinkKind | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string | undefined => inline ?? (i + 1 < argv.length && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined);
    switch (name) {
      case '--help':
        return { ok: false, message: '' };
      case '--json':
        if (inline !== undefined) return { ok: false, message: '--json takes no value' };
        json = true;
        break;
      case '--format': {
        const v = value();
        if (v === undefined) return { ok: false, message: `--format needs a format: ${IMPORT_FORMATS.join(', ')}` };
        if (!(IMPORT_FORMATS as readonly string[]).includes(v)) return { ok: false, message: `Unknown format "${v}": use one of ${IMPORT_FORMATS.join(', ')}` };
        if (format !== undefined) return { ok: false, message: '--format is given twice' };
        format = v as ImportFormat;
        break;
      }
      case '--map': {
        const v = value();
        if (v === undefined) return { ok: false, message: '--map needs a mapping, e.g. --map date=0,title=2' };
        if (mapping !== undefined) return { ok: false, message: '--map is given twice' };
        const parsed = parseMapping(v);
        if (!parsed.ok) return { ok: false, message: parsed.message };
        mapping = parsed.mapping;
        break;
      }
      case '--dates': {
        const v = value();
        if (v === undefined || !(DATE_ORDERS as readonly string[]).includes(v)) {
          return { ok: false, message: `--dates needs dmy (day first: 03/04/2017 is 3 April 2017) or mdy (month first: March 4, 2017)${v === undefined ? '' : `, not "${v}"`}` };
        }
        if (dates !== undefined) return { ok: false, message: '--dates is given twice' };
        dates = v as DateOrder;
        break;
      }
      case '--link-kind': {
        const v = value();
        if (v === undefined || !isLinkKind(v)) return { ok: false, message: `--link-kind needs one of ${LINK_KINDS.join(', ')}${v === undefined ? '' : `, not "${v}"`}` };
        if (linkKind !== undefined) return { ok: false, message: '--link-kind is given twice' };
        linkKind = v;
        break;
      }
      default:
        return { ok: false, message: `Unknown option ${name}` };
    }
  }
  if (files.length !== 1) return { ok: false, message: files.length === 0 ? '' : `One file at a time (got ${files.length})` };
  if (dates !== undefined && mapping === undefined) return { ok: false, message: '--dates goes with --map: it says how the date columns of a generic table write their dates' };
  if (mapping !== undefined) {
    if (format !== undefined && format !== 'csv') return { ok: false, message: `--map is for a generic table (--format csv), not ${format}` };
    format = 'csv';
    if (dates !== undefined) mapping.dateOrder = dates;
  }
  if (linkKind !== undefined) {
    if (mapping?.related === undefined) return { ok: false, message: '--link-kind goes with --map related=<column>: it says what the related ids column\'s links say' };
    mapping.relatedKind = linkKind;
  }
  return { ok: true, args: { file: files[0]!, json, ...(format ? { format } : {}), ...(mapping ? { mapping } : {}) } };
}

interface SourceCopies {
  /** Each readable copy's text, by source id (for the quote checks). */
  readonly texts: Map<string, string>;
  readonly problems: Problem[];
  /** Each local copy against the SHA-256 its source records, in source order. */
  readonly checks: LocalCopyCheck[];
}

/**
 * Read and hash every source's local copy: one that cannot be read, or whose SHA-256 is not the
 * one recorded (changed since the dataset was made), is an error, as a quote not found is.
 */
async function readSourceCopies(sources: readonly Source[], datasetPath: string): Promise<SourceCopies> {
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  const checks: LocalCopyCheck[] = [];
  for (const [i, source] of sources.entries()) {
    if (source.localCopy === undefined) continue;
    // Only a regular file inside the dataset's folder, links resolved, of bounded size.
    const { copy, digest } = await digestLocalCopy(datasetPath, source.localCopy);
    const check = compareLocalCopy(source, digest);
    checks.push(check);
    if (!copy.ok) {
      problems.push({ severity: 'error', file: datasetPath, field: `sources[${i}].localCopy`, message: `${copy.path} ${copy.message}` });
      continue;
    }
    if (check.state === 'changed') {
      problems.push({
        severity: 'error',
        file: datasetPath,
        field: `sources[${i}].sha256`,
        message: `${copy.path} changed since the dataset was made: its SHA-256 is ${check.actual}, the dataset records ${check.recorded}`
      });
    }
    const decoded = decodeText(copy.bytes, copy.path);
    if (decoded.ok) texts.set(source.id, decoded.text);
    else problems.push(decoded.problem);
  }
  return { texts, problems, checks };
}

const COPY_STATE_WORD: Readonly<Record<LocalCopyCheck['state'], string>> = {
  verified: 'verified',
  changed: 'changed',
  unrecorded: 'unverified',
  missing: 'missing',
  unreadable: 'unreadable'
};

/** What follows a copy's name: its SHA-256, or why it has none. */
function copyDetail(c: LocalCopyCheck): string {
  switch (c.state) {
    case 'verified':
      return `sha256 ${c.actual}`;
    case 'changed':
      return `sha256 now ${c.actual}, recorded ${c.recorded}`;
    case 'unrecorded':
      return `no sha256 recorded (the copy's is ${c.actual})`;
    default:
      return c.reason ?? '';
  }
}

/** Each local copy and how it compares with its recorded SHA-256, one line a source. */
function formatCopies(checks: readonly LocalCopyCheck[]): string[] {
  if (checks.length === 0) return [];
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(COPY_STATE_WORD[c.state], (counts.get(COPY_STATE_WORD[c.state]) ?? 0) + 1);
  const lines = [`Copies:    ${checks.length} local ${checks.length === 1 ? 'copy' : 'copies'}: ${[...counts].map(([word, n]) => `${n} ${word}`).join(', ')}`];
  const width = Math.min(40, checks.reduce((w, c) => Math.max(w, c.source.length), 0));
  for (const c of checks) lines.push(`  ${c.source.padEnd(width)}  ${COPY_STATE_WORD[c.state].padEnd(10)}  ${c.localCopy}  ${copyDetail(c)}`);
  return lines;
}

/** Figures printed in the summary; --json has them all. */
const MAX_FIGURES_LISTED = 50;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatSummary(s: DatasetSummary, file: string, opened: ReadDataset): string {
  const lines = [
    opened.format === 'native' ? `${file}: valid Frontline dataset` : `${file}: ${FORMAT_LABEL[opened.format]}, read as a Frontline dataset`,
    `Title:     ${s.title}`,
    ...(opened.format === 'native'
      ? []
      : [`Rows:      ${opened.rows.total} (${plural(opened.rows.imported, 'event')}${opened.rows.skipped > 0 ? `, ${opened.rows.skipped} left out` : ''})`]),
    `Events:    ${s.events} (${s.spans} spans)`,
    ...s.byType.map((t) => `  ${EVENT_TYPE_STYLES[t.type].plural.padEnd(28)} ${String(t.count).padStart(7)}`),
    `Precision: ${s.byPrecision.map((p) => `${p.precision} ${p.count}`).join(', ')}`,
    `Dates:     ${s.fullRange ? `${s.fullRange.start} to ${s.fullRange.end}` : 'none'}`
  ];
  if (s.storyRange && s.fullRange && (s.storyRange.start !== s.fullRange.start || s.storyRange.end !== s.fullRange.end)) {
    lines.push(`           ${s.storyRange.start} to ${s.storyRange.end} without historical context`);
  }
  lines.push(
    `Places:    ${s.places} (${s.placesWithCoordinates} with coordinates)`,
    `Actors:    ${s.actors}`,
    `Sources:   ${s.sources}`,
    `Figures:   ${s.figures.length}`
  );
  // Listed one per line up to a screenful (never spread into a call: a file may have millions).
  for (const f of s.figures.slice(0, MAX_FIGURES_LISTED)) lines.push(`  ${f.text.padEnd(40)} ${f.eventId}`);
  if (s.figures.length > MAX_FIGURES_LISTED) lines.push(`  …and ${(s.figures.length - MAX_FIGURES_LISTED).toLocaleString('en-GB')} more (--json lists them all)`);
  return lines.join('\n');
}

/** The columns of a generic table, the mapping guessed, and the command to run with it. */
export function formatMappingHelp(file: string, preview: CsvPreview): string {
  if (preview.asked) return dateOrderHelp(file, preview, preview.asked).join('\n') + '\n';
  // However wide the table: at most HELP_COLUMNS columns are listed, headers are cut to
  // HELP_HEADER_WIDTH, and the file's lists are never spread into a call's arguments.
  const HELP_COLUMNS = 200;
  const HELP_HEADER_WIDTH = 40;
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const delimiter = preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`;
  const guessed = Object.entries(preview.guess).filter(([, column]) => column !== undefined) as [CsvField, number][];
  const fieldOf = new Map(guessed.map(([field, column]) => [column, field]));
  const listed = Math.min(preview.headers.length, HELP_COLUMNS);
  const total = Math.max(preview.columnCount ?? 0, preview.headers.length);
  const headerOf = (column: number) => preview.guessedHeaders?.find((g) => g.column === column)?.header ?? preview.headers[column] ?? '';
  const past = [...new Set(guessed.map(([, column]) => column))].filter((column) => column >= listed).sort((a, b) => a - b);
  let width = 6;
  for (const column of [...Array.from({ length: listed }, (_, i) => i), ...past]) width = Math.min(HELP_HEADER_WIDTH, Math.max(width, headerOf(column).length));
  const row = (i: number) =>
    `${String(i).padStart(3)}  ${cut(headerOf(i).replace(/\s+/g, ' '), width).padEnd(width)}  ${(fieldOf.get(i) ?? '-').padEnd(11)}  ${(preview.sample[0]?.[i] ?? '').replace(/\s+/g, ' ').slice(0, 60)}`;
  const lines = [`${file}: a table of ${preview.rowCount} rows (${delimiter}-separated) whose columns must be matched to what they hold.`, '', `  #  ${'Column'.padEnd(width)}  Guess        First value`];
  for (let i = 0; i < listed; i++) lines.push(row(i));
  if (total > listed) {
    lines.push(`  … and ${(total - listed).toLocaleString('en-GB')} more columns (${total.toLocaleString('en-GB')} in all), not listed: map one by its number (counting from 0, as above)`);
    for (const column of past) lines.push(row(column));
  }
  lines.push('');
  const map = guessed.map(([field, column]) => `${field}=${column}`).join(',');
  const question = dateOrderHelp(file, preview, preview.guess);
  // The columns and their examples; the commands are the guessed one below, with --dates.
  if (question.length > 0) {
    for (const line of question.slice(0, -3)) lines.push(line);
    lines.push('');
  }
  lines.push(
    guessed.length > 0
      ? `Guessed mapping: ${map}\nRun again with the mapping to open it, corrected where needed${question.length > 0 ? ', and the order of the dates' : ''}:\n  npm run inspect -- ${quoteArg(file)} --map ${map}${question.length > 0 ? ' --dates dmy|mdy' : ''}`
      : `No column could be guessed from the header. Run again with --map, e.g.\n  npm run inspect -- ${quoteArg(file)} --map date=0,title=1`
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The question of a mapping whose date columns do not show their day/month order: each column
 * with some of its dates read both ways, then the two commands to run (the last three lines).
 * Empty when nothing needs asking.
 */
export function dateOrderHelp(file: string, preview: CsvPreview, mapping: CsvMapping): string[] {
  const columns = ambiguousDateColumns(preview.dateColumns, mapping);
  if (columns.length === 0) return [];
  const lines: string[] = [];
  for (const c of columns) {
    lines.push(`${file}: every date in column ${c.column} "${c.header}" reads both ways, so its day/month order must be given:`);
    for (const e of c.examples) lines.push(`  ${e.text} → ${e.dayFirst} (day first) or ${e.monthFirst} (month first)`);
  }
  const map = [...CSV_FIELDS].flatMap((f) => (mapping[f] !== undefined ? [`${f}=${mapping[f]}`] : [])).join(',');
  lines.push('Run again with --dates dmy (day first) or --dates mdy (month first):', `  npm run inspect -- ${quoteArg(file)} --map ${map} --dates dmy`, `  npm run inspect -- ${quoteArg(file)} --map ${map} --dates mdy`);
  return lines;
}

function quoteArg(text: string): string {
  return /^[\w./:@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** What inspect prints, with anything from the file that a terminal could act on escaped. */
export async function inspect(argv: readonly string[]): Promise<InspectOutput> {
  const out = await inspectFile(argv);
  const json = argv.includes('--json');
  return { exitCode: out.exitCode, stdout: terminalSafe(out.stdout, json), stderr: terminalSafe(out.stderr) };
}

async function inspectFile(argv: readonly string[]): Promise<InspectOutput> {
  const parsed = parseInspectArgs(argv);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `${parsed.message ? `${parsed.message}\n\n` : ''}${USAGE}\n` };
  const { file, json, format, mapping } = parsed.args;
  const outcome = await openDatasetFile(resolve(file), file, { ...(format ? { format } : {}), ...(mapping ? { mapping } : {}) });
  if (outcome.kind === 'needs-mapping') {
    return json
      ? { exitCode: 2, stdout: `${JSON.stringify({ valid: false, needsMapping: outcome.preview }, null, 2)}\n`, stderr: '' }
      : { exitCode: 2, stdout: formatMappingHelp(file, outcome.preview), stderr: '' };
  }
  const read = datasetOf(outcome);
  // A native file must be valid whole (its invalid events are its problems, as the app's startup
  // check has it); rows of an import may be left out, which is reported with the summary.
  const invalid = !read
    ? outcome.kind === 'failed'
      ? (outcome.error.problems ?? [])
      : [{ severity: 'error' as const, file, message: outcome.kind }]
    : read.dataset.format === 'native' && read.skipped.length > 0
      ? read.skipped
      : undefined;
  if (!read || invalid) {
    const problems = invalid ?? [];
    return json
      ? { exitCode: 1, stdout: `${JSON.stringify({ valid: false, problems }, null, 2)}\n`, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: `${problems.map(formatProblem).join('\n')}\n${file}: invalid (${plural(problems.length, 'problem')})\n` };
  }
  const { dataset: opened, skipped } = read;
  const { header, columns, warnings } = opened;
  // Quotes are checked against local copies beside a native file, every event read back in file order.
  const copies: SourceCopies = opened.format === 'native' ? await readSourceCopies(header.sources, resolve(file)) : { texts: new Map<string, string>(), problems: [], checks: [] };
  const events: TimelineEvent[] = [];
  if (copies.texts.size > 0) {
    const image = imageNow(opened.image);
    for (let i = 0; i < image.ranges.length / 2; i++) {
      const event = readEvent(image.bytes, image.ranges, i, file);
      if (event) events.push(event);
    }
  }
  const problems = [...skipped, ...copies.problems, ...verifyQuotes(events, copies.texts, file), ...verifyLinkQuotes(header.links, copies.texts, file)];
  const localCopies = copies.checks;
  const summary = summarizeDataset(header, columns);
  if (json) {
    return {
      exitCode: problems.length > 0 ? 1 : 0,
      stdout: `${JSON.stringify({ valid: problems.length === 0, format: opened.format, rows: opened.rows, summary, warnings, problems, quotesVerified: [...copies.texts.keys()], localCopies }, null, 2)}\n`,
      stderr: ''
    };
  }
  const warningText = warnings.length > 0 ? `\n${warnings.map(formatProblem).join('\n')}` : '';
  if (skipped.length > 0) {
    // An import with rows left out: what would open, and why the rest would not.
    return {
      exitCode: 1,
      stdout: `${formatSummary(summary, file, opened)}${warningText}\n`,
      stderr: `${problems.map(formatProblem).join('\n')}\n${file}: ${plural(opened.rows.skipped, 'row')} of ${opened.rows.total} left out (${plural(problems.length, 'problem')})\n`
    };
  }
  if (problems.length > 0) {
    return { exitCode: 1, stdout: '', stderr: `${problems.map(formatProblem).join('\n')}\n${file}: invalid (${plural(problems.length, 'problem')})\n` };
  }
  const verified = [
    ...(copies.texts.size > 0 ? [`Quotes:    every quote checked word for word against ${[...copies.texts.keys()].join(', ')}`] : []),
    ...formatCopies(localCopies)
  ]
    .map((line) => `\n${line}`)
    .join('');
  return { exitCode: 0, stdout: `${formatSummary(summary, file, opened)}${verified}${warningText}\n`, stderr: '' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await inspect(process.argv.slice(2));
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
