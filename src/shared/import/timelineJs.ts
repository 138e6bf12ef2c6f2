// TimelineJS (Knight Lab) timelines, as JSON or as the Google Sheets template exported to CSV.
//
// What a slide becomes:
// - dates: `year` (required), `month`, `day` give the precision (year, month or day); parts may be
//   numbers or strings ("2017", "03", "1,815"; a month may be a name). A part that is not a valid
//   number, month or day skips the slide with a problem naming the part (events[3].start_date.month,
//   or the "Month" column and its line). Times of day are dropped (one warning per file), a day
//   without a month is dropped with a warning. `display_date` is kept as the date's wording
//   (asWritten). An end before the start skips the slide.
// - title: the headline as plain text, else the first words of the text, else the media caption.
//   summary: the text as plain text. HTML is reduced to text (htmlToText): entities decoded, tags
//   dropped, <br> and blocks as line breaks, <script>/<style> and the like dropped with content.
// - type: TimelineJS has none. A slide is "other" unless its group's words name a type
//   ("Offensives" → offensive, see typeFromWords); an era is drawn as a background span (tag
//   "era") of type "control" unless its headline's words name another type.
// - group: tag "group: <group>" (lanes by group); legacy `Tag` column = Group.
// - source: the media URL, else the first link in the text, when it is an http(s) address;
//   its publisher is the media credit (or the web site's name), its title the media caption (or
//   the link's text). Slides without one cite a single source standing for the file, with the
//   media credit (if any) as the citation's note.
// - title slide (JSON `title`, CSV Type "title"): the dataset's title and description.
// JSON files give no lines to problems (the importer sees the parsed value): problems name the
// slide's path instead, and lineOfEvent holds no lines.
import { Parser } from 'htmlparser2';
import { daysInMonth, MAX_YEAR, MIN_YEAR, monthName, parseDateValue, type DatePrecision } from '../dataset/dates';
import type { EventType } from '../dataset/eventTypes';
import type { Problem } from '../dataset/problems';
import { LIMITS } from '../dataset/schema';
import { ERA_TAG, GROUP_TAG } from '../dataset/columns';
import { safeExternalUrl } from '../text/safeUrl';
import { blankIfInvisible } from '../text/cleanText';
import { cellAt, columnOf, type CsvRow, type CsvTable } from './csvTable';
import { baseName, firstWords, typeFromWords } from './genericCsv';
import { clip, ImportBuilder, sortByLine, type ImportEventSink } from './importBuilder';
import { monthNumber } from './looseDate';
import type { ImportFormat, ImportOutcome } from './types';

// ---------------------------------------------------------------------------------------------
// HTML to plain text

/** Elements dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button']);
/** Elements that stand on their own lines. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'hr', 'address'
]);
/** Blocks followed by an empty line. */
const PARAGRAPHS = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table']);

export interface PlainText {
  readonly text: string;
  /** The first link's address and text, as written (not yet checked). */
  readonly link?: { readonly href: string; readonly text: string };
}

/**
 * Text of untrusted HTML: entities decoded, tags dropped, <br> and block elements as line breaks
 * (paragraphs separated by an empty line), scripts, styles and embedded objects dropped with their
 * content, spaces collapsed as a browser would. Text without any tag keeps its own line breaks.
 */
export function htmlToText(html: string): PlainText {
  const hasTags = /<[A-Za-z!/?]/.test(html);
  const out: string[] = [];
  let dropped = 0;
  let link: { href: string; text: string } | undefined;
  let inLink = false;
  const pending: { href: string; parts: string[] } = { href: '', parts: [] };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (DROPPED.has(name)) {
          dropped++;
          return;
        }
        if (dropped > 0) return;
        if (name === 'br') out.push('\n');
        else if (name === 'li') out.push('\n• ');
        else if (BLOCKS.has(name)) out.push(PARAGRAPHS.has(name) ? '\n\n' : '\n');
        else if (name === 'td' || name === 'th') out.push(' ');
        if (name === 'a' && link === undefined && typeof attribs.href === 'string' && attribs.href.trim() !== '') {
          inLink = true;
          pending.href = attribs.href.trim();
          pending.parts = [];
        }
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (BLOCKS.has(name) && name !== 'li' && name !== 'hr') out.push(PARAGRAPHS.has(name) ? '\n\n' : '\n');
        if (name === 'a' && inLink) {
          inLink = false;
          link = { href: pending.href, text: pending.parts.join('').replace(/\s+/g, ' ').trim() };
        }
      },
      ontext(data) {
        if (dropped > 0) return;
        const text = hasTags ? data.replace(/[ \t\n\r\f]+/g, ' ') : data.replace(/\r\n?/g, '\n');
        out.push(text);
        if (inLink) pending.parts.push(text);
      }
    },
    { decodeEntities: true }
  );
  parser.write(html);
  parser.end();
  if (inLink) link = { href: pending.href, text: pending.parts.join('').replace(/\s+/g, ' ').trim() };
  const text = out
    .join('')
    .replace(/[\u00A0\u202F]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\f]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Text of nothing but invisible characters is no text (a headline of them is no headline).
  if (blankIfInvisible(text) === '') return { text: '' };
  return link ? { text, link } : { text };
}

