// A problem found in a file: where it is (file, line, column, field) and what is wrong, in plain
// language. Every loader and importer reports through this one shape.
import { clip } from '../text/clip';

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  readonly severity: ProblemSeverity;
  /** The file as the user knows it (path or name). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
  /** Field or column the problem is in, e.g. `events[3] "capture-deir".start.value`. */
  readonly field?: string;
  readonly message: string;
}

/** Longest message and field shown: a problem may quote the file, and a file's text can be megabytes. */
export const MAX_MESSAGE_CHARS = 400;
export const MAX_FIELD_CHARS = 160;

/** The problem with its message and field cut to a readable length. */
export function clipProblem(p: Problem): Problem {
  if (p.message.length <= MAX_MESSAGE_CHARS && (p.field === undefined || p.field.length <= MAX_FIELD_CHARS)) return p;
  return { ...p, message: clip(p.message, MAX_MESSAGE_CHARS), ...(p.field !== undefined ? { field: clip(p.field, MAX_FIELD_CHARS) } : {}) };
}

export function formatProblem(problem: Problem): string {
  const p = clipProblem(problem);
  let where = p.file;
  if (p.line !== undefined) {
    where += `:${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}: ${p.severity}:${field} ${p.message}`;
}

/** 1-based line and column of a character offset in text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Cap a list of problems so a hopeless file does not flood the UI; the last entry says how many
 * were left out. Each problem's message and field are cut to a readable length.
 */
export function capProblems(problems: readonly Problem[], max = 200): Problem[] {
  if (problems.length <= max) return problems.map(clipProblem);
  const kept = problems.slice(0, max).map(clipProblem);
  const first = problems[0];
  kept.push({
    severity: 'error',
    file: first?.file ?? '',
    message: `…and ${problems.length - max} more problems not shown`
  });
  return kept;
}

/**
 * Cap a list of errors like capProblems, keeping a closing "checking stopped" entry (a problem
 * without line or field that ends the list) as the very last line.
 */
export function capErrors(errors: readonly Problem[], max = 200): Problem[] {
  const last = errors[errors.length - 1];
  const stopped = last !== undefined && last.line === undefined && last.field === undefined && last.message.startsWith('…checking stopped');
  if (!stopped || errors.length <= max) return capProblems(errors, max);
  return [...capProblems(errors.slice(0, -1), max), last];
}
