// The published JSON Schema of the native format, generated from the zod schema so the two cannot
// drift (a test compares it with data/frontline-dataset.schema.json).
import { z } from 'zod';
import { datasetSchema } from './schema';

export const JSON_SCHEMA_FILE = 'frontline-dataset.schema.json';

export function datasetJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a file may contain (defaults make fields optional there).
  const schema = z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://frontline.invalid/schema/frontline-dataset-1.json',
    $comment:
      'Generated from src/shared/dataset/schema.ts by `npm run schema`. Also checked by Frontline: ids unique, ' +
      'references resolve, dates exist for their precision, ends not before starts, links join two different events, once each.'
  };
}

export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