// ---------------------------------------------------------------------------------------------
// Slides, as either file holds them

type Part = 'year' | 'month' | 'day';

/** A date as a slide gives it: the raw parts, and how problems name each. */
interface RawDate {
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

interface Slide {
  /** 1-based line (CSV), or undefined (JSON). */
  readonly line: number | undefined;
  /** How problems name a field of the slide that is not a date part. */
  readonly field: (name: 'headline' | 'text' | 'media' | 'unique_id' | 'start_date' | 'end_date' | 'display_date' | 'group' | 'type') => string;
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

type PartRead = { ok: true; value: number | undefined } | { ok: false; reason: string };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

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

/** Plain text of a slide's value that should be text (HTML allowed); '' for anything else. */
function textOf(raw: unknown): PlainText {
  if (typeof raw === 'number') return { text: String(raw) };
  if (typeof raw !== 'string' || raw.trim() === '') return { text: '' };
  return htmlToText(raw);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Reads slides into a builder, the same way for JSON and CSV. */
class SlideReader {
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

  /**
   * An event id: the slide's own `unique_id` when usable, else slide-N / era-N. The builder's
   * warnings name a line; for JSON they are moved to the slide's field.
   */
  #eventId(s: Slide): string {
    const b = this.builder;
    const own = typeof s.uniqueId === 'string' || typeof s.uniqueId === 'number' ? String(s.uniqueId).trim() : '';
    const before = b.problems.length;
    const made = own === '';
    const id = b.eventId(made ? `${s.era ? 'era' : 'slide'}-${s.ordinal}` : own, s.line ?? s.ordinal);
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

  add(s: Slide): void {
    const b = this.builder;
    const skip = (field: string, message: string) => b.skip(s.line, field, message);
    if (!s.start) {
      skip(s.field('start_date'), `the ${s.era ? 'era' : 'slide'} has no start date (TimelineJS needs at least a year)`);
      return;
    }
    const start = readDate(s.start);
    if (!start.ok) {
      skip(start.field, `${start.reason}; the ${s.era ? 'era' : 'slide'} was left out`);
      return;
    }
    let end: DateRead | undefined;
    const hasEnd = s.end && !(isBlank(s.end.year) && isBlank(s.end.month) && isBlank(s.end.day));
    if (s.end && hasEnd) {
      end = readDate(s.end);
      if (!end.ok) {
        skip(end.field, `${end.reason}; the ${s.era ? 'era' : 'slide'} was left out`);
        return;
      }
      const sw = parseDateValue(start.date.value, start.date.precision);
      const ew = parseDateValue(end.date.value, end.date.precision);
      if (sw.ok && ew.ok && ew.window.end <= sw.window.start) {
        skip(s.end.field('year'), `it ends (${end.date.value}) before it starts (${start.date.value}); the ${s.era ? 'era' : 'slide'} was left out`);
        return;
      }
    }
    for (const [d, r] of [[s.start, start], [s.end, end]] as const) {
      if (!d || !r?.ok) continue;
      if (r.droppedDay) b.warn(s.line, d.field('day'), `a day is given without a month; only the year ${r.date.value} is kept`);
      if (d.hasTime) {
        if (this.#timeDropped) this.#timeDropped.count++;
        else this.#timeDropped = { count: 1, line: s.line, field: d.timeField };
      }
    }
    const point = (r: ReadDate, display: unknown, field: string) => {
      const words = oneLine(textOf(display).text);
      return { value: r.value, precision: r.precision, ...(words !== '' && words !== r.value ? { asWritten: b.short(words, s.line, field) } : {}) };
    };
    const startPoint = point(start.date, isBlank(s.start.display) ? s.displayDate : s.start.display, s.field('display_date'));
    const endPoint = end?.ok && s.end ? point(end.date, s.end.display, s.end.field('year')) : undefined;

    // Text.
    const headline = textOf(s.headline);
    const body = textOf(s.text);
    const caption = oneLine(textOf(s.mediaCaption).text);
    let title = oneLine(headline.text);
    if (title === '') title = body.text !== '' ? firstWords(body.text) : caption !== '' ? firstWords(caption) : '';
    if (title === '') {
      title = `Untitled ${s.era ? 'era' : 'slide'} (${start.date.value})`;
      b.warn(s.line, s.field('headline'), `the ${s.era ? 'era' : 'slide'} has no headline or text; it is called "${title}"`);
    }

    // Group and type.
    const group = oneLine(textOf(s.group).text);
    const tags: string[] = [];
    if (s.era) tags.push(ERA_TAG);
    if (group !== '') tags.push(GROUP_TAG + clip(group, LIMITS.shortText - GROUP_TAG.length));
    const type: EventType = s.era ? (typeFromWords(title) ?? 'control') : ((group !== '' ? typeFromWords(group) : undefined) ?? 'other');

    // Source.
    const mediaRaw = typeof s.mediaUrl === 'string' ? s.mediaUrl.trim() : '';
    const mediaUrl = mediaRaw === '' ? null : safeExternalUrl(mediaRaw);
    const credit = oneLine(textOf(s.mediaCredit).text);
    const link = body.link ?? headline.link;
    const linkUrl = link ? safeExternalUrl(link.href) : null;
    let sourceId: string;
    let note: string | undefined;
    if (mediaUrl) {
      sourceId = b.source({ kind: 'other', publisher: credit || hostName(mediaUrl), title: caption || mediaUrl, url: mediaUrl }, mediaUrl);
    } else if (linkUrl) {
      sourceId = b.source({ kind: 'other', publisher: hostName(linkUrl), title: link?.text || linkUrl, url: linkUrl }, linkUrl);
      if (credit !== '') note = `Media credit: ${credit}`;
    } else {
      sourceId = this.#fileSourceId();
      if (credit !== '') note = `Media credit: ${credit}`;
    }
    if (mediaRaw !== '' && !mediaUrl && /^[a-z][a-z0-9+.-]*:|^\/\/|^www\./i.test(mediaRaw)) {
      b.warn(s.line, s.field('media'), `the media address "${clip(mediaRaw, 80)}" is not an http(s) web address, so it is not kept as the source`);
    }

    const id = this.#eventId(s);
    b.addEvent(
      {
        id,
        type,
        title: b.short(title, s.line, s.field('headline')),
        ...(body.text !== '' ? { summary: b.long(body.text, s.line, s.field('text')) } : {}),
        start: startPoint,
        ...(endPoint ? { end: endPoint } : {}),
        citations: [{ source: sourceId, ...(note ? { note: clip(note, LIMITS.quote) } : {}) }],
        tags
      },
      s.line
    );
  }

  /** Warnings that would repeat on every slide, said once. */
  flush(): void {
    const t = this.#timeDropped;
    if (t) {
      this.builder.warn(
        t.line,
        t.field,
        `the time of day was dropped from ${t.count} date${t.count === 1 ? '' : 's'} (this is the first); Frontline keeps the date as written`
      );
    }
  }
}

/** The title slide's headline and text as dataset metadata. */
function titleMetadata(reader: SlideReader, headline: unknown, text: unknown, line: number | undefined, field: string): { title?: string; description?: string } {
  const title = oneLine(textOf(headline).text);
  const description = textOf(text).text;
  return {
    ...(title !== '' ? { title: clip(title, LIMITS.shortText) } : {}),
    ...(description !== '' ? { description: reader.builder.long(description, line, field) } : {})
  };
}

function finish(reader: SlideReader, meta: { title?: string; description?: string }, total: number, what: string): ImportOutcome {
  reader.flush();
  const b = reader.builder;
  sortByLine(b.problems);
  if (b.eventCount === 0) {
    return {
      status: 'failed',
      problems: [...b.problems, { severity: 'error', file: reader.file, message: total === 0 ? `the timeline has no ${what}` : `none of the ${total} ${what} could be imported` }]
    };
  }
  return { status: 'imported', result: b.finish({ title: meta.title ?? baseName(reader.file), ...(meta.description ? { description: meta.description } : {}) }, total) };
}

// ---------------------------------------------------------------------------------------------
// JSON

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonDate(value: unknown, path: string): RawDate | undefined {
  if (!isObject(value)) return undefined;
  return {
    year: value.year,
    month: value.month,
    day: value.day,
    hasTime: !isBlank(value.hour) || !isBlank(value.minute) || !isBlank(value.second) || !isBlank(value.millisecond),
    display: value.display_date,
    field: (part) => `${path}.${part}`,
    timeField: `${path}.hour`,
    name: path.endsWith('end_date') ? 'the end date' : 'the start date'
  };
}

function jsonSlide(value: Record<string, unknown>, path: string, era: boolean, ordinal: number): Slide {
  const text = isObject(value.text) ? value.text : {};
  const media = isObject(value.media) ? value.media : {};
  return {
    line: undefined,
    field: (name) => (name === 'headline' || name === 'text' ? `${path}.text.${name}` : name === 'media' ? `${path}.media.url` : `${path}.${name}`),
    era,
    start: jsonDate(value.start_date, `${path}.start_date`),
    end: jsonDate(value.end_date, `${path}.end_date`),
    displayDate: value.display_date,
    headline: text.headline,
    text: text.text,
    mediaUrl: media.url,
    mediaCredit: media.credit,
    mediaCaption: media.caption,
    group: value.group,
    uniqueId: value.unique_id,
    ordinal
  };
}

/** A TimelineJS JSON file, parsed: `{title?, events, eras?}` (also wrapped as `{"timeline": {...}}`). */
export function importTimelineJsJson(value: unknown, file: string, sink?: ImportEventSink): ImportOutcome {
  const fail = (message: string, field?: string): ImportOutcome => ({ status: 'failed', problems: [{ severity: 'error', file, ...(field ? { field } : {}), message }] });
  if (!isObject(value)) return fail(`is not a TimelineJS timeline: it holds ${describe(value)}, not an object with an "events" list`);
  const root = !('events' in value) && isObject(value.timeline) ? value.timeline : value;
  const events = root.events;
  if (events === undefined) return fail('is not a TimelineJS timeline: it has no "events" list');
  if (!Array.isArray(events)) return fail(`"events" should be a list of slides but is ${describe(events)}`, 'events');
  let title: { title?: string; description?: string } = {};
  const reader = new SlideReader(file, 'timelinejs-json', () => title.title ?? baseName(file), sink);
  if (isObject(root.title)) {
    const t = isObject(root.title.text) ? root.title.text : {};
    title = titleMetadata(reader, t.headline, t.text, undefined, 'title.text.text');
  } else if (root.title !== undefined) {
    reader.builder.warn(undefined, 'title', `the title slide should be an object but is ${describe(root.title)}; it was ignored`);
  }
  const eras = Array.isArray(root.eras) ? root.eras : [];
  if (root.eras !== undefined && !Array.isArray(root.eras)) reader.builder.warn(undefined, 'eras', `"eras" should be a list but is ${describe(root.eras)}; it was ignored`);
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    if (!isObject(e)) reader.builder.skip(undefined, path, `should be a slide (an object) but is ${describe(e)}`);
    else reader.add(jsonSlide(e, path, false, i + 1));
  });
  eras.forEach((e, i) => {
    const path = `eras[${i}]`;
    if (!isObject(e)) reader.builder.skip(undefined, path, `should be an era (an object) but is ${describe(e)}`);
    else reader.add(jsonSlide(e, path, true, i + 1));
  });
  return finish(reader, title, events.length + eras.length, 'slides');
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet CSV

/** Columns of the template (as header keys); `tag` is the old name of `group`. */
const TEMPLATE_KEYS = [
  'year', 'month', 'day', 'time', 'end_year', 'end_month', 'end_day', 'end_time', 'display_date', 'headline', 'text',
  'media', 'media_credit', 'media_caption', 'media_thumbnail', 'type', 'group', 'background', 'alt_text', 'tag'
];

/**
 * Is this (as header keys) the header of the TimelineJS spreadsheet template? It needs Year and
 * Headline and at least four more of the template's columns.
 */
export function isTimelineJsHeader(keys: readonly string[]): boolean {
  if (!keys.includes('year') || !keys.includes('headline')) return false;
  const others = TEMPLATE_KEYS.filter((k) => k !== 'year' && k !== 'headline' && keys.includes(k));
  return others.length >= 4;
}

/** A TimelineJS spreadsheet exported as CSV (the Google Sheets template). `sink`: see ImportBuilder. */
export function importTimelineJsCsv(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const col = (...names: string[]) => columnOf(table, ...names);
  const c = {
    year: col('year'),
    month: col('month'),
    day: col('day'),
    time: col('time'),
    endYear: col('end_year'),
    endMonth: col('end_month'),
    endDay: col('end_day'),
    endTime: col('end_time'),
    display: col('display_date'),
    headline: col('headline'),
    text: col('text'),
    media: col('media'),
    credit: col('media_credit'),
    caption: col('media_caption'),
    type: col('type'),
    group: col('group', 'tag')
  };
  const name = (i: number, fallback: string) => (i >= 0 ? table.headers[i] || fallback : fallback);
  let meta: { title?: string; description?: string } = {};
  const reader = new SlideReader(table.file, 'timelinejs-csv', () => meta.title ?? baseName(table.file), sink);
  const b = reader.builder;
  for (const p of table.problems) {
    if (p.severity === 'error') b.skip(p.line, p.field, p.message);
    else b.warn(p.line, p.field, p.message);
  }
  const date = (row: CsvRow, y: number, m: number, d: number, t: number, label: string): RawDate => ({
    year: cellAt(row, y),
    month: cellAt(row, m),
    day: cellAt(row, d),
    hasTime: cellAt(row, t) !== '',
    display: undefined,
    field: (part) => (part === 'year' ? name(y, `${label}Year`) : part === 'month' ? name(m, `${label}Month`) : name(d, `${label}Day`)),
    timeField: name(t, `${label}Time`),
    name: label === '' ? 'the start date' : 'the end date'
  });
  let titleRows = 0;
  let eras = 0;
  let slides = 0;
  for (const row of table.rows) {
    const kind = cellAt(row, c.type).toLowerCase();
    if (kind === 'title') {
      titleRows++;
      if (titleRows === 1) meta = titleMetadata(reader, cellAt(row, c.headline), cellAt(row, c.text), row.line, name(c.text, 'Text'));
      else b.warn(row.line, name(c.type, 'Type'), 'a second title row; only the first one is used (as the timeline\'s title), this one was ignored');
      continue;
    }
    const era = kind === 'era';
    if (kind !== '' && !era) {
      b.warn(row.line, name(c.type, 'Type'), `"${clip(cellAt(row, c.type), 40)}" is not a TimelineJS type (title, era or blank); the row is read as a slide`);
    }
    const line = row.line;
    reader.add({
      line,
      field: (f) =>
        ({
          headline: name(c.headline, 'Headline'),
          text: name(c.text, 'Text'),
          media: name(c.media, 'Media'),
          unique_id: 'id',
          start_date: name(c.year, 'Year'),
          end_date: name(c.endYear, 'End Year'),
          display_date: name(c.display, 'Display Date'),
          group: name(c.group, 'Group'),
          type: name(c.type, 'Type')
        })[f],
      era,
      start: cellAt(row, c.year) === '' && cellAt(row, c.month) === '' && cellAt(row, c.day) === '' ? undefined : date(row, c.year, c.month, c.day, c.time, ''),
      end: date(row, c.endYear, c.endMonth, c.endDay, c.endTime, 'End '),
      displayDate: cellAt(row, c.display),
      headline: cellAt(row, c.headline),
      text: cellAt(row, c.text),
      mediaUrl: cellAt(row, c.media),
      mediaCredit: cellAt(row, c.credit),
      mediaCaption: cellAt(row, c.caption),
      group: cellAt(row, c.group),
      uniqueId: undefined,
      ordinal: era ? ++eras : ++slides
    });
  }
  const total = table.rows.length - titleRows + table.problems.filter((p) => p.severity === 'error').length;
  return finish(reader, meta, total, 'rows');
}
