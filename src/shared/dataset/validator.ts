// The checks of a native dataset, one piece at a time: the header (format, metadata, sources,
// places, actors), then each event. The whole-object validator and the streaming loader both use
// it, so a problem reads the same whichever path found it: file, line, field, plain words.
import type { z } from 'zod';
import { cleanText, hasInvisibleControls } from '../text/cleanText';
import { IdRegistry } from './idRegistry';
import { safeExternalUrl } from '../text/safeUrl';
import { parseDateValue, type DateWindow } from './dates';
import { archiveKind } from './localCopies';
import { linkKey } from './links';
import type { Problem } from './problems';
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  datasetSchema,
  timelineEventSchema,
  type DatePoint,
  type Dataset,
  type EventLink,
  type Source,
  type TimelineEvent
} from './schema';

export type Path = readonly (string | number)[];
export type Where = { line: number; column: number } | undefined;
/** Where in the file a path (relative to the piece being checked) is; atKey points at the field's name. */
export type Locate = (path: Path, atKey: boolean) => Where;

interface Finding {
  severity: 'error' | 'warning';
  path: Path;
  message: string;
  atKey?: boolean;
}

/** Problems beyond this many are not located (locating re-reads the text). */
const MAX_LOCATED = 200;
/** Validation stops after this many errors: a file this broken needs fixing at its source. */
export const MAX_ERRORS = 1000;

export type DatasetHeaderInput = Omit<Dataset, 'events'>;
const headerSchema = datasetSchema.omit({ events: true });

// ---------------------------------------------------------------------------------------------
// Describing paths and values

function idOf(node: unknown): string | undefined {
  const id = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

/** `events[3] (id "x").start.value` — readable by someone editing the file by hand. */
export function describePath(path: Path, raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') {
      out += `[${part}]`;
      node = Array.isArray(node) ? node[part] : undefined;
      const id = idOf(node);
      if (i <= 1 && id) out += ` (id "${id}")`;
    } else {
      out += out === '' ? part : `.${part}`;
      node =
        node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
    }
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(raw: unknown, path: Path): unknown {
  let node = raw;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

function zodFinding(issue: z.core.$ZodIssue, raw: unknown): Finding {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(raw, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { severity: 'error', path, message: `is required but missing (expected ${issue.expected})` };
      // JSON.parse reads 1e400 as Infinity: say what the file wrote, not "number is not number".
      if (typeof value === 'number' && !Number.isFinite(value)) return { severity: 'error', path, message: 'is a number too large to hold (it reads as infinity)' };
      return { severity: 'error', path, message: `should be ${issue.expected} but is ${describeType(value)}` };
    case 'unrecognized_keys':
      return {
        severity: 'error',
        path: [...path, issue.keys[0] ?? ''],
        atKey: true,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
      };
    case 'invalid_value': {
      if (path.length === 1 && path[0] === 'format') {
        return { severity: 'error', path, message: `this is not a Frontline dataset (expected "format": "${DATASET_FORMAT}")` };
      }
      if (path.length === 1 && path[0] === 'version') {
        return {
          severity: 'error',
          path,
          message:
            typeof value === 'number' && value > DATASET_VERSION
              ? `the file is format version ${value}, made by a newer Frontline; this version reads version ${DATASET_VERSION}`
              : `expected version ${DATASET_VERSION}`
        };
      }
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { severity: 'error', path, message: `${describeType(value)} is not allowed here; use one of ${allowed}` };
    }
    default:
      return { severity: 'error', path, message: issue.message.replace(/^Invalid input: /, '') };
  }
}

/**
 * Trim every string and remove invisible control characters (bidi overrides, zero-width spaces),
 * in place, with one warning per field that had such characters. Runs before the schema, so text
 * made only of spaces or such characters is then refused as empty. Own "__proto__" keys are left
 * alone (assigning to them would call the prototype setter); the schema refuses them anyway.
 */
function cleanStrings(node: unknown, path: (string | number)[], out: Finding[], invisible = true, cleaned?: Set<object>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) cleanValue(node as unknown as Record<number, unknown>, i, node[i], path, out, invisible, cleaned);
  } else {
    const obj = node as Record<string, unknown>;
    // for…in over freshly parsed JSON visits exactly its own keys.
    for (const key in obj) if (key !== '__proto__') cleanValue(obj, key, obj[key], path, out, invisible, cleaned);
  }
}

