// The published JSON Schema is what `npm run schema` generates, and a standard validator (Ajv)
// accepts the bundled dataset with it and rejects what it should, so other tools can rely on it.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILE, datasetJsonSchema, datasetJsonSchemaText } from './jsonSchema';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');

describe('published JSON Schema', () => {
  it('data/frontline-dataset.schema.json is up to date (run npm run schema)', () => {
    expect(readFileSync(join(DATA, JSON_SCHEMA_FILE), 'utf8')).toBe(datasetJsonSchemaText());
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(datasetJsonSchema());
  const bundled = JSON.parse(readFileSync(join(DATA, 'deir-al-zour-al-qaim-2017.frontline'), 'utf8')) as Record<string, unknown>;

  it('accepts the bundled dataset', () => {
    expect(validate(bundled), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a misspelt field, an unknown event type and a missing title', () => {
    const events = bundled['events'] as Record<string, unknown>[];
    const typo = { ...bundled, events: [{ ...events[0], tittle: 'x' }] };
    const badType = { ...bundled, events: [{ ...events[0], type: 'battle' }] };
    const { title: _title, ...untitled } = events[0] ?? {};
    const missing = { ...bundled, events: [untitled] };
    expect(validate(typo)).toBe(false);
    expect(validate(badType)).toBe(false);
    expect(validate(missing)).toBe(false);
  });
});
