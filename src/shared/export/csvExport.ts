// Events as CSV that is safe to open in a spreadsheet: RFC 4180 quoting, and every cell that a
// spreadsheet would run as a formula (= + - @ tab CR at the start) neutralised with a leading
// apostrophe, as OWASP ASVS 5.0 (1.2.10) asks (line feed too, which some spreadsheets also read
// past). Plain numbers (-5, 3.2) are left as numbers.
import { describeDatePoint } from '../dataset/describe';
import { figureText } from '../dataset/formatFigure';
import type { DatasetHeader } from '../dataset/columns';
import type { TimelineEvent } from '../dataset/schema';

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: neutralised if a spreadsheet could read it as a formula, quoted when needed. */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  // Tabs are quoted too, so that no reader takes the file for tab-separated.
  return /[",\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'id',
  'type',
  'title',
  'summary',
  'start',
  'start_precision',
  'start_as_written',
  'end',
  'end_precision',
  'end_as_written',
  'date_resolved',
  'places',
  'countries',
  'admin1',
  'latitude',
  'longitude',
  'actors',
  'claimant',
  'status',
  'status_note',
  'figures',
  'sources',
  'quotes'
] as const;

/**
 * Starts the file so that spreadsheets read it as UTF-8 (Excel otherwise garbles Arabic names);
 * Frontline's own importer and most tools skip it.
 */
export const CSV_BOM = '\uFEFF';

/** The CSV header line (with CRLF, as RFC 4180 has it). */
export function csvHeaderLine(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One event as a CSV line. */
export function csvEventLine(header: DatasetHeader, e: TimelineEvent, lookups: CsvLookups = csvLookups(header)): string {
  const places = e.places.map((id) => lookups.places.get(id)).filter((p) => p !== undefined);
  const first = places.find((p) => p.coordinates);
  const cells: (string | number | undefined)[] = [
    e.id,
    e.type,
    e.title,
    e.summary,
    e.start.value,
    e.start.precision,
    e.start.asWritten,
    e.end?.value,
    e.end?.precision,
    e.end?.asWritten,
    e.end ? `${describeDatePoint(e.start)} – ${describeDatePoint(e.end)}` : describeDatePoint(e.start),
    places.map((p) => p.name).join('; '),
    [...new Set(places.flatMap((p) => p.countries))].join('; '),
    [...new Set(places.map((p) => p.admin1).filter((a) => a !== undefined))].join('; '),
    first?.coordinates?.lat,
    first?.coordinates?.lon,
    e.actors.map((a) => lookups.actors.get(a.actor)?.name ?? a.actor).join('; '),
    e.claimant ? (e.claimant.actor ? (lookups.actors.get(e.claimant.actor)?.name ?? e.claimant.asWritten) : e.claimant.asWritten) : undefined,
    e.status,
    e.statusNote,
    e.figures.map((f) => figureText(f, f.counts)).join('; '),
    [...new Set(e.citations.map((c) => c.source))]
      .map((id) => {
        const s = lookups.sources.get(id);
        return s ? [s.publisher, s.title, s.date].filter((x) => x !== undefined).join(', ') : id;
      })
      .join('; '),
    e.citations
      .map((c) => c.quote)
      .filter((q) => q !== undefined)
      .join(' | ')
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface CsvLookups {
  readonly places: ReadonlyMap<string, DatasetHeader['places'][number]>;
  readonly actors: ReadonlyMap<string, DatasetHeader['actors'][number]>;
  readonly sources: ReadonlyMap<string, DatasetHeader['sources'][number]>;
}

export function csvLookups(header: DatasetHeader): CsvLookups {
  return {
    places: new Map(header.places.map((p) => [p.id, p])),
    actors: new Map(header.actors.map((a) => [a.id, a])),
    sources: new Map(header.sources.map((s) => [s.id, s]))
  };
}
