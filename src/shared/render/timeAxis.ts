// Ticks of an exported image's time axis: a row of minor ticks (days, weeks, months, quarters,
// years, decades…) spaced so their labels never collide, and a row of major ticks naming the
// larger unit (the month of the days, the year of the months). Calendar-aligned, in UTC, with
// English month names written out here so the output does not depend on the machine's locale.
import { calendarFloor, calendarNext, DAY_MS, MONTHS_LONG, MONTHS_SHORT } from '../time/calendar';

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | '5 years' | 'decade' | '50 years' | 'century' | '500 years' | 'millennium';

interface UnitInfo {
  readonly unit: TickUnit;
  readonly approx: number;
  /** Longest minor label, for spacing. */
  readonly sample: string;
  readonly major: TickUnit;
}

const UNITS: readonly UnitInfo[] = [
  { unit: 'day', approx: DAY_MS, sample: '28', major: 'month' },
  { unit: 'week', approx: 7 * DAY_MS, sample: '28 Sep', major: 'month' },
  { unit: 'month', approx: 30.44 * DAY_MS, sample: 'Sep', major: 'year' },
  { unit: 'quarter', approx: 91.3 * DAY_MS, sample: 'Sep', major: 'year' },
  { unit: 'year', approx: 365.25 * DAY_MS, sample: '2017', major: 'decade' },
  { unit: '5 years', approx: 5 * 365.25 * DAY_MS, sample: '2015', major: 'decade' },
  { unit: 'decade', approx: 3652.5 * DAY_MS, sample: '2010', major: 'century' },
  { unit: '50 years', approx: 50 * 365.25 * DAY_MS, sample: '1950', major: 'century' },
  { unit: 'century', approx: 36525 * DAY_MS, sample: '1900', major: 'millennium' },
  { unit: '500 years', approx: 500 * 365.25 * DAY_MS, sample: '1500', major: 'millennium' },
  { unit: 'millennium', approx: 365250 * DAY_MS, sample: '2000', major: 'millennium' }
];

export function minorLabel(t: number, unit: TickUnit): string {
  const d = new Date(t);
  switch (unit) {
    case 'day':
      return String(d.getUTCDate());
    case 'week':
      return `${d.getUTCDate()} ${MONTHS_SHORT[d.getUTCMonth()]}`;
    case 'month':
    case 'quarter':
      return MONTHS_SHORT[d.getUTCMonth()]!;
    default:
      return String(d.getUTCFullYear());
  }
}

export function majorLabel(t: number, unit: TickUnit): string {
  const d = new Date(t);
  switch (unit) {
    case 'month':
      return `${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'year':
      return String(d.getUTCFullYear());
    case 'decade':
      return `${d.getUTCFullYear()}s`;
    default:
      return String(d.getUTCFullYear());
  }
}

export interface Tick {
  readonly t: number;
  readonly label: string;
}

export interface AxisTicks {
  readonly minorUnit: TickUnit;
  readonly majorUnit: TickUnit;
  readonly minor: readonly Tick[];
  readonly major: readonly Tick[];
}

/**
 * Ticks for [start, end) drawn `widthPx` wide: the finest minor unit whose labels (measured by
 * `labelWidth`) keep at least `gapPx` between them.
 */
export function axisTicks(start: number, end: number, widthPx: number, labelWidth: (text: string) => number, gapPx = 12): AxisTicks {
  const msPerPx = (end - start) / Math.max(1, widthPx);
  const info = UNITS.find((u) => u.approx / msPerPx >= labelWidth(u.sample) + gapPx) ?? UNITS[UNITS.length - 1]!;
  // A year axis labels every year: major ticks then add nothing.
  const majorUnit = info.major;
  const collect = (unit: TickUnit, label: (t: number) => string, limit: number): Tick[] => {
    const out: Tick[] = [];
    for (let t = calendarFloor(start, unit); t < end && out.length < limit; t = calendarNext(t, unit)) out.push({ t, label: label(t) });
    return out;
  };
  const minor = collect(info.unit, (t) => minorLabel(t, info.unit), 5000);
  const major = collect(majorUnit, (t) => majorLabel(t, majorUnit), 5000);
  return { minorUnit: info.unit, majorUnit, minor, major };
}

/** "3 November 2017". */
export function longDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The window as words: "1 January – 31 December 2017", "16 December 2013 – 19 November 2017". */
export function describeWindow(start: number, end: number): string {
  const last = end - 1;
  const a = new Date(start);
  const b = new Date(last);
  if (a.getUTCFullYear() === b.getUTCFullYear()) {
    if (a.getUTCMonth() === b.getUTCMonth()) {
      if (a.getUTCDate() === b.getUTCDate()) return longDate(start);
      return `${a.getUTCDate()}–${longDate(last)}`;
    }
    return `${a.getUTCDate()} ${MONTHS_LONG[a.getUTCMonth()]} – ${longDate(last)}`;
  }
  return `${longDate(start)} – ${longDate(last)}`;
}
