// TimelineJS (Knight Lab) timelines, as JSON or as the Google Sheets template exported to CSV.
// Each slide is read by timelineJsSlide.ts; this file finds the slides in either file.
//
// What a slide becomes:
// - dates: `year` (required), `month`, `day` give the precision (year, month or day); parts may be
//   numbers or strings ("2017", "03", "1,815"; a month may be a name). A part that is not a valid
//   number, month or day skips the slide with a problem naming the part (events[3].start_date.month,
//   or the "Month" column and its line). Times of day are dropped (one warning per file), a day
//   without a month is dropped with a warning. `display_date` is kept as the date's wording
//   (asWritten). An end before the start skips the slide.
// - title: the headline as plain text, else the first words of the text, of a quote (see media),
//   of the media caption. summary: the text as plain text. HTML is reduced to text (htmlToText):
//   entities decoded, tags dropped, <br> and blocks as line breaks, <script>/<style> and the like
//   dropped with their content.
// - type: TimelineJS has none. A slide is "other" unless its group's words name a type
//   ("Offensives" → offensive, see typeFromWords). An era is background: type "context", drawn as
//   a background period (tag "era").
// - group: tag "group: <group>" (lanes by group); legacy `Tag` column = Group.
// - media: an http(s) address (a protocol-relative //host/path is read as https) is kept as the
//   event's media, with what it shows (image, video, audio, map, document, other: see
//   timelineJsMedia.ts), its caption and credit. Media are shown as text and never cited as a
//   source. A <blockquote> or words (what TimelineJS shows as a quote) become the citation's quote,
//   with the credit as who said it. Any other address is left out with a warning.
// - source: the first link in the text (or headline) when it is an http(s) address (//host read as
//   https); its publisher is the web site's name, its title the link's text. Slides without one
//   cite a single source standing for the file, with the credit of media that could not be kept
//   as the citation's note.
// - title slide (JSON `title`, CSV Type "title"): the dataset's title and description.
// JSON files give no lines to problems (the importer sees the parsed value): problems name the
// slide's path instead, and lineOfEvent holds no lines.
import { cellAt, columnOf, type CsvRow, type CsvTable } from './csvTable';
import { baseName } from './eventWords';
import { clip, type ImportEventSink } from './importBuilder';
import { passOnTableProblems } from './rowHelpers';
import { SlideReader, isBlank, type RawDate, type Slide, type SlideField } from './timelineJsSlide';
import type { ImportOutcome } from './types';

export { htmlToText, type PlainText } from './htmlText';

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

/** Where a slide's field is in the JSON (events[3].text.headline, events[3].media.credit). */
function jsonField(path: string, name: SlideField): string {
  switch (name) {
    case 'headline':
    case 'text':
      return `${path}.text.${name}`;
    case 'media':
      return `${path}.media.url`;
    case 'media_credit':
      return `${path}.media.credit`;
    case 'media_caption':
      return `${path}.media.caption`;
    default:
      return `${path}.${name}`;
  }
}

