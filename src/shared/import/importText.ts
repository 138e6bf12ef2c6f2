// One entry for every foreign format: find out what a file is, read it with its importer, and say
// what came of it (imported, needs its columns mapped, or failed). Native files take the faster
// byte path in loadDatasetBytes; everything else comes through here.
import { jsonFieldAt, jsonSyntaxProblem } from '../dataset/validateDataset';
import { lineColumnAt } from '../dataset/problems';
import { depthMessage, jsonDepthOffset } from '../json/jsonSkeleton';
import { importAcled, importAcledText, isAcledHeader } from './acled';
import { headerKey, readCsv, guessDelimiter, type CsvTable } from './csvTable';
import { importMappedCsv, previewCsv } from './genericCsv';
import { importTimelineJsCsv, importTimelineJsJson, isTimelineJsHeader } from './timelineJs';
import type { ImportFormat, ImportOptions, ImportOutcome } from './types';
import { importUcdp, isUcdpHeader } from './ucdp';

const NATIVE_MARK = /"format"\s*:\s*"frontline-dataset"/;

/**
 * What a file is, from its name and the start of its text (the first 64 KB are plenty). JSON is
 * native when it says so (or is named .frontline), else TimelineJS; tables are told apart by
 * their header row, which may sit under a few junk lines.
 */
export function detectFormat(head: string, fileName: string): ImportFormat {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const first = text.trimStart()[0];
  if (/\.frontline$/i.test(fileName)) return 'native';
  if (first === '{' || first === '[') {
    if (NATIVE_MARK.test(text.slice(0, 64 * 1024))) return 'native';
    return 'timelinejs-json';
  }
  const delimiter = guessDelimiter(text);
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 20);
  for (const line of lines) {
    const keys = line.split(delimiter).map((c) => headerKey(c.replace(/^"|"$/g, '')));
    if (isAcledHeader(keys)) return 'acled';
    if (isUcdpHeader(keys)) return 'ucdp';
    if (isTimelineJsHeader(keys)) return 'timelinejs-csv';
  }
  return 'csv';
}

const FORMAT_HEADER: Partial<Record<ImportFormat, (keys: readonly string[]) => boolean>> = {
  acled: isAcledHeader,
  ucdp: isUcdpHeader,
  'timelinejs-csv': isTimelineJsHeader
};

/** Import the text of a file in a foreign format. `file` names the file in problems. */
export function importText(text: string, file: string, options: ImportOptions = {}): ImportOutcome {
  const format = options.format ?? detectFormat(text.slice(0, 64 * 1024), file);
  if (format === 'native') {
    return { status: 'failed', problems: [{ severity: 'error', file, message: 'is a Frontline dataset, which is opened directly rather than imported' }] };
  }
  if (format === 'timelinejs-json') {
    let value: unknown;
    // Too deep is refused before parsing: what reads the slides afterwards may recurse.
    const deep = jsonDepthOffset(text);
    if (deep >= 0) return { status: 'failed', problems: [{ severity: 'error', file, ...lineColumnAt(text, deep), field: jsonFieldAt(text, deep), message: depthMessage() }] };
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (err) {
      return { status: 'failed', problems: [jsonSyntaxProblem(text, file, err)] };
    }
    return importTimelineJsJson(value, file, options.sink);
  }
  if (format === 'acled') {
    // Rows become events as they are read; a file whose dates need their whole column first
    // (numeric day/month order) is read as a table below.
    const streamed = importAcledText(text, file, options.sink);
    if (streamed) return streamed;
  }
  const isHeader = FORMAT_HEADER[format];
  // A generic table's header is the first row of two or more filled cells: a title or "exported
  // on" line above it is preamble (a table of one column is read as it is).
  const read = isHeader ? readCsv(text, file, { isHeader }) : readGenericCsv(text, file);
  if (!read.ok) return { status: 'failed', problems: read.problems };
  const table: CsvTable = read.table;
  switch (format) {
    case 'acled':
      return importAcled(table, options.sink);
    case 'ucdp':
      return importUcdp(table, options.sink);
    case 'timelinejs-csv':
      return importTimelineJsCsv(table, options.sink);
    case 'csv':
      return options.mapping ? importMappedCsv(table, options.mapping, options.sink) : { status: 'needs-mapping', preview: previewCsv(table) };
  }
}

function readGenericCsv(text: string, file: string): ReturnType<typeof readCsv> {
  const read = readCsv(text, file, { isHeader: (keys) => keys.filter((k) => k !== '').length >= 2 });
  return read.ok || read.refused || read.problems.some((p) => p.message.includes('never closed')) ? read : readCsv(text, file);
}
