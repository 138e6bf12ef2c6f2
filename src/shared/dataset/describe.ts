// Words for the values the format stores as codes: precisions, statuses, roles, coordinates.
// Shared so the detail panel, presentation captions and exports say the same thing.
import { describeDateValue, type DatePrecision } from './dates';
import type { Coordinates, DatePoint, EventStatus } from './schema';

export const PRECISION_LABEL: Readonly<Record<DatePrecision, string>> = {
  day: 'exact day',
  week: 'within a week',
  month: 'within a month',
  year: 'within a year',
  approximate: 'approximate',
  between: 'sometime between two dates'
};

export const STATUS_LABEL: Readonly<Record<EventStatus, string>> = {
  reported: 'Reported',
  claimed: 'Claimed',
  disputed: 'Disputed',
  confirmed: 'Confirmed',
  assessment: 'Assessment'
};

export const STATUS_DESCRIPTION: Readonly<Record<EventStatus, string>> = {
  reported: 'Stated by the source as fact',
  claimed: 'Attributed by the source to a party who says so',
  disputed: 'Contradicted by other reports',
  confirmed: 'Confirmed by independent sources',
  assessment: "An observer's judgement or forecast"
};

export const ROLE_LABEL: Readonly<Record<string, string>> = {
  attacker: 'attacking',
  defender: 'defending',
  holder: 'holding',
  target: 'targeted',
  participant: 'taking part',
  backer: 'backing',
  speaker: 'speaking',
  affected: 'affected',
  subject: 'spoken of'
};

export function describeDatePoint(point: DatePoint): string {
  return describeDateValue(point.value, point.precision, point.margin);
}

/** "3 November 2017", "October 2017", "2014 – Friday 3 November 2017". */
export function describeWhen(start: DatePoint, end?: DatePoint): string {
  return end ? `${describeDatePoint(start)} – ${describeDatePoint(end)}` : describeDatePoint(start);
}

export function formatCoordinates(c: Pick<Coordinates, 'lat' | 'lon'>): string {
  const lat = `${Math.abs(c.lat).toFixed(4)}° ${c.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(c.lon).toFixed(4)}° ${c.lon >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "Syria" for "SY"; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
