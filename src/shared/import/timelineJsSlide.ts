// One TimelineJS slide (or era) made into an event, the same way for JSON and CSV: its dates, text,
// type, media and citation each read by a small function of their own, every problem named by the
// slide's line (CSV) or field path (JSON). What becomes of each part: see timelineJs.ts.
import { daysInMonth, MAX_YEAR, MIN_YEAR, monthName, parseDateValue, type DatePrecision } from '../dataset/dates';
import type { EventType } from '../dataset/eventTypes';
import type { Problem } from '../dataset/problems';
import { LIMITS, type Media } from '../dataset/schema';
import { ERA_TAG, GROUP_TAG } from '../dataset/columns';
import { hostName, oneLine, webAddress } from './cellText';
import { baseName, firstWords, typeFromWords } from './eventWords';
import { htmlToText, type PlainText } from './htmlText';
import { clip, ImportBuilder, sortByLine, type ImportEventSink } from './importBuilder';
import { monthNumber } from './looseDate';
import type { Citation, DatePointInput } from './rowHelpers';
import { readSlideMedia } from './timelineJsMedia';
import type { ImportFormat, ImportOutcome } from './types';

type Part = 'year' | 'month' | 'day';

/** A date as a slide gives it: the raw parts, and how problems name each. */
export interface RawDate {
  readonly year: unknown;
  readonly month: unknown;
  readonly day: unknown;
  /** A time of day is present (it is dropped). */
  readonly hasTime: boolean;
  readonly display: unknown;
  /** How problems name a part (events[3].start_date.month, or the "Month" column). */
  readonly field: (part: Part) => string;
  /** How problems name the time of day. */
  readonly timeField: string;
  /** How problems name the date as a whole. */
  readonly name: string;
}

/** The fields of a slide that are not date parts, as problems name them. */
export type SlideField = 'headline' | 'text' | 'media' | 'media_credit' | 'media_caption' | 'unique_id' | 'start_date' | 'end_date' | 'display_date' | 'group' | 'type';

export interface Slide {
  /** 1-based line (CSV), or undefined (JSON). */
  readonly line: number | undefined;
  /** How problems name a field of the slide that is not a date part. */
  readonly field: (name: SlideField) => string;
  readonly era: boolean;
  readonly start: RawDate | undefined;
  /** Undefined or without any part: no end. */
  readonly end: RawDate | undefined;
  readonly displayDate: unknown;
  readonly headline: unknown;
  readonly text: unknown;
  readonly mediaUrl: unknown;
  readonly mediaCredit: unknown;
  readonly mediaCaption: unknown;
  readonly group: unknown;
  readonly uniqueId: unknown;
  /** Index for ids made up for slides without one (slide-4, era-2). */
  readonly ordinal: number;
}

export const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** "slide" or "era", for messages. */
const what = (s: Slide) => (s.era ? 'era' : 'slide');

// ---------------------------------------------------------------------------------------------
// Dates

type PartRead = { ok: true; value: number | undefined } | { ok: false; reason: string };

/** A date part, which may be a number or a string ("2017", "03", "1,815"; a month may be "March"). */
function readPart(raw: unknown, part: Part): PartRead {
  if (isBlank(raw)) return { ok: true, value: undefined };
  let n: number;
  if (typeof raw === 'number') {
    n = raw;
  } else if (typeof raw === 'string') {
    const t = raw.trim();
    const named = part === 'month' ? monthNumber(t) : undefined;
    if (named !== undefined) n = named;
    else if (/^[-+]?\d+$/.test(t)) n = Number(t);
    else if (part === 'year' && /^-?\d{1,3}(?:,\d{3})+$/.test(t)) n = Number(t.replace(/,/g, ''));
    else return { ok: false, reason: `"${clip(t, 40)}" is not a ${part === 'month' ? 'month' : 'number'}` };
  } else {
    return { ok: false, reason: `should be a number but is ${Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'an object' : typeof raw}` };
  }
  if (!Number.isInteger(n)) return { ok: false, reason: `${n} is not a whole number` };
  return { ok: true, value: n };
}

interface ReadDate {
  readonly value: string;
  readonly precision: DatePrecision;
}

