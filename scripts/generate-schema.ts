// Writes data/frontline-dataset.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_FILE, datasetJsonSchemaText } from '../src/shared/dataset/jsonSchema';

const target = join(import.meta.dirname, '..', 'data', JSON_SCHEMA_FILE);
writeFileSync(target, datasetJsonSchemaText());
console.log(`wrote ${target}`);
