// Command line: load and validate a dataset with the same code the app uses, then print a summary
// or the problems (file, line, field). Exit 0 valid, 1 invalid, 2 usage.
//   npm run inspect -- data/deir-al-zour-al-qaim-2017.frontline [--json]
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_TYPE_STYLES } from '../shared/dataset/eventTypes';
import { formatProblem, type Problem } from '../shared/dataset/problems';
import type { Source, TimelineEvent } from '../shared/dataset/schema';
import { readEvent } from '../shared/dataset/loadDatasetBytes';
import { summarizeDataset, verifyQuotes, type DatasetSummary } from '../shared/dataset/summarize';
import { decodeText } from '../shared/text/decodeText';
import { describeIoError, loadDatasetFile } from '../main/dataset/loadDatasetFile';

export interface InspectOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = `Usage: npm run inspect -- <dataset file> [--json]

Loads a Frontline dataset (.frontline JSON), validates it exactly as the app does, checks every
quote against local copies of its sources, and prints a summary. Problems are printed as
file:line:column: severity: field: message. Exit status: 0 valid, 1 invalid, 2 usage error.`;

async function readSourceCopies(sources: readonly Source[], datasetPath: string): Promise<{ texts: Map<string, string>; problems: Problem[] }> {
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [i, source] of sources.entries()) {
    if (source.localCopy === undefined) continue;
    const path = resolve(dirname(datasetPath), source.localCopy);
    try {
      const decoded = decodeText(await readFile(path), path);
      if (decoded.ok) texts.set(source.id, decoded.text);
      else problems.push(decoded.problem);
    } catch (err) {
      problems.push({ severity: 'error', file: datasetPath, field: `sources[${i}].localCopy`, message: `cannot read ${path}: ${describeIoError(err)}` });
    }
  }
  return { texts, problems };
}

function formatSummary(s: DatasetSummary, file: string): string {
  const lines = [
    `${file}: valid Frontline dataset`,
    `Title:     ${s.title}`,
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
    `Figures:   ${s.figures.length}`,
    ...s.figures.map((f) => `  ${f.text.padEnd(40)} ${f.eventId}`)
  );
  return lines.join('\n');
}

export async function inspect(args: readonly string[]): Promise<InspectOutput> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (files.length !== 1 || unknown.length > 0 || args.includes('--help')) {
    return { exitCode: 2, stdout: '', stderr: `${unknown.length > 0 ? `Unknown option ${unknown[0]}\n\n` : ''}${USAGE}\n` };
  }
  const file = files[0] ?? '';
  const loaded = await loadDatasetFile(resolve(file), file);
  if (!loaded.ok) {
    return json
      ? { exitCode: 1, stdout: `${JSON.stringify({ valid: false, problems: loaded.problems }, null, 2)}\n`, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: `${loaded.problems.map(formatProblem).join('\n')}\n${file}: invalid (${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'})\n` };
  }
  const { header, columns, eventRanges, warnings } = loaded.loaded;
  const copies = await readSourceCopies(header.sources, resolve(file));
  // Quotes are checked against every event, read back from the file in file order.
  const events: TimelineEvent[] = [];
  if (copies.texts.size > 0) {
    for (let i = 0; i < eventRanges.length / 2; i++) {
      const event = readEvent(loaded.bytes, eventRanges, i, file);
      if (event) events.push(event);
    }
  }
  const problems = [...copies.problems, ...verifyQuotes(events, copies.texts, file)];
  const summary = summarizeDataset(header, columns);
  if (json) {
    return {
      exitCode: problems.length > 0 ? 1 : 0,
      stdout: `${JSON.stringify({ valid: problems.length === 0, summary, warnings, problems, quotesVerified: [...copies.texts.keys()] }, null, 2)}\n`,
      stderr: ''
    };
  }
  if (problems.length > 0) {
    return { exitCode: 1, stdout: '', stderr: `${problems.map(formatProblem).join('\n')}\n${file}: invalid (${problems.length} problem${problems.length === 1 ? '' : 's'})\n` };
  }
  const verified = copies.texts.size > 0 ? `\nQuotes:    every quote checked word for word against ${[...copies.texts.keys()].join(', ')}` : '';
  const warningText = warnings.length > 0 ? `\n${warnings.map(formatProblem).join('\n')}` : '';
  return { exitCode: 0, stdout: `${formatSummary(summary, file)}${verified}${warningText}\n`, stderr: '' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await inspect(process.argv.slice(2));
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