type DateRead = { ok: true; date: ReadDate; droppedDay: boolean } | { ok: false; field: string; reason: string };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The parts given decide the precision: a year, a month or a day. */
function readDate(d: RawDate): DateRead {
  const year = readPart(d.year, 'year');
  if (!year.ok) return { ok: false, field: d.field('year'), reason: year.reason };
  const month = readPart(d.month, 'month');
  if (!month.ok) return { ok: false, field: d.field('month'), reason: month.reason };
  const day = readPart(d.day, 'day');
  if (!day.ok) return { ok: false, field: d.field('day'), reason: day.reason };
  const y = year.value;
  if (y === undefined) return { ok: false, field: d.field('year'), reason: `${d.name} has no year (TimelineJS needs at least a year)` };
  if (y < MIN_YEAR) return { ok: false, field: d.field('year'), reason: `the year ${y} is before the year 1 (Frontline cannot show dates before the Common Era)` };
  if (y > MAX_YEAR) return { ok: false, field: d.field('year'), reason: `the year ${y} is after ${MAX_YEAR}` };
  const m = month.value;
  if (m === undefined) return { ok: true, date: { value: pad(y, 4), precision: 'year' }, droppedDay: day.value !== undefined };
  if (m < 1 || m > 12) return { ok: false, field: d.field('month'), reason: `${m} is not a month (months are 1 to 12)` };
  const dd = day.value;
  if (dd === undefined) return { ok: true, date: { value: `${pad(y, 4)}-${pad(m, 2)}`, precision: 'month' }, droppedDay: false };
  const days = daysInMonth(y, m);
  if (dd < 1 || dd > days) return { ok: false, field: d.field('day'), reason: `${dd} is not a day of ${monthName(m)} ${y}, which has ${days} days` };
  return { ok: true, date: { value: `${pad(y, 4)}-${pad(m, 2)}-${pad(dd, 2)}`, precision: 'day' }, droppedDay: false };
}

const hasAnyPart = (d: RawDate | undefined): d is RawDate => d !== undefined && !(isBlank(d.year) && isBlank(d.month) && isBlank(d.day));

/** The date point of a read date, with the slide's own wording when it says more than the value. */
function datePoint(b: ImportBuilder, r: ReadDate, display: unknown, line: number | undefined, field: string): DatePointInput {
  const words = oneLine(textOf(display).text);
  return { value: r.value, precision: r.precision, ...(words !== '' && words !== r.value ? { asWritten: b.short(words, line, field) } : {}) };
}

/** Start and end of a slide; undefined (the slide skipped, with a problem) when they cannot be used. */
function slideDates(s: Slide, b: ImportBuilder): { start: DatePointInput; end?: DatePointInput } | undefined {
  const skip = (field: string, message: string) => {
    b.skip(s.line, field, message);
    return undefined;
  };
  if (!s.start) return skip(s.field('start_date'), `the ${what(s)} has no start date (TimelineJS needs at least a year)`);
  const start = readDate(s.start);
  if (!start.ok) return skip(start.field, `${start.reason}; the ${what(s)} was left out`);
  const end = hasAnyPart(s.end) ? readDate(s.end) : undefined;
  if (end && !end.ok) return skip(end.field, `${end.reason}; the ${what(s)} was left out`);
  if (end?.ok && s.end) {
    const sw = parseDateValue(start.date.value, start.date.precision);
    const ew = parseDateValue(end.date.value, end.date.precision);
    if (sw.ok && ew.ok && ew.window.end <= sw.window.start) {
      return skip(s.end.field('year'), `it ends (${end.date.value}) before it starts (${start.date.value}); the ${what(s)} was left out`);
    }
  }
  for (const [d, r] of [[s.start, start], [s.end, end]] as const) {
    if (d && r?.ok && r.droppedDay) b.warn(s.line, d.field('day'), `a day is given without a month; only the year ${r.date.value} is kept`);
  }
  return {
    start: datePoint(b, start.date, isBlank(s.start.display) ? s.displayDate : s.start.display, s.line, s.field('display_date')),
    ...(end?.ok && s.end ? { end: datePoint(b, end.date, s.end.display, s.line, s.end.field('year')) } : {})
  };
}

// ---------------------------------------------------------------------------------------------
// Text, type, media, citation

/** Plain text of a slide's value that should be text (HTML allowed); '' for anything else. */
export function textOf(raw: unknown): PlainText {
  if (typeof raw === 'number') return { text: String(raw) };
  if (typeof raw !== 'string' || raw.trim() === '') return { text: '' };
  return htmlToText(raw);
}