function jsonSlide(value: Record<string, unknown>, path: string, era: boolean, ordinal: number): Slide {
  const text = isObject(value.text) ? value.text : {};
  const media = isObject(value.media) ? value.media : {};
  return {
    line: undefined,
    field: (name) => jsonField(path, name),
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

/** Read a list of slides (or eras), skipping items that are not objects. */
function readJsonSlides(reader: SlideReader, list: readonly unknown[], name: 'events' | 'eras'): void {
  const era = name === 'eras';
  list.forEach((e, i) => {
    const path = `${name}[${i}]`;
    if (!isObject(e)) reader.builder.skip(undefined, path, `should be ${era ? 'an era' : 'a slide'} (an object) but is ${describe(e)}`);
    else reader.add(jsonSlide(e, path, era, i + 1));
  });
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
    title = reader.titleMetadata(t.headline, t.text, undefined, 'title.text.text');
  } else if (root.title !== undefined) {
    reader.builder.warn(undefined, 'title', `the title slide should be an object but is ${describe(root.title)}; it was ignored`);
  }
  const eras = Array.isArray(root.eras) ? root.eras : [];
  if (root.eras !== undefined && !Array.isArray(root.eras)) reader.builder.warn(undefined, 'eras', `"eras" should be a list but is ${describe(root.eras)}; it was ignored`);
  readJsonSlides(reader, events, 'events');
  readJsonSlides(reader, eras, 'eras');
  return reader.finish(title, events.length + eras.length, 'slides');
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

/** The template's columns in a table (-1: not there), and how problems name each. */
class TemplateColumns {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly time: number;
  readonly endYear: number;
  readonly endMonth: number;
  readonly endDay: number;
  readonly endTime: number;
  readonly display: number;
  readonly headline: number;
  readonly text: number;
  readonly media: number;
  readonly credit: number;
  readonly caption: number;
  readonly type: number;
  readonly group: number;

  constructor(readonly table: CsvTable) {
    const col = (name: string, legacy?: string) => (legacy === undefined ? columnOf(table, name) : columnOf(table, name, legacy));
    this.year = col('year');
    this.month = col('month');
    this.day = col('day');
    this.time = col('time');
    this.endYear = col('end_year');
    this.endMonth = col('end_month');
    this.endDay = col('end_day');
    this.endTime = col('end_time');
    this.display = col('display_date');
    this.headline = col('headline');
    this.text = col('text');
    this.media = col('media');
    this.credit = col('media_credit');
    this.caption = col('media_caption');
    this.type = col('type');
    this.group = col('group', 'tag');
  }

  /** A column's header as written, or the template's name for it when the file lacks it. */
  name(i: number, fallback: string): string {
    return i >= 0 ? this.table.headers[i] || fallback : fallback;
  }

  /** How problems name a slide field. */
  field(f: SlideField): string {
    switch (f) {
      case 'headline':
        return this.name(this.headline, 'Headline');
      case 'text':
        return this.name(this.text, 'Text');
      case 'media':
        return this.name(this.media, 'Media');
      case 'media_credit':
        return this.name(this.credit, 'Media Credit');
      case 'media_caption':
        return this.name(this.caption, 'Media Caption');
      case 'unique_id':
        return 'id';
      case 'start_date':
        return this.name(this.year, 'Year');
      case 'end_date':
        return this.name(this.endYear, 'End Year');
      case 'display_date':
        return this.name(this.display, 'Display Date');
      case 'group':
        return this.name(this.group, 'Group');
      case 'type':
        return this.name(this.type, 'Type');
    }
  }

  /** The start (label '') or end ('End ') date of a row. */
  date(row: CsvRow, end: boolean): RawDate {
    const [y, m, d, t] = end ? [this.endYear, this.endMonth, this.endDay, this.endTime] : [this.year, this.month, this.day, this.time];
    const label = end ? 'End ' : '';
    return {
      year: cellAt(row, y),
      month: cellAt(row, m),
      day: cellAt(row, d),
      hasTime: cellAt(row, t) !== '',
      display: undefined,
      field: (part) => (part === 'year' ? this.name(y, `${label}Year`) : part === 'month' ? this.name(m, `${label}Month`) : this.name(d, `${label}Day`)),
      timeField: this.name(t, `${label}Time`),
      name: end ? 'the end date' : 'the start date'
    };
  }

  /** A row of the sheet as a slide (or an era). */
  slide(row: CsvRow, era: boolean, ordinal: number): Slide {
    const at = (i: number) => cellAt(row, i);
    const noStart = at(this.year) === '' && at(this.month) === '' && at(this.day) === '';
    return {
      line: row.line,
      field: (f) => this.field(f),
      era,
      start: noStart ? undefined : this.date(row, false),
      end: this.date(row, true),
      displayDate: at(this.display),
      headline: at(this.headline),
      text: at(this.text),
      mediaUrl: at(this.media),
      mediaCredit: at(this.credit),
      mediaCaption: at(this.caption),
      group: at(this.group),
      uniqueId: undefined,
      ordinal
    };
  }
}

/** A TimelineJS spreadsheet exported as CSV (the Google Sheets template). `sink`: see ImportBuilder. */
export function importTimelineJsCsv(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const c = new TemplateColumns(table);
  let meta: { title?: string; description?: string } = {};
  const reader = new SlideReader(table.file, 'timelinejs-csv', () => meta.title ?? baseName(table.file), sink);
  const b = reader.builder;
  const leftOut = passOnTableProblems(b, table.problems);
  let titleRows = 0;
  const count = { era: 0, slide: 0 };
  for (const row of table.rows) {
    const kind = cellAt(row, c.type).toLowerCase();
    if (kind === 'title') {
      titleRows++;
      if (titleRows === 1) meta = reader.titleMetadata(cellAt(row, c.headline), cellAt(row, c.text), row.line, c.field('text'));
      else b.warn(row.line, c.field('type'), 'a second title row; only the first one is used (as the timeline\'s title), this one was ignored');
      continue;
    }
    const era = kind === 'era';
    if (kind !== '' && !era) b.warn(row.line, c.field('type'), `"${clip(cellAt(row, c.type), 40)}" is not a TimelineJS type (title, era or blank); the row is read as a slide`);
    reader.add(c.slide(row, era, era ? ++count.era : ++count.slide));
  }
  return reader.finish(meta, table.rows.length - titleRows + leftOut, 'rows');
}
