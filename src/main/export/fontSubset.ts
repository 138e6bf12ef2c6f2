// Font subsets for SVG files: HarfBuzz's subsetter (harfbuzzjs's harfbuzz-subset.wasm, MIT) cuts a
// shipped TTF down to the characters a picture uses, keeping the layout tables their shaping needs
// (Arabic joining forms, kerning), so the embedded font is a few kilobytes and shapes as the whole.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AppLocation } from '../dataset/bundledDataset';

const WASM_FILE = 'harfbuzz-subset.wasm';

interface HbExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/**
 * Where the subsetter is. Packaged: beside the fonts (electron-builder copies it there as an extra
 * resource). Developing, testing, on the command line: in node_modules.
 */
export function subsetWasmPath(loc?: AppLocation): string {
  if (loc?.isPackaged) {
    const packaged = join(loc.resourcesPath, 'fonts', WASM_FILE);
    if (existsSync(packaged)) return packaged;
  }
  try {
    return createRequire(import.meta.url).resolve(`harfbuzzjs/dist/${WASM_FILE}`);
  } catch {
    throw new Error(`The font subsetter (${WASM_FILE}) was not found beside the app`);
  }
}

/** The WebAssembly global as Node has it (the node typings this project builds main with do not declare it). */
const wasm = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;

let loaded: { path: string; exports: Promise<HbExports> } | undefined;

function harfbuzz(loc?: AppLocation): Promise<HbExports> {
  const path = subsetWasmPath(loc);
  if (loaded?.path !== path) {
    const exports = wasm.instantiate(readFileSync(path)).then((r) => r.instance.exports as HbExports);
    loaded = { path, exports };
    exports.catch(() => (loaded = undefined));
  }
  return loaded.exports;
}

/** HB_MEMORY_MODE_WRITABLE: HarfBuzz may use the bytes in place. */
const MEMORY_MODE_WRITABLE = 2;
/** HB_SUBSET_FLAGS_NO_HINTING: screen hinting instructions are dropped (a third of the bytes; renderers scale outlines anyway). */
const FLAG_NO_HINTING = 0x1;

/** `font` (TTF bytes) cut down to the code points of `text`; throws when HarfBuzz cannot subset it. */
export async function subsetFont(font: Uint8Array, text: string, loc?: AppLocation): Promise<Uint8Array> {
  const hb = await harfbuzz(loc);
  const fontPtr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error('the font subsetter could not start');
    hb.hb_subset_input_set_flags(input, FLAG_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('the font could not be subset');
    const result = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(result);
    const data = hb.hb_blob_get_data(result, 0);
    // Copied out before anything else runs: the wasm memory may grow (and move) on the next call.
    const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('the font subset came out empty');
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontPtr);
  }
}
