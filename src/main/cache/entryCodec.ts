// The bytes of one cache entry: a fixed header (magic, layout, lengths, SHA-256 of everything after
// it but an import's file image, which has a SHA-256 of its own), a JSON description, then blocks,
// each 8-byte aligned so a typed array reads straight into a buffer of its own. The columns are
// written by walking EventColumns, whatever columns it has.
import type { EventColumns } from '../../shared/dataset/columns';
import { ColumnsBuilder } from '../../shared/dataset/columns';

export const ENTRY_MAGIC = 'FLCACHE\0';
/** Bumped whenever the layout below changes: an entry of another layout is foreign. */
export const ENTRY_LAYOUT = 1;
export const HEADER_BYTES = 64;
/** A description longer than this is not ours (it holds no data, only where the data is). */
export const MAX_META_BYTES = 1024 * 1024;
export const ALIGN = 8;

/** Typed arrays a block may hold. */
export const ARRAY_TYPES = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array
} as const;
export type ArrayTypeName = keyof typeof ARRAY_TYPES;
export type AnyTypedArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** Where a block is: bytes from the start of the blocks (after the description), and what it holds. */
export interface BlockSpec {
  readonly type: ArrayTypeName;
  /** Elements. */
  readonly length: number;
  readonly offset: number;
}

/** The columns' object, with each typed array replaced by its block's index ('b') and each scalar kept ('v'). */
export type ShapeNode = { readonly b: number } | { readonly v: number | string | boolean } | { readonly o: { readonly [key: string]: ShapeNode } };

/** What an entry says of itself, as JSON after the header. */
export interface EntryMeta {
  /** Who wrote it (app, build, layout): any other stamp is foreign. */
  readonly stamp: string;
  /** The columns' keys and array types when it was written (see columnShape). */
  readonly columnShape: string;
  /** The file's path, name and how it was read (see entryKey). */
  readonly key: string;
  /** The file as it was read: an entry serves only a file with the same size, time and content. */
  readonly source: { readonly size: number; readonly mtimeMs: number; readonly sha256: string };
  readonly kind: 'opened' | 'needs-review';
  readonly blocks: readonly BlockSpec[];
  /** Block (bytes) of the rest, V8-serialised: header, warnings, rows left out, counts, format. */
  readonly info: number;
  readonly columns: ShapeNode;
  /** Block of the file image's event ranges. */
  readonly ranges: number;
  /**
   * The file image's bytes: a stretch of the file itself (a native file), or the last block (an
   * import's converted image), which the header's checksum leaves out: it is read and checked
   * against its own SHA-256 only when needed, after the timeline shows.
   */
  readonly image: { readonly block: number; readonly sha256: string } | { readonly file: { readonly offset: number; readonly length: number } };
}

export const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

function typeName(value: unknown): ArrayTypeName | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  for (const name of Object.keys(ARRAY_TYPES) as ArrayTypeName[]) if (value instanceof ARRAY_TYPES[name]) return name;
  return undefined;
}

/**
 * The shape of a columns object: its keys in order with each typed array's type, scalars as their
 * type, nested objects (string tables) in braces. Throws on anything else (it could not be cached).
 */
export function columnShape(columns: object): string {
  return Object.entries(columns)
    .map(([key, value]) => {
      const type = typeName(value);
      if (type) return `${key}:${type}`;
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return `${key}:${typeof value}`;
      if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return `${key}{${columnShape(value as object)}}`;
      throw new TypeError(`column ${key} is neither a typed array, a number, a string nor an object of those`);
    })
    .join(',');
}

let current: string | undefined;
/** The shape of the columns this build makes (an entry of another shape is foreign). */
export function currentColumnShape(): string {
  current ??= columnShape(new ColumnsBuilder().finish(() => []).columns);
  return current;
}

/** Walk the columns: their shape with block indices, the typed arrays in block order. */
export function splitColumns(columns: EventColumns, firstBlock: number): { shape: ShapeNode; arrays: AnyTypedArray[] } {
  const arrays: AnyTypedArray[] = [];
  const walk = (value: unknown, key: string): ShapeNode => {
    if (typeName(value)) {
      arrays.push(value as AnyTypedArray);
      return { b: firstBlock + arrays.length - 1 };
    }
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { v: value };
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return { o: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)])) };
    }
    throw new TypeError(`column ${key} cannot be cached`);
  };
  return { shape: walk(columns, 'columns'), arrays };
}

