// Equality of columns and typed arrays for tests, byte by byte (toEqual compares typed arrays
// element by element through its generic equality: far too slow for megabytes).
import { expect } from 'vitest';
import type { EventColumns, StringTable } from '../../src/shared/dataset/columns';

/** Same type, same bytes. */
export function expectSameArray(actual: ArrayBufferView, expected: ArrayBufferView, what: string): void {
  expect(actual.constructor, what).toBe(expected.constructor);
  expect(actual.byteLength, what).toBe(expected.byteLength);
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const b = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  let first = -1;
  for (let i = 0; i < a.length && first < 0; i++) if (a[i] !== b[i]) first = i;
  expect(first, `${what}: first differing byte`).toBe(-1);
}

/** Every column the same, byte for byte. */
export function expectSameColumns(actual: EventColumns, expected: EventColumns): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(actual) as [string, unknown][]) {
    const other = (expected as unknown as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(value)) expectSameArray(value, other as ArrayBufferView, key);
    else if (value !== null && typeof value === 'object') {
      const table = value as StringTable;
      expectSameArray(table.bytes, (other as StringTable).bytes, `${key}.bytes`);
      expectSameArray(table.offsets, (other as StringTable).offsets, `${key}.offsets`);
    } else expect(value, key).toBe(other);
  }
}