/**
 * `invisible` false: the caller knows no string here holds invisible characters (only trim).
 * `cleaned`: objects already cleaned, skipped when met again (an object shared by several
 * events is cleaned in place the first time: walking it again would change and report nothing).
 * Lists are walked every time: most are an event's own (its actors, its tags), and remembering
 * each would cost more than looking at its few items again.
 */
function cleanValue(
  container: Record<string | number, unknown>,
  key: string | number,
  v: unknown,
  path: (string | number)[],
  out: Finding[],
  invisible: boolean,
  cleaned: Set<object> | undefined
): void {
  if (typeof v === 'string') {
    if (v.length === 0) return;
    // Cheap tests first: most strings need neither trimming nor cleaning.
    const needsTrim = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32;
    if (!needsTrim && !(invisible && hasInvisibleControls(v))) return;
    const c = cleanText(v);
    const trimmed = c.text.trim();
    if (trimmed !== v) container[key] = trimmed;
    if (c.removed > 0) {
      out.push({ severity: 'warning', path: [...path, key], message: `${c.removed} invisible control character(s) removed (bidi overrides or zero-width characters)` });
    }
  } else if (v !== null && typeof v === 'object') {
    if (cleaned !== undefined && !Array.isArray(v)) {
      if (cleaned.has(v)) return;
      cleaned.add(v);
    }
    path.push(key);
    cleanStrings(v, path, out, invisible, cleaned);
    path.pop();
  }
}

function checkIsoDate(value: string | undefined, path: Path, out: Finding[]): void {
  if (value === undefined) return;
  const parsed = parseDateValue(value, 'day');
  if (!parsed.ok) out.push({ severity: 'error', path, message: parsed.reason });
}

function checkDatePoint(point: DatePoint, path: Path, out: Finding[]): DateWindow | undefined {
  const parsed = parseDateValue(point.value, point.precision, point.margin);
  if (!parsed.ok) {
    out.push({ severity: 'error', path: [...path, point.margin !== undefined && point.precision !== 'approximate' ? 'margin' : 'value'], message: `${parsed.reason} (precision is "${point.precision}")` });
    return undefined;
  }
  return parsed.window;
}

/** A source's SHA-256 needs a local copy to be checked against; its archive is an address or a WACZ file. */
function checkSourceEvidence(s: Source, path: Path, out: Finding[]): void {
  if (s.sha256 !== undefined && s.localCopy === undefined) {
    out.push({ severity: 'warning', path: [...path, 'sha256'], message: 'is the SHA-256 of a local copy, but the source has no localCopy: nothing is checked against it' });
  }
  if (s.archive === undefined) return;
  const archive = archiveKind(s.archive);
  if (archive.kind === 'url' && !archive.safe) {
    out.push({ severity: 'warning', path: [...path, 'archive'], message: 'this address is not an http(s) web address; it is shown as text and never opened' });
  } else if (archive.kind === 'invalid') {
    out.push({ severity: 'error', path: [...path, 'archive'], message: 'must be a web archive\'s http(s) address or the name of a WACZ file inside the dataset\'s folder (ending in .wacz; no "..", not absolute)' });
  }
}

/** Ids of one kind, as far as they are known. */
export type IdSet = Pick<ReadonlySet<string>, 'has'>;

/** The ids events may refer to. */
export interface RefIds {
  readonly sourceIds: IdSet;
  readonly placeIds: IdSet;
  readonly actorIds: IdSet;
}

function checkRef(ids: IdSet, id: string | undefined, kind: string, path: Path, out: Finding[]): void {
  if (id !== undefined && !ids.has(id)) out.push({ severity: 'error', path, message: `refers to ${kind} "${id}", which the dataset does not define` });
}

function uniqueIds(items: readonly { id: string }[], collection: string, out: Finding[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      out.push({ severity: 'error', path: [collection, i, 'id'], message: `duplicate id "${item.id}" (already used by ${collection}[${first}])` });
    } else {
      seen.set(item.id, i);
    }
  });
  return new Set(seen.keys());
}

/**
 * What can be said of links before the events are read: a link from an event to itself, the same
 * link twice (the same events joined by the same kind, either way round for same-as and
 * related-to), and a citation naming a source the dataset does not define.
 */
function checkLinksAlone(links: readonly EventLink[], sourceIds: IdSet, out: Finding[]): void {
  const seen = new Map<string, number>();
  links.forEach((l, i) => {
    if (l.from === l.to) out.push({ severity: 'error', path: ['links', i, 'to'], message: `a link cannot go from an event to itself ("${l.to}")` });
    const key = linkKey(l);
    const first = seen.get(key);
    if (first !== undefined) out.push({ severity: 'error', path: ['links', i, 'to'], message: `duplicate link: links[${first}] already joins "${l.from}" and "${l.to}" with kind "${l.kind}"` });
    else seen.set(key, i);
    if (l.citation) checkRef(sourceIds, l.citation.source, 'source', ['links', i, 'citation', 'source'], out);
  });
}

