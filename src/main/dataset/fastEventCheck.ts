// The loader's fast path: Ajv compiled from the JSON Schema that is generated from the zod schema,
// so both accept exactly the same events (a test holds them to it). Ajv compiles to JavaScript with
// new Function, which is fine here in Node and never runs in the renderer.
import Ajv2020 from 'ajv/dist/2020.js';
import { datasetJsonSchema } from '../../shared/dataset/jsonSchema';
import type { FastEventCheck } from '../../shared/dataset/validator';

let compiled: FastEventCheck | undefined;

export function fastEventCheck(): FastEventCheck {
  if (!compiled) {
    const schema = datasetJsonSchema() as { properties: { events: { items: object } } };
    // useDefaults fills in defaults as zod does; strictNumbers refuses NaN and Infinity as zod does.
    const ajv = new Ajv2020({ useDefaults: true, strictNumbers: true, strict: false, allErrors: false, validateFormats: false });
    const validate = ajv.compile(schema.properties.events.items);
    compiled = (raw) => validate(raw) === true;
  }
  return compiled;
}