/** What a slide's media field gave: media to keep, a quote, and the credit and caption as text. */
interface SlideMedia {
  readonly media: Media | undefined;
  readonly quote: string | undefined;
  readonly credit: string;
  readonly caption: string;
}

/** The media of a slide: an address becomes media on the event, words or a <blockquote> the quote. */
function slideMedia(s: Slide, b: ImportBuilder): SlideMedia {
  const credit = oneLine(textOf(s.mediaCredit).text);
  const caption = oneLine(textOf(s.mediaCaption).text);
  const read = readSlideMedia(s.mediaUrl);
  if (read.kind === 'address') {
    const media: Media = {
      url: read.url,
      kind: read.mediaKind,
      ...(caption !== '' ? { caption: b.short(caption, s.line, s.field('media_caption')) } : {}),
      ...(credit !== '' ? { credit: b.short(credit, s.line, s.field('media_credit')) } : {})
    };
    return { media, quote: undefined, credit, caption };
  }
  if (read.kind === 'quote') {
    let quote = read.text;
    if (quote.length > LIMITS.quote) {
      b.warn(s.line, s.field('media'), `the quote is ${quote.length} characters long; cut to ${LIMITS.quote}`);
      quote = clip(quote, LIMITS.quote);
    }
    return { media: undefined, quote, credit, caption };
  }
  if (read.kind === 'unusable') b.warn(s.line, s.field('media'), `the media "${clip(read.raw, 80)}" ${read.why}; it was left out`);
  return { media: undefined, quote: undefined, credit, caption };
}

/** The headline, else the first words of the text, of the quote, of the caption; else "Untitled slide (date)". */
function slideTitle(s: Slide, b: ImportBuilder, headline: PlainText, body: PlainText, m: SlideMedia, startValue: string): string {
  const title = oneLine(headline.text) || [body.text, m.quote ?? '', m.caption].map((t) => (t !== '' ? firstWords(t) : '')).find((t) => t !== '') || '';
  if (title !== '') return title;
  const untitled = `Untitled ${what(s)} (${startValue})`;
  b.warn(s.line, s.field('headline'), `the ${what(s)} has no headline or text; it is called "${untitled}"`);
  return untitled;
}

/**
 * TimelineJS has no types. An era is background context, drawn as a background period (tag
 * "era"); a slide is "other" unless its group's words name a type ("Offensives" → offensive).
 */
function slideKind(s: Slide): { type: EventType; tags: string[] } {
  const group = oneLine(textOf(s.group).text);
  const tags: string[] = [];
  if (s.era) tags.push(ERA_TAG);
  if (group !== '') tags.push(GROUP_TAG + clip(group, LIMITS.shortText - GROUP_TAG.length));
  const type: EventType = s.era ? 'context' : ((group !== '' ? typeFromWords(group) : undefined) ?? 'other');
  return { type, tags };
}

