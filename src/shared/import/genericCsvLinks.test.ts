// A generic table's related ids column: each id it names (several separated by ; | or ,) is a link
// from the row's event to that row's, of the kind the mapping gives (related-to by default); ids
// no imported row has and a row naming itself are left out with a warning naming the line; the
// links pass the dataset's checks and reach the header through opening the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetOf, imageNow, openDatasetFile } from '../../main/dataset/openDatasetFile';
import { validateDataset } from '../dataset/validateDataset';
import { parseInspectArgs } from '../../cli/inspect';
import { guessMapping } from './csvMapping';
import { readCsv, type CsvTable } from './csvTable';
import { importMappedCsv } from './genericCsv';
import type { CsvMapping } from './types';

const PATH = fileURLToPath(new URL('../../../tests/fixtures/import/generic-related.csv', import.meta.url));
const TEXT = readFileSync(PATH, 'utf8');
function readCsvTable(text: string, file: string): CsvTable {
  const read = readCsv(text, file);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table;
}

const MAPPING: CsvMapping = { id: 0, date: 1, title: 2, type: 3, place: 4, related: 5 };

function imported(mapping: CsvMapping) {
  const table = readCsvTable(TEXT, 'generic-related.csv');
  const outcome = importMappedCsv(table, mapping);
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
  return outcome.result;
}

const pairs = (links: readonly { from: string; to: string; kind: string }[] | undefined) => (links ?? []).map((l) => `${l.from} ${l.kind} ${l.to}`);

describe('the related ids column of a generic table', () => {
  it('is guessed from its header', () => {
    const table = readCsvTable(TEXT, 'generic-related.csv');
    expect(guessMapping(table.headers, table.rows.slice(0, 8))).toMatchObject({ id: 0, related: 5 });
  });

  it('links each row to the rows it names, related-to unless the mapping says otherwise', () => {
    const result = imported(MAPPING);
    expect(pairs(result.dataset.links)).toEqual(['cap1 related-to op1', 'rep1 related-to cap1', 'rep1 related-to op1', 'resp1 related-to cap1', 'dup1 related-to cap1']);
    const leads = imported({ ...MAPPING, relatedKind: 'responds-to' });
    expect(pairs(leads.dataset.links)[0]).toBe('cap1 responds-to op1');
  });

  it('leaves out an id no imported row has, and a row naming itself, saying where', () => {
    const warnings = imported(MAPPING).problems.filter((p) => p.field === 'related_to');
    expect(warnings.map((p) => [p.line, p.message])).toEqual([
      [5, '"ghost" is not the id of an imported row (no row has it, or its row was left out); this link was left out'],
      [6, 'the row names itself ("self1"); a link from an event to itself was left out']
    ]);
  });

  it('passes the dataset checks whole', () => {
    const result = imported(MAPPING);
    const check = validateDataset(result.dataset, 'generic-related.csv');
    expect(check.ok && check.dataset.links?.length).toBe(5);
  });

  it('reaches the header when the file is opened, and its file image keeps them', async () => {
    const outcome = await openDatasetFile(PATH, 'generic-related.csv', { format: 'csv', mapping: { ...MAPPING, relatedKind: 'leads-to' } });
    const read = datasetOf(outcome);
    if (!read) throw new Error(JSON.stringify(outcome).slice(0, 400));
    expect(pairs(read.dataset.header.links)[0]).toBe('cap1 leads-to op1');
    expect(read.dataset.header.links).toHaveLength(5);
    const image = imageNow(read.dataset.image);
    expect((JSON.parse(new TextDecoder().decode(image.bytes)) as { links?: unknown[] }).links).toHaveLength(5);
  });

  it('needs the id column, and refuses a kind that is not one', () => {
    const table = readCsvTable(TEXT, 'generic-related.csv');
    const noId = importMappedCsv(table, { date: 1, title: 2, related: 5 });
    expect(noId.status === 'failed' && noId.problems[0]?.message).toBe('the related ids column names other rows by their id: choose the column of event ids too (or no related column)');
    const badKind = importMappedCsv(table, { ...MAPPING, relatedKind: 'causes' as never });
    expect(badKind.status === 'failed' && badKind.problems[0]?.message).toBe('"causes" is not a kind of link');
  });

  it('inspect takes the kind with --link-kind, only with a related column', () => {
    const ok = parseInspectArgs([PATH, '--map', 'id=0,date=1,title=2,related=5', '--link-kind', 'disputes']);
    expect(ok.ok && ok.args.mapping).toMatchObject({ related: 5, relatedKind: 'disputes' });
    const without = parseInspectArgs([PATH, '--map', 'id=0,date=1,title=2', '--link-kind', 'disputes']);
    expect(without.ok).toBe(false);
    expect(parseInspectArgs([PATH, '--map', 'id=0,date=1,related=5', '--link-kind', 'causes']).ok).toBe(false);
  });
});
