// Control at a date in words, for the map's place panel and tooltips and for exports: who holds a
// place and since when, at the precision the deciding event has ("from July 2017"), with its doubts.
import { DAY_MS, describeDays } from '../dataset/dates';
import { MONTHS_LONG } from '../time/calendar';
import type { PlaceControl } from './controlAtDate';
import type { ControlRecord, DateSpan } from './controlRecords';

/** Names to use: an actor's by its index. */
export interface ControlNames {
  actor(index: number): string;
}

function day(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A window of possible dates as a phrase that follows "from", "as of" or "until": "3 November
 * 2017", "July 2017", "2014", "the week of 23–29 October 2017", "around 31 October 2017 (give or
 * take 3 days)", "sometime between 3 August and 3 November 2017".
 */
export function describeSpan(span: DateSpan): string {
  const { start, end } = span;
  const days = Math.round((end - start) / DAY_MS);
  switch (span.precision) {
    case 'day':
      return day(start);
    case 'month': {
      const d = new Date(start);
      return `${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    case 'year':
      return String(new Date(start).getUTCFullYear());
    case 'week':
      return `the week of ${describeDays(start, end)}`;
    case 'approximate': {
      if (days <= 1) return `around ${day(start)}`;
      const margin = Math.round((days - 1) / 2);
      return `around ${day(start + margin * DAY_MS)} (give or take ${margin} day${margin === 1 ? '' : 's'})`;
    }
    case 'between': {
      const [from, to] = describeDays(start, end).split('–');
      return `sometime between ${from} and ${to}`;
    }
  }
}

/** The span after a verb: "on 3 November 2017", "in July 2017", "around …", "sometime between …". */
export function spanWithPreposition(span: DateSpan): string {
  const text = describeSpan(span);
  if (span.precision === 'day') return `on ${text}`;
  if (span.precision === 'approximate' || span.precision === 'between') return text;
  return `in ${text}`;
}

/** "Syrian Democratic Forces (SDF)", "the SDF and the Syrian army" style list of actor names. */
export function actorList(indices: readonly number[], names: ControlNames): string {
  const words = indices.map((i) => names.actor(i));
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What one event says, e.g. "Syrian army from 3 November 2017 (deir-al-zour-taken)". */
export function describeRecord(r: ControlRecord, names: ControlNames): string {
  const who = actorList(r.holders, names);
  if (r.kind === 'capture') {
    if (who !== '') return `${who} from ${describeSpan(r.when)} (${r.id})`;
    const from = r.takenFrom.length > 0 ? ` from ${actorList(r.takenFrom, names)}` : '';
    return `taken${from} ${spanWithPreposition(r.when)}; the dataset does not say by whom (${r.id})`;
  }
  const until = r.until ? `, until ${describeSpan(r.until)}` : '';
  return `${who === '' ? 'held (no holder named)' : `${who}, holding it`} as of ${describeSpan(r.when)}${until} (${r.id})`;
}

/** "disputed", "claimed by Syrian army", "an assessment by Jonathan Marcus", for one event. */
export function describeDoubt(r: ControlRecord, names: ControlNames): string {
  const by = r.claimant >= 0 ? ` by ${names.actor(r.claimant)}` : '';
  if (r.status === 'disputed') return `${r.id} is disputed${by ? ` (claimed${by})` : ''}`;
  if (r.status === 'claimed') return `${r.id} is a claim${by}, not confirmed`;
  if (r.status === 'assessment') return `${r.id} is an assessment${by}`;
  return '';
}

function describeKnown(c: PlaceControl, names: ControlNames): string {
  // An uncertain place says what may have happened instead of what follows.
  const withNext = c.uncertain.length === 0;
  switch (c.state) {
    case 'held':
      return describeRecord(c.deciding, names);
    case 'released':
      return `no longer held by ${actorList(c.holders, names) || 'its holder'} after ${describeSpan(c.deciding.until ?? c.deciding.when)} (${c.deciding.id}); no later event says who holds it`;
    case 'contested': {
      const why =
        c.reason === 'same-date'
          ? `events of the same date (${describeSpan(c.claims[0]!.when)}) disagree`
          : c.reason === 'still-held'
            ? 'an event says its holder still holds it while a later one says otherwise'
            : 'events whose dates overlap disagree, and their order is unknown';
      return `contested: ${why}: ${c.claims.map((r) => describeRecord(r, names)).join('; ')}`;
    }
    case 'none': {
      const n = c.next;
      if (withNext && n && n.kind === 'capture' && n.takenFrom.length > 0) {
        return `no event says who held it by this date; ${actorList(n.takenFrom, names)} held it until it was taken ${spanWithPreposition(n.when)} (${n.id})`;
      }
      return 'no event says who held it by this date';
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The whole answer for a place as one sentence or a few: who holds it and since when, then what
 * makes it uncertain at this date, then the doubts (claimed, disputed, assessment).
 */
export function describeControl(c: PlaceControl, names: ControlNames): string {
  let text = capitalise(describeKnown(c, names));
  if (c.uncertain.length > 0) {
    // An uncertain event already counted as known is a holding whose end's window holds the date.
    const known = new Set(c.state === 'held' ? [c.deciding, ...c.agreeing] : c.state === 'contested' ? c.claims : []);
    const what = c.uncertain.map((r) => (known.has(r) && r.until ? `that holding ends ${spanWithPreposition(r.until)} (${r.id})` : describeRecord(r, names)));
    text = `Uncertain at this date: ${text}; but ${what.join('; ')}`;
  }
  const doubts = c.doubts.map((r) => describeDoubt(r, names)).filter((d) => d !== '');
  if (doubts.length > 0) text += ` — ${doubts.join('; ')}`;
  return text;
}
