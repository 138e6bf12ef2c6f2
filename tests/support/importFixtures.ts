// The import fixtures (tests/fixtures/import), read as the app reads files, and the checks every
// importer test makes of an outcome.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { validateDataset } from '../../src/shared/dataset/validateDataset';
import type { ImportOutcome, ImportResult } from '../../src/shared/import/types';
import { decodeText } from '../../src/shared/text/decodeText';

export const IMPORT_FIXTURES = new URL('../fixtures/import/', import.meta.url);

export function importFixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, IMPORT_FIXTURES));
}

/** A fixture's text, decoded (BOM, UTF-16) as the app decodes a file. */
export function importFixture(name: string): string {
  const decoded = decodeText(importFixtureBytes(name), name);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return decoded.text;
}

/** The result of an import that must succeed, checked like any native file (and with no warnings). */
export function expectImported(outcome: ImportOutcome): ImportResult {
  if (outcome.status !== 'imported') throw new Error(`expected an import, got ${outcome.status}: ${JSON.stringify(outcome)}`);
  const check = validateDataset(structuredClone(outcome.result.dataset), 'imported');
  if (!check.ok) throw new Error(`the imported dataset is invalid: ${JSON.stringify(check.problems.slice(0, 5))}`);
  expect(check.warnings).toEqual([]);
  return outcome.result;
}

/** The problems of an import that must fail. */
export function expectFailed(outcome: ImportOutcome) {
  if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${outcome.status}`);
  return outcome.problems;
}
