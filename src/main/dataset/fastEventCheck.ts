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
    // unicode false counts string lengths in UTF-16 code units (String length), sparing the count
    // of code points in every string. zod counts code points, never more than code units: a string
    // this check accepts, zod accepts (every minLength is 1, which both count alike), and one it
    // refuses only for its length (text outside the BMP near a limit) goes to zod, which decides.
    const ajv = new Ajv2020({ useDefaults: true, strictNumbers: true, strict: false, allErrors: false, validateFormats: false });
    // Set after construction: given to the constructor, Ajv logs that the option is deprecated
    // (it still works: minLength/maxLength then compile to String length).
    (ajv.opts as { unicode?: boolean }).unicode = false;
    const validate = ajv.compile(schema.properties.events.items);
    compiled = (raw) => validate(raw) === true;
  }
  return compiled;
}