/** The columns back from their shape and the arrays read from the blocks. */
export function joinColumns(shape: ShapeNode, arrays: readonly AnyTypedArray[]): EventColumns {
  const build = (node: ShapeNode): unknown => {
    if ('b' in node) {
      const array = arrays[node.b];
      if (!array) throw new RangeError(`no block ${node.b}`);
      return array;
    }
    if ('v' in node) return node.v;
    // fromEntries makes own properties, whatever the keys (never a prototype).
    return Object.fromEntries(Object.entries(node.o).map(([k, v]) => [k, build(v)]));
  };
  return build(shape) as EventColumns;
}

/** Bytes of a typed array, as written. */
export function bytesOf(array: AnyTypedArray): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Lay out an entry: the description (with each block's place filled in) and the blocks, 8-byte
 * aligned, in order. Returns the chunks to write after the header, and the description.
 */
export function layOut(meta: Omit<EntryMeta, 'blocks'>, blocks: readonly AnyTypedArray[]): { meta: EntryMeta; body: Uint8Array[] } {
  const specs: BlockSpec[] = [];
  let offset = 0;
  for (const block of blocks) {
    const type = typeName(block);
    if (!type) throw new TypeError('a block must be a typed array');
    specs.push({ type, length: block.length, offset });
    offset = align(offset + block.byteLength);
  }
  const full: EntryMeta = { ...meta, blocks: specs };
  const metaBytes = new TextEncoder().encode(JSON.stringify(full));
  const body: Uint8Array[] = [metaBytes, new Uint8Array(align(HEADER_BYTES + metaBytes.length) - HEADER_BYTES - metaBytes.length)];
  blocks.forEach((block, i) => {
    body.push(bytesOf(block));
    const end = specs[i]!.offset + block.byteLength;
    const next = i + 1 < specs.length ? specs[i + 1]!.offset : end;
    if (next > end) body.push(new Uint8Array(next - end));
  });
  return { meta: full, body };
}

/** Where the blocks start in the file, for a description of `metaLength` bytes. */
export const blocksStart = (metaLength: number): number => align(HEADER_BYTES + metaLength);

/** The fixed header: magic, layout, the description's length, the body's length and the checksum of all of it but an image block. */
export function entryHeader(metaLength: number, bodyLength: number, checksum: Uint8Array): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  header.set(new TextEncoder().encode(ENTRY_MAGIC), 0);
  const view = new DataView(header.buffer);
  view.setUint32(8, ENTRY_LAYOUT, true);
  view.setUint32(12, metaLength, true);
  view.setBigUint64(16, BigInt(bodyLength), true);
  header.set(checksum, 24);
  return header;
}

/** The fixed header read back, or why it is not an entry of ours. */
export function readHeader(header: Uint8Array, fileSize: number): { metaLength: number; checksum: Uint8Array } | { miss: string } {
  if (header.length < HEADER_BYTES) return { miss: 'shorter than its header' };
  if (new TextDecoder().decode(header.subarray(0, 8)) !== ENTRY_MAGIC) return { miss: 'not a cache entry' };
  const view = new DataView(header.buffer, header.byteOffset, HEADER_BYTES);
  if (view.getUint32(8, true) !== ENTRY_LAYOUT) return { miss: `of another layout (${view.getUint32(8, true)})` };
  const metaLength = view.getUint32(12, true);
  if (metaLength === 0 || metaLength > MAX_META_BYTES) return { miss: 'of impossible length' };
  if (view.getBigUint64(16, true) !== BigInt(fileSize - HEADER_BYTES)) return { miss: 'truncated or extended' };
  return { metaLength, checksum: header.slice(24, 56) };
}

/** The description parsed and checked for shape (not for what it says), or why it is not ours. */
export function parseMeta(bytes: Uint8Array): EntryMeta | { miss: string } {
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { miss: 'unreadable' };
  }
  const m = meta as Partial<EntryMeta> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    typeof m.stamp === 'string' &&
    typeof m.columnShape === 'string' &&
    typeof m.key === 'string' &&
    typeof m.source?.size === 'number' &&
    typeof m.source.mtimeMs === 'number' &&
    typeof m.source.sha256 === 'string' &&
    (m.kind === 'opened' || m.kind === 'needs-review') &&
    Array.isArray(m.blocks) &&
    m.blocks.every((b: BlockSpec) => b !== null && typeof b === 'object' && Object.hasOwn(ARRAY_TYPES, b.type) && Number.isSafeInteger(b.length) && b.length >= 0 && Number.isSafeInteger(b.offset) && b.offset % ALIGN === 0) &&
    typeof m.info === 'number' &&
    typeof m.ranges === 'number' &&
    m.columns !== null &&
    typeof m.columns === 'object' &&
    m.image !== null &&
    typeof m.image === 'object';
  return ok ? (m as EntryMeta) : { miss: 'of another shape' };
}