/** `events[3] (id "x").start.value` for a path inside event 3. */
function describeEventField(index: number, raw: unknown, path: Path): string {
  const id = idOf(raw);
  const rest = path.length > 0 ? `.${describePath(path, raw)}`.replace(/^\.\[/, '[') : '';
  return `events[${index}]${id ? ` (id "${id}")` : ''}${rest}`;
}

// ---------------------------------------------------------------------------------------------
// The validator

export interface CheckedEvent {
  readonly event: TimelineEvent;
  readonly startWindow: DateWindow;
  readonly endWindow: DateWindow | undefined;
}

/**
 * A compiled check of one event against the generated JSON Schema (Ajv, in Node): true when the
 * event is valid, with defaults filled in place. Much faster than zod; when it says no, zod runs
 * to say why.
 */
export type FastEventCheck = (raw: unknown) => boolean;

export class DatasetValidator {
  readonly file: string;
  readonly #fastCheck: FastEventCheck | undefined;
  readonly #problems: Problem[] = [];
  #errors = 0;
  #fileErrors = 0;
  #located = 0;
  #sourceIds: IdSet = new Set();
  #placeIds: IdSet = new Set();
  #actorIds: IdSet = new Set();
  #eventIds: IdRegistry;
  /** False while the header is invalid: references cannot be checked against it then. */
  #refsKnown = false;
  /** Objects inside events already cleaned (sharedObjects). */
  readonly #cleaned: Set<object> | undefined;
  /** Stories' steps name events, which come after the header: checked once all events are seen. */
  #storyCheck: (() => void) | undefined;
  /** Links name events too: their ends are checked once all events are seen. */
  #linkCheck: (() => void) | undefined;

  /**
   * `expectedEvents` sizes the id table once (the loader knows the count before validating).
   * `sharedObjects`: events may share objects (an importer's dataset): each object inside an
   * event is cleaned once, however many events hold it. Events parsed one by one share nothing
   * and leave it off (remembering every object would cost for nothing).
   */
  constructor(file: string, options: { fastCheck?: FastEventCheck; expectedEvents?: number; sharedObjects?: boolean } = {}) {
    this.file = file;
    this.#fastCheck = options.fastCheck;
    this.#eventIds = new IdRegistry(options.expectedEvents);
    this.#cleaned = options.sharedObjects === true ? new Set() : undefined;
  }

  get errorCount(): number {
    return this.#errors;
  }

  /**
   * Errors that are not about one event (syntax outside events, the header, a missing section):
   * with none of these, the valid events can still be opened and the invalid ones skipped.
   */
  get fileErrorCount(): number {
    return this.#fileErrors;
  }

  /** True once so many errors were found that checking further is pointless. */
  get gaveUp(): boolean {
    return this.#errors >= MAX_ERRORS;
  }

  /** Report a problem found outside the checks here (syntax, a missing section). `scope`: what it spoils. */
  report(severity: 'error' | 'warning', field: string | undefined, message: string, where?: Where, scope: 'file' | 'event' = 'file'): void {
    if (severity === 'error') {
      this.#errors++;
      if (scope === 'file') this.#fileErrors++;
    }
    this.#problems.push({ severity, file: this.file, ...(where ? { line: where.line, column: where.column } : {}), ...(field ? { field } : {}), message });
  }

  #add(findings: readonly Finding[], describe: (f: Finding) => string, locate: Locate | undefined): void {
    for (const f of findings) {
      if (f.severity === 'error') {
        if (this.#errors >= MAX_ERRORS) continue;
        this.#errors++;
      }
      const where = locate && this.#located < MAX_LOCATED ? locate(f.path, f.atKey === true) : undefined;
      if (where) this.#located++;
      this.#problems.push({
        severity: f.severity,
        file: this.file,
        ...(where ? { line: where.line, column: where.column } : {}),
        field: describe(f),
        message: f.message
      });
    }
  }

  /**
   * Check events' references against these ids until the header is checked: for an importer,
   * whose header grows as its rows are read and is checked last (events can only refer to what
   * it has made by then).
   */
  useRefs(refs: RefIds): void {
    this.#sourceIds = refs.sourceIds;
    this.#placeIds = refs.placeIds;
    this.#actorIds = refs.actorIds;
    this.#refsKnown = true;
  }

  /**
   * Check everything but the events. `raw` is the top-level object without its events (freshly
   * parsed; its strings are cleaned in place). Returns the header, or undefined when it is invalid.
   */
  header(raw: Record<string, unknown>, locate?: Locate): DatasetHeaderInput | undefined {
    const findings: Finding[] = [];
    cleanStrings(raw, [], findings);
    const parsed = headerSchema.safeParse(raw);
    if (!parsed.success) {
      const before = this.#errors;
      this.#add([...findings, ...parsed.error.issues.map((issue) => zodFinding(issue, raw))], (f) => describePath(f.path, raw), locate);
      this.#fileErrors += this.#errors - before;
      return undefined;
    }
    const ds = parsed.data;
    this.#sourceIds = uniqueIds(ds.sources, 'sources', findings);
    this.#placeIds = uniqueIds(ds.places, 'places', findings);
    this.#actorIds = uniqueIds(ds.actors, 'actors', findings);
    checkIsoDate(ds.metadata.referenceDate, ['metadata', 'referenceDate'], findings);
    checkIsoDate(ds.metadata.created, ['metadata', 'created'], findings);
    const theatres = new Set<string>();
    ds.metadata.theatres.forEach((t, i) => {
      if (theatres.has(t.country)) findings.push({ severity: 'error', path: ['metadata', 'theatres', i, 'country'], message: `theatre ${t.country} is listed twice` });
      theatres.add(t.country);
    });
    ds.sources.forEach((s, i) => {
      checkIsoDate(s.date, ['sources', i, 'date'], findings);
      if (s.url !== undefined && safeExternalUrl(s.url) === null) {
        findings.push({ severity: 'warning', path: ['sources', i, 'url'], message: 'this address is not an http(s) web address; it is shown as text and never opened' });
      }
      if (s.localCopy !== undefined && (s.localCopy.includes('..') || /^([a-zA-Z]:|[\\/])/.test(s.localCopy))) {
        findings.push({ severity: 'error', path: ['sources', i, 'localCopy'], message: 'must be a path inside the dataset\'s folder (no "..", not absolute)' });
      }
      checkSourceEvidence(s, ['sources', i], findings);
    });
    ds.places.forEach((p, i) => {
      checkRef(this.#placeIds, p.parent, 'place', ['places', i, 'parent'], findings);
      if (p.parent === p.id) findings.push({ severity: 'error', path: ['places', i, 'parent'], message: 'a place cannot be its own parent' });
      if (p.coordinates) checkRef(this.#sourceIds, p.coordinates.source, 'source', ['places', i, 'coordinates', 'source'], findings);
    });
    if (ds.stories) {
      const stories = ds.stories;
      uniqueIds(stories, 'stories', findings);
      this.#storyCheck = () => {
        const refs: Finding[] = [];
        stories.forEach((story, i) =>
          story.steps.forEach((step, j) => {
            if (!this.#eventIds.has(step.event)) refs.push({ severity: 'error', path: ['stories', i, 'steps', j, 'event'], message: `refers to event "${step.event}", which the dataset does not define` });
          })
        );
        const before = this.#errors;
        this.#add(refs, (f) => describePath(f.path, raw), locate);
        this.#fileErrors += this.#errors - before;
      };
    }
    if (ds.links) {
      const links = ds.links;
      checkLinksAlone(links, this.#sourceIds, findings);
      this.#linkCheck = () => {
        const refs: Finding[] = [];
        links.forEach((l, i) => {
          for (const end of ['from', 'to'] as const) {
            if (!this.#eventIds.has(l[end])) refs.push({ severity: 'error', path: ['links', i, end], message: `refers to event "${l[end]}", which the dataset does not define` });
          }
        });
        const before = this.#errors;
        this.#add(refs, (f) => describePath(f.path, raw), locate);
        this.#fileErrors += this.#errors - before;
      };
    }
    ds.actors.forEach((a, i) => {
      a.backedBy.forEach((l, j) => checkRef(this.#actorIds, l.actor, 'actor', ['actors', i, 'backedBy', j, 'actor'], findings));
      a.memberOf.forEach((l, j) => checkRef(this.#actorIds, l.actor, 'actor', ['actors', i, 'memberOf', j, 'actor'], findings));
    });
    const before = this.#errors;
    this.#add(findings, (f) => describePath(f.path, raw), locate);
    this.#fileErrors += this.#errors - before;
    if (this.#errors > before) return undefined;
    this.#refsKnown = true;
    return ds;
  }

  /**
   * Check event `index`. `raw` is the parsed event (its strings are cleaned in place); `locate`
   * takes paths relative to the event. `mayHaveInvisible` false skips looking for invisible
   * characters (the loader tested the event's text already). Returns the event with defaults
   * filled in, or undefined.
   */
  event(raw: unknown, index: number, locate?: Locate, mayHaveInvisible = true): CheckedEvent | undefined {
    const findings: Finding[] = [];
    cleanStrings(raw, [], findings, mayHaveInvisible, this.#cleaned);
    const describe = (f: Finding): string => describeEventField(index, raw, f.path);
    let e: TimelineEvent;
    if (this.#fastCheck?.(raw)) {
      e = raw as TimelineEvent;
    } else {
      const parsed = timelineEventSchema.safeParse(raw);
      if (!parsed.success) {
        this.#add([...findings, ...parsed.error.issues.map((issue) => zodFinding(issue, raw))], describe, locate);
        return undefined;
      }
      e = parsed.data;
    }
    const first = this.#eventIds.add(e.id, index);
    if (first >= 0) findings.push({ severity: 'error', path: ['id'], message: `duplicate id "${e.id}" (already used by events[${first}])` });
    const startWindow = checkDatePoint(e.start, ['start'], findings);
    const endWindow = e.end ? checkDatePoint(e.end, ['end'], findings) : undefined;
    if (startWindow && endWindow && endWindow.end <= startWindow.start) {
      findings.push({ severity: 'error', path: ['end', 'value'], message: `ends (${e.end?.value}) before it starts (${e.start.value})` });
    }
    if (this.#refsKnown) {
      e.places.forEach((p, j) => checkRef(this.#placeIds, p, 'place', ['places', j], findings));
      e.actors.forEach((a, j) => checkRef(this.#actorIds, a.actor, 'actor', ['actors', j, 'actor'], findings));
      checkRef(this.#actorIds, e.claimant?.actor, 'actor', ['claimant', 'actor'], findings);
      e.citations.forEach((c, j) => checkRef(this.#sourceIds, c.source, 'source', ['citations', j, 'source'], findings));
    }
    // Media are only ever shown as text; an address that is not http(s) is said to be one, as for sources.
    e.media?.forEach((m, j) => {
      if (safeExternalUrl(m.url) === null) findings.push({ severity: 'warning', path: ['media', j, 'url'], message: 'this address is not an http(s) web address; it is shown as text and never opened' });
    });
    e.figures.forEach((f, j) => {
      const fp: Path = ['figures', j];
      checkIsoDate(f.asOf, [...fp, 'asOf'], findings);
      if (f.low !== undefined && f.high !== undefined && f.low > f.high) findings.push({ severity: 'error', path: [...fp, 'low'], message: `low (${f.low}) is above high (${f.high})` });
      if (f.value !== null && f.low !== undefined && f.value < f.low) findings.push({ severity: 'error', path: [...fp, 'value'], message: `value (${f.value}) is below low (${f.low})` });
      if (f.value !== null && f.high !== undefined && f.value > f.high) findings.push({ severity: 'error', path: [...fp, 'value'], message: `value (${f.value}) is above high (${f.high})` });
      if (f.value === null && f.bound !== 'vague') findings.push({ severity: 'error', path: [...fp, 'bound'], message: 'a figure without a number must have bound "vague"' });
    });
    const before = this.#errors;
    this.#add(findings, describe, locate);
    if (this.#errors > before || !startWindow) return undefined;
    return { event: e, startWindow, endWindow };
  }

  /** Errors (if any) and warnings, in file order. */
  result(): { errors: Problem[]; warnings: Problem[] } {
    // Every event has been seen: the stories' steps and the links can be checked against them (once).
    const storyCheck = this.#storyCheck;
    this.#storyCheck = undefined;
    const linkCheck = this.#linkCheck;
    this.#linkCheck = undefined;
    // Only in a file whose events are otherwise fine: broken events would make every step and link look dangling.
    const eventsFine = this.#refsKnown && this.#errors === 0;
    if (storyCheck && eventsFine) storyCheck();
    if (linkCheck && eventsFine) linkCheck();
    const rank = (p: Problem) => (p.line === undefined ? Infinity : p.line * 1e6 + (p.column ?? 0));
    const sorted = this.#problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
    const errors = sorted.filter((p) => p.severity === 'error');
    if (this.gaveUp) errors.push({ severity: 'error', file: this.file, message: `…checking stopped after ${MAX_ERRORS} errors` });
    return { errors, warnings: sorted.filter((p) => p.severity === 'warning') };
  }
}
