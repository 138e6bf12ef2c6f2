// Validate a native dataset: JSON syntax, the schema, then what a schema cannot say (ids unique,
// references resolve, dates exist, ends after starts). Every problem names file, line and field.
import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { cleanText } from '../text/cleanText';
import { safeExternalUrl } from '../text/safeUrl';
import { parseDateValue, type DateWindow } from './dates';
import { capProblems, lineColumnAt, type Problem } from './problems';
import { DATASET_FORMAT, DATASET_VERSION, datasetSchema, type Dataset, type DatePoint } from './schema';

export type DatasetCheck =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

type Path = readonly (string | number)[];

interface Finding {
  severity: 'error' | 'warning';
  path: Path;
  message: string;
  /** Point at the key itself (unknown fields) rather than its value. */
  atKey?: boolean;
}

const MAX_LOCATED = 200;

/** `events[3] (id "x").start.value` — readable by someone editing the file by hand. */
export function describePath(path: Path, raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') {
      out += `[${part}]`;
      node = Array.isArray(node) ? node[part] : undefined;
      const id = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)['id'] : undefined;
      if (i <= 1 && typeof id === 'string' && id.length > 0 && id.length <= 128) out += ` (id "${id}")`;
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

class Locator {
  private root: Node | undefined;
  private parsed = false;
  constructor(private readonly text: string | undefined) {}

  locate(path: Path, atKey = false): { line: number; column: number } | undefined {
    if (this.text === undefined) return undefined;
    if (!this.parsed) {
      this.parsed = true;
      this.root = parseTree(this.text);
    }
    if (!this.root) return undefined;
    // Walk up until some ancestor of the path exists (a missing field is reported at its parent).
    for (let len = path.length; len >= 0; len--) {
      const node = findNodeAtLocation(this.root, [...path.slice(0, len)]);
      if (!node) continue;
      const keyNode = atKey && len === path.length && node.parent?.type === 'property' ? node.parent : node;
      return lineColumnAt(this.text, keyNode.offset);
    }
    return undefined;
  }
}

