// UCDP GED deaths as figures: the best estimate with UCDP's low and high estimates around it,
// then deaths by party (side A, side B, civilians, unknown), each in its own unit.
import { clip } from './importBuilder';
import type { Figure } from './rowHelpers';

/** The total deaths of a row: its figure (none when UCDP counts none), and what to tell the user. */
export interface Deaths {
  readonly figure: Figure | undefined;
  /** low and high were dropped (they did not bracket the best estimate). */
  readonly warning?: string;
  /** The best estimate is not a number of deaths. */
  readonly bad?: string;
}

/** A non-negative whole number of deaths, or undefined when the cell is empty or not one. */
export function deathCount(text: string): number | undefined {
  return /^\d{1,9}(?:\.0+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * The best estimate with low and high (cells as written). The codebook's best is the most likely
 * count, low and high the lowest and highest reasonable ones. The figure's value is best (what
 * density sums), with low and high kept beside it; it is approximate when they differ from it
 * ("0 killed, up to 7,961"), exact when UCDP gives no range. Low or high that do not bracket best
 * are dropped with a warning. No figure when best and high are both 0 (or missing).
 */
export function ucdpDeaths(bestText: string, lowText: string, highText: string): Deaths {
  const best = deathCount(bestText);
  if (best === undefined) return { figure: undefined, ...(bestText !== '' ? { bad: `"${clip(bestText, 40)}" is not a number of deaths; it was left out` } : {}) };
  let low = deathCount(lowText);
  let high = deathCount(highText);
  let warning: string | undefined;
  if ((low !== undefined && low > best) || (high !== undefined && high < best)) {
    warning = `the best estimate ${best} is not between low (${low ?? '–'}) and high (${high ?? '–'}); low and high were left out`;
    low = undefined;
    high = undefined;
  }
  const extra = warning ? { warning } : {};
  if (best === 0 && (high ?? 0) === 0) return { figure: undefined, ...extra };
  const range = (low !== undefined && low !== best) || (high !== undefined && high !== best);
  const ends = [...(low !== undefined ? [`low ${low}`] : []), ...(high !== undefined ? [`high ${high}`] : [])].join(', ');
  const figure: Figure = {
    value: best,
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
    unit: 'fatalities',
    counts: 'deaths, UCDP best estimate',
    label: 'killed',
    bound: range ? 'approximate' : 'exact',
    asWritten: range ? `best ${best} (${ends})` : `best ${best}`
  };
  return { figure, ...extra };
}

/** Deaths of one party: its own unit, so a density that sums fatalities does not count them twice. Undefined for none. */
export function partyDeaths(text: string, unit: string, label: string, counts: string): Figure | undefined {
  const n = deathCount(text);
  return n === undefined || n === 0 ? undefined : { value: n, unit, counts, label, bound: 'exact', asWritten: String(n) };
}