/** What the citation's note says: who said the quote (its credit), or the credit of media that could not be kept. */
function citationNote(m: SlideMedia): string | undefined {
  if (m.quote !== undefined) {
    const who = m.credit !== '' ? `Said by ${m.credit}` : '';
    return [who, m.caption].filter((t) => t !== '').join(' — ') || undefined;
  }
  if (!m.media && m.credit !== '') return `Media credit: ${m.credit}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The reader

/** Reads slides into a builder, the same way for JSON and CSV. */
export class SlideReader {
  readonly builder: ImportBuilder;
  #fileSource: string | undefined;
  #timeDropped: { count: number; line: number | undefined; field: string } | undefined;

  constructor(
    readonly file: string,
    format: ImportFormat,
    readonly timelineTitle: () => string,
    sink: ImportEventSink | undefined
  ) {
    this.builder = new ImportBuilder(file, format, sink);
  }

  add(s: Slide): void {
    const b = this.builder;
    const dates = slideDates(s, b);
    if (!dates) return;
    this.#noteTimes(s);
    const headline = textOf(s.headline);
    const body = textOf(s.text);
    const m = slideMedia(s, b);
    const title = slideTitle(s, b, headline, body, m, dates.start.value);
    const { type, tags } = slideKind(s);
    b.addEvent(
      {
        id: this.#eventId(s),
        type,
        title: b.short(title, s.line, s.field('headline')),
        ...(body.text !== '' ? { summary: b.long(body.text, s.line, s.field('text')) } : {}),
        start: dates.start,
        ...(dates.end ? { end: dates.end } : {}),
        citations: [this.#citation(headline, body, m)],
        tags,
        ...(m.media ? { media: [m.media] } : {})
      },
      s.line
    );
  }

  /**
   * The source is the first link of the text (or headline) when it is http(s), else one source
   * standing for the file. Media are never the source: they are what the slide shows.
   */
  #citation(headline: PlainText, body: PlainText, m: SlideMedia): Citation {
    const link = body.link ?? headline.link;
    const url = link ? webAddress(link.href) : null;
    const source = link && url ? this.builder.source({ kind: 'other', publisher: hostName(url), title: link.text || url, url }, url) : this.#fileSourceId();
    const note = citationNote(m);
    return { source, ...(m.quote !== undefined ? { quote: m.quote } : {}), ...(note !== undefined ? { note: clip(note, LIMITS.quote) } : {}) };
  }

  #fileSourceId(): string {
    this.#fileSource ??= this.builder.source(
      {
        kind: 'other',
        publisher: 'TimelineJS timeline',
        title: clip(this.timelineTitle(), LIMITS.shortText),
        note: `The timeline file ${this.file} itself: slides that link to no source of their own cite it.`
      },
      '\u0000file'
    );
    return this.#fileSource;
  }

  /** Times of day are dropped: counted here, said once (flush). */
  #noteTimes(s: Slide): void {
    for (const d of [s.start, s.end]) {
      if (!d?.hasTime || !hasAnyPart(d)) continue;
      if (this.#timeDropped) this.#timeDropped.count++;
      else this.#timeDropped = { count: 1, line: s.line, field: d.timeField };
    }
  }

  /**
   * An event id: the slide's own `unique_id` when usable, else slide-N / era-N. The builder's
   * warnings name a line; for JSON they are moved to the slide's field.
   */
  #eventId(s: Slide): string {
    const b = this.builder;
    const own = typeof s.uniqueId === 'string' || typeof s.uniqueId === 'number' ? String(s.uniqueId).trim() : '';
    const before = b.problems.length;
    const made = own === '';
    const id = b.eventId(made ? `${what(s)}-${s.ordinal}` : own, s.line ?? s.ordinal);
    if (made) {
      b.problems.splice(before); // a made-up id that had to change is nobody's concern
    } else if (s.line === undefined) {
      for (let k = before; k < b.problems.length; k++) {
        const { line: _line, ...rest } = b.problems[k]!;
        b.problems[k] = { ...rest, field: s.field('unique_id'), message: rest.message.replace('an earlier row', 'an earlier slide') } as Problem;
      }
    }
    return id;
  }

  /** Warnings that would repeat on every slide, said once. */
  flush(): void {
    const t = this.#timeDropped;
    if (t) {
      this.builder.warn(t.line, t.field, `the time of day was dropped from ${t.count} date${t.count === 1 ? '' : 's'} (this is the first); Frontline keeps the date as written`);
    }
  }

  /** The title slide's headline and text as dataset metadata. */
  titleMetadata(headline: unknown, text: unknown, line: number | undefined, field: string): { title?: string; description?: string } {
    const title = oneLine(textOf(headline).text);
    const description = textOf(text).text;
    return {
      ...(title !== '' ? { title: clip(title, LIMITS.shortText) } : {}),
      ...(description !== '' ? { description: this.builder.long(description, line, field) } : {})
    };
  }

  /** The outcome, once every slide is read: `total` slides (or rows) of the file, called `whats` in messages. */
  finish(meta: { title?: string; description?: string }, total: number, whats: string): ImportOutcome {
    this.flush();
    const b = this.builder;
    sortByLine(b.problems);
    if (b.eventCount === 0) {
      return {
        status: 'failed',
        problems: [...b.problems, { severity: 'error', file: this.file, message: total === 0 ? `the timeline has no ${whats}` : `none of the ${total} ${whats} could be imported` }]
      };
    }
    return { status: 'imported', result: b.finish({ title: meta.title ?? baseName(this.file), ...(meta.description ? { description: meta.description } : {}) }, total) };
  }
}