/** Problems in file order (by line, then column); unlocated ones keep their order at the end. */
function toProblems(findings: readonly Finding[], raw: unknown, file: string, text: string | undefined): Problem[] {
  const locator = new Locator(text);
  const problems = findings.map((f, i): Problem => {
    const where = i < MAX_LOCATED ? locator.locate(f.path, f.atKey) : undefined;
    return {
      severity: f.severity,
      file,
      ...(where ? { line: where.line, column: where.column } : {}),
      field: describePath(f.path, raw),
      message: f.message
    };
  });
  const rank = (p: Problem) => (p.line === undefined ? Infinity : p.line * 1e6 + (p.column ?? 0));
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

function checkIsoDate(value: string | undefined, path: Path, out: Finding[]): void {
  if (value === undefined) return;
  const parsed = parseDateValue(value, 'day');
  if (!parsed.ok) out.push({ severity: 'error', path, message: parsed.reason });
}

function checkDatePoint(point: DatePoint, path: Path, out: Finding[]): DateWindow | undefined {
  const parsed = parseDateValue(point.value, point.precision);
  if (!parsed.ok) {
    out.push({ severity: 'error', path: [...path, 'value'], message: `${parsed.reason} (precision is "${point.precision}")` });
    return undefined;
  }
  return parsed.window;
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

function checkRef(ids: Set<string>, id: string | undefined, kind: string, path: Path, out: Finding[]): void {
  if (id !== undefined && !ids.has(id)) out.push({ severity: 'error', path, message: `refers to ${kind} "${id}", which the dataset does not define` });
}

/** Checks the schema cannot express. Runs only on schema-valid data. */
function crossCheck(ds: Dataset): Finding[] {
  const out: Finding[] = [];
  const sourceIds = uniqueIds(ds.sources, 'sources', out);
  const placeIds = uniqueIds(ds.places, 'places', out);
  const actorIds = uniqueIds(ds.actors, 'actors', out);
  uniqueIds(ds.events, 'events', out);

  checkIsoDate(ds.metadata.referenceDate, ['metadata', 'referenceDate'], out);
  checkIsoDate(ds.metadata.created, ['metadata', 'created'], out);
  const theatres = new Set<string>();
  ds.metadata.theatres.forEach((t, i) => {
    if (theatres.has(t.country)) out.push({ severity: 'error', path: ['metadata', 'theatres', i, 'country'], message: `theatre ${t.country} is listed twice` });
    theatres.add(t.country);
  });

  ds.sources.forEach((s, i) => {
    checkIsoDate(s.date, ['sources', i, 'date'], out);
    if (s.url !== undefined && safeExternalUrl(s.url) === null) {
      out.push({
        severity: 'warning',
        path: ['sources', i, 'url'],
        message: 'this address is not an http(s) web address; it is shown as text and never opened'
      });
    }
    if (s.localCopy !== undefined && (s.localCopy.includes('..') || /^([a-zA-Z]:|[\\/])/.test(s.localCopy))) {
      out.push({ severity: 'error', path: ['sources', i, 'localCopy'], message: 'must be a path inside the dataset\'s folder (no "..", not absolute)' });
    }
  });

  ds.places.forEach((p, i) => {
    checkRef(placeIds, p.parent, 'place', ['places', i, 'parent'], out);
    if (p.parent === p.id) out.push({ severity: 'error', path: ['places', i, 'parent'], message: 'a place cannot be its own parent' });
    if (p.coordinates) checkRef(sourceIds, p.coordinates.source, 'source', ['places', i, 'coordinates', 'source'], out);
  });

  ds.actors.forEach((a, i) => {
    a.backedBy.forEach((l, j) => checkRef(actorIds, l.actor, 'actor', ['actors', i, 'backedBy', j, 'actor'], out));
    a.memberOf.forEach((l, j) => checkRef(actorIds, l.actor, 'actor', ['actors', i, 'memberOf', j, 'actor'], out));
  });

  ds.events.forEach((e, i) => {
    const base: Path = ['events', i];
    const start = checkDatePoint(e.start, [...base, 'start'], out);
    const end = e.end ? checkDatePoint(e.end, [...base, 'end'], out) : undefined;
    if (start && end && end.end <= start.start) {
      out.push({ severity: 'error', path: [...base, 'end', 'value'], message: `ends (${e.end?.value}) before it starts (${e.start.value})` });
    }
    e.places.forEach((p, j) => checkRef(placeIds, p, 'place', [...base, 'places', j], out));
    e.actors.forEach((a, j) => checkRef(actorIds, a.actor, 'actor', [...base, 'actors', j, 'actor'], out));
    checkRef(actorIds, e.claimant?.actor, 'actor', [...base, 'claimant', 'actor'], out);
    e.citations.forEach((c, j) => checkRef(sourceIds, c.source, 'source', [...base, 'citations', j, 'source'], out));
    e.figures.forEach((f, j) => {
      const fp: Path = [...base, 'figures', j];
      checkIsoDate(f.asOf, [...fp, 'asOf'], out);
      if (f.low !== undefined && f.high !== undefined && f.low > f.high) out.push({ severity: 'error', path: [...fp, 'low'], message: `low (${f.low}) is above high (${f.high})` });
      if (f.value !== null && f.low !== undefined && f.value < f.low) out.push({ severity: 'error', path: [...fp, 'value'], message: `value (${f.value}) is below low (${f.low})` });
      if (f.value !== null && f.high !== undefined && f.value > f.high) out.push({ severity: 'error', path: [...fp, 'value'], message: `value (${f.value}) is above high (${f.high})` });
      if (f.value === null && f.bound !== 'vague') out.push({ severity: 'error', path: [...fp, 'bound'], message: 'a figure without a number must have bound "vague"' });
    });
  });
  return out;
}

/**
 * Remove invisible control characters (bidi overrides, zero-width spaces) from every string, in
 * place, with one warning per field. Runs before the schema, so text made only of such
 * characters is then refused as empty. Own "__proto__" keys are left alone (assigning to them
 * would call the prototype setter); the schema refuses them as unknown fields anyway.
 */
function cleanStrings(node: unknown, path: (string | number)[], out: Finding[]): void {
  if (node === null || typeof node !== 'object') return;
  const container = node as Record<string | number, unknown>;
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node).filter((k) => k !== '__proto__');
  for (const key of keys) {
    const v = container[key];
    if (typeof v === 'string') {
      const c = cleanText(v);
      if (c.removed > 0) {
        container[key] = c.text;
        out.push({ severity: 'warning', path: [...path, key], message: `${c.removed} invisible control character(s) removed (bidi overrides or zero-width characters)` });
      }
    } else if (v !== null && typeof v === 'object') {
      path.push(key);
      cleanStrings(v, path, out);
      path.pop();
    }
  }
}

/**
 * Validate parsed JSON. `raw` must be freshly parsed and owned by the caller: its strings are
 * cleaned of invisible control characters in place. Pass the text too, and problems get lines.
 */
export function validateDataset(raw: unknown, file: string, text?: string): DatasetCheck {
  const cleaning: Finding[] = [];
  cleanStrings(raw, [], cleaning);
  const parsed = datasetSchema.safeParse(raw, { reportInput: false });
  if (!parsed.success) {
    const findings = parsed.error.issues.map((issue) => zodFinding(issue, raw));
    return { ok: false, problems: capProblems(toProblems(findings, raw, file, text)) };
  }
  const dataset = parsed.data;
  const findings = [...crossCheck(dataset), ...cleaning];
  const problems = toProblems(findings, raw, file, text);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: capProblems(errors) };
  return { ok: true, dataset, warnings: capProblems(problems) };
}

/** Parse JSON text, reporting syntax errors with line and column. */
export function parseJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first) {
      const { line, column } = lineColumnAt(text, first.offset);
      return { ok: false, problem: { severity: 'error', file, line, column, message: `the file is not valid JSON: ${jsonErrorText(printParseErrorCode(first.error))}` } };
    }
    const reason = err instanceof RangeError ? 'it is nested too deeply' : err instanceof Error ? err.message : String(err);
    return { ok: false, problem: { severity: 'error', file, message: `the file is not valid JSON: ${reason}` } };
  }
}

function jsonErrorText(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'badly written number',
    PropertyNameExpected: 'expected a field name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected "," between items',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the data',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unfinished comment',
    UnexpectedEndOfString: 'unfinished text (missing closing ")',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'bad \\u escape',
    InvalidEscapeCharacter: 'bad escape after \\',
    InvalidCharacter: 'control character inside text'
  };
  return words[code] ?? code;
}

/** Text of a native dataset file → validated dataset, or the problems with line numbers. */
export function parseDatasetText(text: string, file: string): DatasetCheck {
  const json = parseJson(text, file);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  return validateDataset(json.value, file, text);
}
