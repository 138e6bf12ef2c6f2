// Dates in the cells of a table importer's date columns (ACLED's event_date, UCDP's date_start and
// date_end): one day/month order decided per column, each distinct cell read once, times of day
// dropped with a warning, and the wording notes use for a day.
import { DAY_MS, monthName, utcDay } from '../dataset/dates';
import type { CsvTable } from './csvTable';
import type { ImportBuilder } from './importBuilder';
import { decideDayMonthOrder, parseLooseDate, type DayMonthOrder } from './looseDate';
import { cell } from './rowHelpers';

const MIDNIGHT = /^00:00(?::00(?:[.,]0+)?)?\s*(?:z|utc|gmt|[+-]00(?::?00)?)?$/i;

/** A day (YYYY-MM-DD) read from a cell, or why it cannot be read. */
export type DayRead = { readonly ok: true; readonly day: string; readonly droppedTime?: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads the dates of one column, each distinct cell once. The day/month order of numeric dates
 * is decided for the whole column (see looseDate); times of day are dropped (midnight silently).
 */
export class DayColumn {
  readonly #cache = new Map<string, DayRead>();
  readonly order: DayMonthOrder | undefined;
  readonly decision: ReturnType<typeof decideDayMonthOrder>;
  readonly #distinct: readonly string[];

  constructor(table: Pick<CsvTable, 'rows'>, column: number) {
    const distinct = new Set<string>();
    if (column >= 0) for (const row of table.rows) distinct.add(cell(row.cells, column));
    this.#distinct = [...distinct];
    this.decision = decideDayMonthOrder(this.#distinct);
    this.order = this.decision.order;
  }

  /** The cell behind an index of the decision (dayFirstAt...). */
  example(index: number): string {
    return this.#distinct[index] ?? '';
  }

  read(text: string, year?: number): DayRead {
    const key = year === undefined ? text : `${year}\u0000${text}`;
    let r = this.#cache.get(key);
    if (r === undefined) {
      r = readDay(text, this.order, year);
      this.#cache.set(key, r);
    }
    return r;
  }
}

function readDay(text: string, order: DayMonthOrder | undefined, year: number | undefined): DayRead {
  if (text === '') return { ok: false, reason: 'the date is empty' };
  const parsed = parseLooseDate(text, { order, year });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const d = parsed.date;
  if (d.precision !== 'day' || d.approximate) {
    return { ok: false, reason: `"${text}" is not a single day (read as ${d.value}); this column must give a day` };
  }
  return d.droppedTime !== undefined && !MIDNIGHT.test(d.droppedTime) ? { ok: true, day: d.value, droppedTime: d.droppedTime } : { ok: true, day: d.value };
}

/** Tell the user once how the day/month order of numeric dates was decided, when it matters. */
export function reportOrder(b: ImportBuilder, table: Pick<CsvTable, 'headerLine'>, dates: DayColumn, field: string): void {
  const d = dates.decision;
  if (d.basis === 'assumed') {
    b.warn(table.headerLine, field, `every numeric date in this column reads both ways (e.g. "${dates.example(d.ambiguousAt)}"); they are read day first`);
  } else if (d.basis === 'mixed') {
    b.warn(
      table.headerLine,
      field,
      `this column has day-first dates (e.g. "${dates.example(d.dayFirstAt)}") and month-first dates (e.g. "${dates.example(d.monthFirstAt)}"); dates that read both ways are skipped`
    );
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2017-11-03" → "3 November 2017". */
export function dayWords(day: string): string {
  const m = ISO_DAY.exec(day);
  return m ? `${Number(m[3])} ${monthName(Number(m[2]))} ${m[1]}` : day;
}

/** ISO week ("2017-W44") of a day written YYYY-MM-DD. */
export function isoWeekOf(day: string): string {
  const t = utcDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = t + (3 - weekday) * DAY_MS;
  const y = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - utcDay(y, 1, 1)) / (7 * DAY_MS)) + 1;
  return `${String(y).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}
