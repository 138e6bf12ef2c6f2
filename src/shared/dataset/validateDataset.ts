// Validate a native dataset held as one object (small files, tests, datasets built by importers):
// JSON syntax, the schema, then what a schema cannot say. Large files go through
// loadDatasetBytes, which runs the same checks one event at a time.
import { findNodeAtLocation, getLocation, parse as parseJsonc, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { capErrors, capProblems, lineColumnAt, type Problem } from './problems';
import type { Dataset, TimelineEvent } from './schema';
import { DatasetValidator, type FastEventCheck, type Locate, type Path } from './validator';
import { jsonErrorText } from '../json/jsonErrorText';

export { describePath } from './validator';

export type DatasetCheck =
  | { ok: true; dataset: Dataset; warnings: Problem[]; skipped?: Problem[] }
  | { ok: false; problems: Problem[] };

export interface ValidateOptions {
  /** Compiled JSON-Schema check of an event (Node only); zod runs only where it fails. */
  readonly fastCheck?: FastEventCheck;
  /** Leave invalid events out (reported as `skipped`) when everything else is fine. */
  readonly skipInvalidEvents?: boolean;
  /** Where each event came from, for problems ("line 12"), when the text is not at hand. */
  readonly lineOfEvent?: readonly (number | undefined)[];
}

/** Finds where a path is in JSON text (parsing the text into a tree only when first asked). */
export class TextLocator {
  #root: Node | undefined;
  #parsed = false;
  constructor(private readonly text: string | undefined) {}

  locate(path: Path, atKey = false): { line: number; column: number } | undefined {
    if (this.text === undefined) return undefined;
    if (!this.#parsed) {
      this.#parsed = true;
      this.#root = parseTree(this.text);
    }
    if (!this.#root) return undefined;
    // Walk up until some ancestor of the path exists (a missing field is reported at its parent).
    for (let len = path.length; len >= 0; len--) {
      const node = findNodeAtLocation(this.#root, [...path.slice(0, len)]);
      if (!node) continue;
      const keyNode = atKey && len === path.length && node.parent?.type === 'property' ? node.parent : node;
      return lineColumnAt(this.text, keyNode.offset);
    }
    return undefined;
  }
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/**
 * Validate parsed JSON. `raw` must be freshly parsed and owned by the caller: its strings are
 * cleaned of invisible control characters in place. Pass the text too, and problems get lines.
 */
export function validateDataset(raw: unknown, file: string, text?: string, options: ValidateOptions = {}): DatasetCheck {
  const locator = new TextLocator(text);
  const events0 = raw !== null && typeof raw === 'object' ? (raw as { events?: unknown }).events : undefined;
  // The id table is sized once for the events there are (growing it re-hashes every id).
  const expectedEvents = Array.isArray(events0) ? events0.length : undefined;
  // Datasets built by importers share objects between events (dates, citations): each is cleaned once.
  const v = new DatasetValidator(file, { ...(options.fastCheck ? { fastCheck: options.fastCheck } : {}), ...(expectedEvents !== undefined ? { expectedEvents } : {}), sharedObjects: true });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    v.report('error', '(top level)', `should be object but is ${describeJsonValue(raw)}`, locator.locate([]));
    return { ok: false, problems: v.result().errors };
  }
  const { events, ...rest } = raw as Record<string, unknown>;
  const header = v.header(rest, (path, atKey) => locator.locate(path, atKey));
  const checked: TimelineEvent[] = [];
  if (events === undefined) {
    v.report('error', 'events', 'is required but missing (expected array)', locator.locate([]));
  } else if (!Array.isArray(events)) {
    v.report('error', 'events', `should be array but is ${describeJsonValue(events)}`, locator.locate(['events']));
  } else {
    const lines = options.lineOfEvent;
    for (let i = 0; i < events.length && !v.gaveUp; i++) {
      const line = lines?.[i];
      const locate: Locate = line !== undefined ? () => ({ line, column: 1 }) : (path, atKey) => locator.locate(['events', i, ...path], atKey);
      const c = v.event(events[i], i, locate);
      if (c) checked.push(c.event);
    }
  }
  const { errors, warnings } = v.result();
  const skippable = options.skipInvalidEvents === true && v.fileErrorCount === 0 && !v.gaveUp && header !== undefined && checked.length > 0;
  if ((errors.length > 0 && !skippable) || !header) return { ok: false, problems: capErrors(errors) };
  return {
    ok: true,
    dataset: { ...header, events: checked },
    warnings: capProblems(warnings),
    ...(errors.length > 0 ? { skipped: capErrors(errors) } : {})
  };
}

/** Parse JSON text, reporting syntax errors with line and column. */
export function parseJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, problem: jsonSyntaxProblem(text, file, err) };
  }
}

/**
 * The member at `offset` of JSON text, as `events[0].text.extra` ("(top level)" at the top). Reads
 * only up to the offset, so it is safe on text nested too deeply further on.
 */
export function jsonFieldAt(text: string, offset: number): string {
  const full = getLocation(text, offset).path;
  // Up to the last named member: the lists inside lists after it would only repeat "[0]".
  let named = full.length;
  while (named > 0 && typeof full[named - 1] === 'number' && full.slice(0, named - 1).some((p) => typeof p === 'string')) named--;
  // A long chain of the same nesting is cut after a few steps.
  const path = full.slice(0, Math.min(named, 5));
  const out = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') + (named > 5 ? '…' : '');
  return out === '' ? '(top level)' : out;
}

/** The first syntax error in JSON text, with line and column, in plain words. */
export function jsonSyntaxProblem(text: string, file: string, err?: unknown, base?: { line: number; column: number }): Problem {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const at = lineColumnAt(text, first.offset);
    const where = base ? { line: base.line + at.line - 1, column: at.line === 1 ? base.column + at.column - 1 : at.column } : at;
    return { severity: 'error', file, line: where.line, column: where.column, message: `the file is not valid JSON: ${jsonErrorText(printParseErrorCode(first.error))}` };
  }
  const reason = err instanceof RangeError ? 'it is nested too deeply' : err instanceof Error ? err.message : String(err);
  return { severity: 'error', file, ...(base ?? {}), message: `the file is not valid JSON: ${reason}` };
}


/** Text of a native dataset file → validated dataset, or the problems with line numbers. */
export function parseDatasetText(text: string, file: string): DatasetCheck {
  const json = parseJson(text, file);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  return validateDataset(json.value, file, text);
}
