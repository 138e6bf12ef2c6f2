// jsonSkeleton: skipping strings, values and containers in UTF-8 bytes, top-level members, array elements, scan errors with byte offsets, and byte → line/column.
import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../dataset/problems';
import { JsonDepthError, JsonScanError, MAX_JSON_DEPTH, depthMessage, forEachElement, jsonDepthOffset, lineColumnOfByte, lineStarts, scanArray, skipSpace, skipString, skipValue, topLevelMembers } from './jsonSkeleton';
import { prng } from '../../../tests/support/prng';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** The JsonScanError `fn` throws (fails the test when it throws nothing or something else). */
function scanError(fn: () => unknown): JsonScanError {
  try {
    fn();
  } catch (err) {
    if (err instanceof JsonScanError) return err;
    throw err;
  }
  throw new Error('expected a JsonScanError');
}

/** Elements of the array at byte `start`, as [start, end, index] triples. */
function elements(b: Uint8Array, start = 0): [number, number, number][] {
  const out: [number, number, number][] = [];
  forEachElement(b, start, (s, e, i) => {
    out.push([s, e, i]);
  });
  return out;
}


describe('skipString', () => {
  it('ends just past the closing quote', () => {
    expect(skipString(enc('"abc", 1'), 0)).toBe(5);
    expect(skipString(enc('""'), 0)).toBe(2);
    expect(skipString(enc('x "abc"'), 2)).toBe(7);
  });

  it('an escaped quote does not close the string', () => {
    // JSON "\"" is one quote character.
    const b = enc('"\\"" tail');
    expect(skipString(b, 0)).toBe(4);
    expect(JSON.parse(dec(b.subarray(0, 4)))).toBe('"');
    // "say \"hi\" now"
    const c = enc('"say \\"hi\\" now",');
    expect(skipString(c, 0)).toBe(c.length - 1);
    expect(JSON.parse(dec(c.subarray(0, c.length - 1)))).toBe('say "hi" now');
  });

  it('an escaped backslash before the quote does close the string', () => {
    // JSON "a\\" is `a` then one backslash; the quote after it closes the string.
    const b = enc('"a\\\\","b"');
    expect(skipString(b, 0)).toBe(5);
    expect(JSON.parse(dec(b.subarray(0, 5)))).toBe('a\\');
    // "\\\"" : a backslash then a quote, three backslashes before the last-but-one quote.
    const c = enc('"\\\\\\"" ');
    expect(skipString(c, 0)).toBe(6);
    expect(JSON.parse(dec(c.subarray(0, 6)))).toBe('\\"');
    // Four backslashes: two escaped backslashes, then the closing quote.
    const d = enc('"\\\\\\\\"');
    expect(skipString(d, 0)).toBe(d.length);
    expect(JSON.parse(dec(d))).toBe('\\\\');
  });

  it('passes over Arabic text (multi-byte UTF-8) and brackets, commas and braces inside strings', () => {
    const s = '"دير الزور ]},[{"';
    const b = enc(`${s}, 1`);
    expect(skipString(b, 0)).toBe(enc(s).length);
    expect(JSON.parse(dec(b.subarray(0, enc(s).length)))).toBe('دير الزور ]},[{');
  });

  it('an unterminated string is an error at its opening quote', () => {
    const err = scanError(() => skipString(enc('  "abc'), 2));
    expect(err.offset).toBe(2);
    expect(err.message).toBe('unfinished text (missing closing ")');
    // A final escaped quote does not close it either.
    expect(scanError(() => skipString(enc('"abc\\"'), 0)).offset).toBe(0);
  });
});

describe('skipValue', () => {
  it('numbers, true, false and null end at the next delimiter', () => {
    expect(skipValue(enc('-1.5e+3,'), 0)).toBe(7);
    expect(skipValue(enc('0]'), 0)).toBe(1);
    expect(skipValue(enc('true}'), 0)).toBe(4);
    expect(skipValue(enc('false '), 0)).toBe(5);
    expect(skipValue(enc('null\r\n'), 0)).toBe(4);
    expect(skipValue(enc('null\t'), 0)).toBe(4);
    expect(skipValue(enc('12345'), 0)).toBe(5);
  });

  it('skips nested arrays and objects whole, brackets in strings included', () => {
    const v = '{"a": [1, {"b": "]}"}, [[]]], "c": {"d": {}}, "e": "\\"}"}';
    const b = enc(`${v} , 9`);
    expect(skipValue(b, 0)).toBe(enc(v).length);
    expect(JSON.parse(dec(b.subarray(0, enc(v).length)))).toEqual({ a: [1, { b: ']}' }, [[]]], c: { d: {} }, e: '"}' });
    expect(skipValue(enc('[[1, [2]], {"x": [3]}] ,'), 0)).toBe(22);
  });

  it('skips empty containers', () => {
    expect(skipValue(enc('{}'), 0)).toBe(2);
    expect(skipValue(enc('[]'), 0)).toBe(2);
    expect(skipValue(enc('[ \r\n ]'), 0)).toBe(6);
  });

  it('a missing closing bracket or brace is an error at the opening one', () => {
    const err = scanError(() => skipValue(enc('  [1, [2, 3]'), 2));
    expect(err.offset).toBe(2);
    expect(err.message).toBe('expected "]"');
    const obj = scanError(() => skipValue(enc('{"a": {"b": 1}'), 0));
    expect(obj.offset).toBe(0);
    expect(obj.message).toBe('expected "}"');
  });

  it('nothing where a value should be is an error', () => {
    expect(scanError(() => skipValue(enc(''), 0))).toMatchObject({ offset: 0, message: 'expected a value' });
    expect(scanError(() => skipValue(enc('[1,'), 3))).toMatchObject({ offset: 3, message: 'expected a value' });
    expect(scanError(() => skipValue(enc(', 1'), 0))).toMatchObject({ offset: 0, message: 'expected a value' });
  });
});

describe('skipSpace', () => {
  it('skips spaces, tabs, CR and LF only', () => {
    expect(skipSpace(enc(' \t\r\n x'), 0)).toBe(5);
    expect(skipSpace(enc('x'), 0)).toBe(0);
    expect(skipSpace(enc('   '), 0)).toBe(3);
    // A non-breaking space is not JSON whitespace.
    expect(skipSpace(enc('\u00a0'), 0)).toBe(0);
  });
});

describe('topLevelMembers', () => {
  it('lists members in order with the offsets of their keys and values', () => {
    const text = '{"a": 1, "bb": [1, 2], "c": {"d": "x"}, "e": "\\"q\\""}';
    const b = enc(text);
    const { members, start, end } = topLevelMembers(b);
    expect(start).toBe(0);
    expect(end).toBe(b.length);
    expect(members.map((m) => m.key)).toEqual(['a', 'bb', 'c', 'e']);
    for (const m of members) {
      expect(b[m.keyOffset]).toBe(0x22);
      expect(JSON.parse(dec(b.subarray(m.valueStart, m.valueEnd)))).toEqual((JSON.parse(text) as Record<string, unknown>)[m.key]);
    }
    expect(members[0]).toEqual({ key: 'a', keyOffset: 1, valueStart: 6, valueEnd: 7 });
  });

  it('decodes escaped keys and keys in Arabic', () => {
    const text = '{"a\\"b": 1, "\\u00e9t\\u00e9": 2, "مكان": "دير الزور"}';
    const b = enc(text);
    const { members } = topLevelMembers(b);
    expect(members.map((m) => m.key)).toEqual(['a"b', 'été', 'مكان']);
    const last = members[2]!;
    expect(JSON.parse(dec(b.subarray(last.valueStart, last.valueEnd)))).toBe('دير الزور');
    expect(last.keyOffset).toBe(enc('{"a\\"b": 1, "\\u00e9t\\u00e9": 2, ').length);
  });

  it('keeps duplicate keys (judging them is the loader\'s job)', () => {
    expect(topLevelMembers(enc('{"a": 1, "a": 2}')).members.map((m) => m.key)).toEqual(['a', 'a']);
  });

  it('accepts an empty object, with or without whitespace', () => {
    expect(topLevelMembers(enc('{}'))).toEqual({ members: [], start: 0, end: 2 });
    expect(topLevelMembers(enc(' \r\n{ \r\n}\r\n '))).toEqual({ members: [], start: 3, end: 8 });
  });

  it('accepts whitespace and CRLF everywhere JSON allows it', () => {
    const text = '\r\n {\r\n\t"a" :\t1 ,\r\n  "b"\r\n:\r\n[ ]\r\n,"c":null}\r\n\r\n';
    const { members } = topLevelMembers(enc(text));
    expect(members.map((m) => m.key)).toEqual(['a', 'b', 'c']);
    expect(members.map((m) => dec(enc(text).subarray(m.valueStart, m.valueEnd)))).toEqual(['1', '[ ]', 'null']);
  });

  it('reports an empty file at offset 0 and a blank one at its end', () => {
    expect(scanError(() => topLevelMembers(enc('')))).toMatchObject({ offset: 0, message: 'the file is empty' });
    expect(scanError(() => topLevelMembers(enc(' \n\t')))).toMatchObject({ offset: 3, message: 'the file is empty' });
  });

  it('reports a top level that is not an object where it starts', () => {
    expect(scanError(() => topLevelMembers(enc('  [1]')))).toMatchObject({ offset: 2, message: 'expected an object "{" at the top' });
    expect(scanError(() => topLevelMembers(enc('"x"')))).toMatchObject({ offset: 0 });
  });

  it('reports a missing comma at the key that follows', () => {
    const text = '{"a": 1\n "b": 2}';
    expect(scanError(() => topLevelMembers(enc(text)))).toMatchObject({ offset: text.indexOf('"b"'), message: 'expected "," between items' });
  });

  it('reports a missing colon, an unquoted key and a trailing comma', () => {
    expect(scanError(() => topLevelMembers(enc('{"a" 1}')))).toMatchObject({ offset: 5, message: 'expected ":"' });
    expect(scanError(() => topLevelMembers(enc('{a: 1}')))).toMatchObject({ offset: 1, message: 'expected a field name in double quotes' });
    expect(scanError(() => topLevelMembers(enc('{"a": 1, }')))).toMatchObject({ offset: 9, message: 'expected a field name in double quotes' });
  });

  it('reports an unterminated string at its opening quote', () => {
    expect(scanError(() => topLevelMembers(enc('{"a": "abc}')))).toMatchObject({ offset: 6, message: 'unfinished text (missing closing ")' });
    expect(scanError(() => topLevelMembers(enc('{"ab')))).toMatchObject({ offset: 1 });
  });

  it('reports a missing closing bracket of a member at its opening bracket', () => {
    expect(scanError(() => topLevelMembers(enc('{"events": [1, [2]')))).toMatchObject({ offset: 11, message: 'expected "]"' });
  });

  it('reports a missing closing brace at the end of the data', () => {
    const text = '{"a": 1';
    expect(scanError(() => topLevelMembers(enc(text)))).toMatchObject({ offset: text.length, message: 'expected "," between items' });
  });

  it('reports text after the end of the data where it starts', () => {
    const text = '{"a": 1}\n  x';
    expect(scanError(() => topLevelMembers(enc(text)))).toMatchObject({ offset: text.indexOf('x'), message: 'unexpected text after the end of the data' });
    expect(topLevelMembers(enc('{"a": 1}  \r\n')).members).toHaveLength(1);
  });

  it('reports text after an empty top-level object too', () => {
    // Source bug: topLevelMembers returns early for "{}" without looking past it.
    expect(scanError(() => topLevelMembers(enc('{} x')))).toMatchObject({ offset: 3, message: 'unexpected text after the end of the data' });
    expect(scanError(() => topLevelMembers(enc('{}{}')))).toMatchObject({ offset: 2 });
  });

  it('agrees with JSON.parse on generated documents full of escapes and nesting', () => {
    const random = prng(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const piece = ['a', '\\', '"', ']', '}', '[', '{', ',', ':', 'دير', '\n', ' ', '\u00e9', '😀', '\\\\'];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([0, -1.5, 1e21, true, false, null, Array.from({ length: Math.floor(random() * 6) }, () => pick(piece)).join('')]);
      if (r < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}${pick(piece)}`, value(depth + 1)]));
    };
    for (let n = 0; n < 200; n++) {
      const doc = Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => [`m${i}${pick(piece)}`, value(0)]));
      const text = JSON.stringify(doc, null, random() < 0.5 ? 2 : undefined);
      const b = enc(text);
      const { members } = topLevelMembers(b);
      expect(members.map((m) => m.key)).toEqual(Object.keys(doc));
      for (const m of members) expect(JSON.parse(dec(b.subarray(m.valueStart, m.valueEnd)))).toEqual(doc[m.key]);
    }
  });
});

describe('topLevelMembers with elementsOf', () => {
  const text = '{"format": "x", "events": [ {"id": "a"}, [1, "]"], "b\\"" ], "n": 1}';
  const b = enc(text);

  it('reports the elements of the named member as it scans, and still lists every member', () => {
    const seen: [number, number, number][] = [];
    const withElements = topLevelMembers(b, { key: 'events', each: (s, e, i) => void seen.push([s, e, i]) });
    expect(withElements).toEqual(topLevelMembers(b));
    expect(seen.map(([s, e]) => JSON.parse(dec(b.subarray(s, e))))).toEqual([{ id: 'a' }, [1, ']'], 'b"']);
    expect(seen.map(([, , i]) => i)).toEqual([0, 1, 2]);
    expect(seen).toEqual(elements(b, text.indexOf('[ ')));
  });

  it('calls nothing for a member that is not an array, or for an empty array', () => {
    const calls: number[] = [];
    topLevelMembers(enc('{"events": {"a": [1]}, "x": []}'), { key: 'events', each: (_s, _e, i) => void calls.push(i) });
    topLevelMembers(enc('{"events": []}'), { key: 'events', each: (_s, _e, i) => void calls.push(i) });
    expect(calls).toEqual([]);
  });

  it('reports a trailing comma in that array at its closing bracket', () => {
    const bad = '{"events": [1, 2, ], "n": 1}';
    expect(scanError(() => topLevelMembers(enc(bad), { key: 'events', each: () => {} }))).toMatchObject({ offset: bad.indexOf(']'), message: 'expected a value (no comma after the last item)' });
  });

  it('reports a missing comma in that array where the next element starts', () => {
    const bad = '{"events": [{"id": "a"} {"id": "b"}]}';
    expect(scanError(() => topLevelMembers(enc(bad), { key: 'events', each: () => {} }))).toMatchObject({ offset: bad.indexOf('{"id": "b"}'), message: 'expected "," between items' });
  });
});

describe('scanArray', () => {
  it('returns the offset just past the closing bracket, visiting every element', () => {
    const text = '[1, {"a": "]"}, [2]] , 5';
    const visited: string[] = [];
    const b = enc(text);
    expect(scanArray(b, 0, (s, e) => void visited.push(dec(b.subarray(s, e))))).toBe(text.indexOf(' ,'));
    expect(visited).toEqual(['1', '{"a": "]"}', '[2]']);
  });

  it('an empty array ends at its bracket', () => {
    expect(scanArray(enc('[ \r\n ] x'), 0, () => {
      throw new Error('no element expected');
    })).toBe(6);
  });

  it('reports a missing closing bracket at the end of the data', () => {
    expect(scanError(() => scanArray(enc('[1, 2'), 0, () => {}))).toMatchObject({ offset: 5, message: 'expected "," between items' });
  });
});

describe('forEachElement', () => {
  it('visits every element with its range and index, and returns the count', () => {
    const text = '[1, "a,b", {"c": [2, 3]}, [], null, "\\"]"]';
    const b = enc(text);
    const seen = elements(b);
    expect(seen.map(([s, e]) => JSON.parse(dec(b.subarray(s, e))))).toEqual(JSON.parse(text));
    expect(seen.map(([, , i]) => i)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(forEachElement(b, 0, () => {})).toBe(6);
  });

  it('an empty array has no elements', () => {
    expect(forEachElement(enc('[]'), 0, () => {
      throw new Error('no element expected');
    })).toBe(0);
    expect(forEachElement(enc('[ \r\n\t]'), 0, () => {})).toBe(0);
  });

  it('starts at the given bracket, inside a larger document', () => {
    const text = '{"events": [ {"id": "a"} ,\r\n {"id": "b"}\r\n], "x": 1}';
    const b = enc(text);
    const events = topLevelMembers(b).members.find((m) => m.key === 'events')!;
    const seen = elements(b, events.valueStart);
    expect(seen.map(([s, e]) => JSON.parse(dec(b.subarray(s, e))))).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('stops early when the callback returns false', () => {
    const visited: number[] = [];
    expect(forEachElement(enc('[1, 2, 3, 4]'), 0, (_s, _e, i) => {
      visited.push(i);
      return i < 1;
    })).toBe(-1);
    expect(visited).toEqual([0, 1]);
  });

  it('refuses a value that is not an array', () => {
    expect(scanError(() => forEachElement(enc('{"a": 1}'), 0, () => {}))).toMatchObject({ offset: 0, message: 'expected a list "["' });
  });

  it('reports a trailing comma in the events array at the closing bracket', () => {
    const text = '{"events": [\n  {"id": "a"},\n  {"id": "b"},\n]}';
    const b = enc(text);
    const visited: number[] = [];
    const err = scanError(() => forEachElement(b, text.indexOf('['), (_s, _e, i) => void visited.push(i)));
    expect(err.offset).toBe(text.lastIndexOf(']'));
    expect(err.message).toBe('expected a value (no comma after the last item)');
    // The elements before the comma were visited.
    expect(visited).toEqual([0, 1]);
  });

  it('reports a missing comma between elements where the next element starts', () => {
    const text = '[{"id": "a"}\n {"id": "b"}]';
    expect(scanError(() => forEachElement(enc(text), 0, () => {}))).toMatchObject({ offset: text.indexOf('{"id": "b"}'), message: 'expected "," between items' });
  });

  it('reports a missing closing bracket at the end of the data', () => {
    const text = '[1, 2';
    expect(scanError(() => forEachElement(enc(text), 0, () => {}))).toMatchObject({ offset: text.length, message: 'expected "," between items' });
    expect(scanError(() => forEachElement(enc('['), 0, () => {}))).toMatchObject({ offset: 1, message: 'expected a value' });
  });

  it('reports a leading or doubled comma as a missing value', () => {
    expect(scanError(() => forEachElement(enc('[,1]'), 0, () => {}))).toMatchObject({ offset: 1, message: 'expected a value' });
    expect(scanError(() => forEachElement(enc('[1,,2]'), 0, () => {}))).toMatchObject({ offset: 3, message: 'expected a value' });
  });

  it('reports an unterminated string inside an element at its opening quote', () => {
    const text = '[{"id": "a"}, {"id": "b}]';
    expect(scanError(() => forEachElement(enc(text), 0, () => {}))).toMatchObject({ offset: text.indexOf('"b'), message: 'unfinished text (missing closing ")' });
  });
});

describe('lineStarts', () => {
  it('lists the offset of every line start', () => {
    expect([...lineStarts(enc(''))]).toEqual([0]);
    expect([...lineStarts(enc('abc'))]).toEqual([0]);
    expect([...lineStarts(enc('a\nb\r\nc\n'))]).toEqual([0, 2, 5, 7]);
    expect([...lineStarts(enc('\n\n'))]).toEqual([0, 1, 2]);
  });

  it('counts bytes, not characters', () => {
    // "دير" is 3 characters, 6 bytes.
    expect([...lineStarts(enc('دير\nx'))]).toEqual([0, 7]);
  });
});

describe('lineColumnOfByte', () => {
  const at = (text: string, byteOffset: number) => {
    const b = enc(text);
    return lineColumnOfByte(b, lineStarts(b), byteOffset);
  };

  it('is 1-based', () => {
    expect(at('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(at('abc', 2)).toEqual({ line: 1, column: 3 });
    expect(at('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(at('ab\ncd', 2)).toEqual({ line: 1, column: 3 }); // the newline itself
  });

  it('counts columns in characters on lines with Arabic text', () => {
    const text = '{\n  "name": "دير الزور", "x": 1\n}';
    const b = enc(text);
    const xByte = b.length - enc('"x": 1\n}').length;
    const xChar = text.indexOf('"x"');
    expect(xByte).toBeGreaterThan(xChar); // the Arabic letters take two bytes each
    expect(lineColumnOfByte(b, lineStarts(b), xByte)).toEqual({ line: 2, column: xChar - text.indexOf('\n') });
    expect(lineColumnOfByte(b, lineStarts(b), xByte)).toEqual(lineColumnAt(text, xChar));
  });

  it('treats CRLF as one line break (the CR is the last column)', () => {
    expect(at('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
    expect(at('ab\r\ncd', 2)).toEqual({ line: 1, column: 3 });
  });

  it('handles an offset at or past the end', () => {
    expect(at('ab\nc', 4)).toEqual({ line: 2, column: 2 });
    expect(at('ab\nc', 100)).toEqual({ line: 2, column: 2 });
    expect(at('', 0)).toEqual({ line: 1, column: 1 });
  });

  it('agrees with lineColumnAt on the decoded text at every character boundary', () => {
    const text = 'é\r\n  "دير الزور":\t[1, "😀 x"]\n\n  ق\n}';
    const b = enc(text);
    const starts = lineStarts(b);
    let byte = 0;
    for (let char = 0; char <= text.length; ) {
      expect(lineColumnOfByte(b, starts, byte), `char ${char}`).toEqual(lineColumnAt(text, char));
      if (char === text.length) break;
      const cp = text.codePointAt(char)!;
      const units = cp > 0xffff ? 2 : 1;
      byte += enc(String.fromCodePoint(cp)).length;
      char += units;
    }
  });
});

describe('nesting depth', () => {
  const nest = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
  const nestObjects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

  it('skips a value nested up to the limit and refuses one level more, where it goes too deep', () => {
    expect(skipValue(enc(nest(MAX_JSON_DEPTH)), 0)).toBe(2 * MAX_JSON_DEPTH);
    const err = scanError(() => skipValue(enc(nest(MAX_JSON_DEPTH + 1)), 0));
    expect(err).toBeInstanceOf(JsonDepthError);
    expect(err.offset).toBe(MAX_JSON_DEPTH);
    expect(err.message).toBe(depthMessage());
    expect(scanError(() => skipValue(enc(nestObjects(MAX_JSON_DEPTH + 1)), 0))).toBeInstanceOf(JsonDepthError);
  });

  it('ten thousand levels in a 20 KB document end in a clear error naming the member, not a stack overflow', () => {
    const doc = `{"metadata": {"title": "t"}, "sources": ${nest(10_000)}}`;
    const err = scanError(() => topLevelMembers(enc(doc)));
    expect(err).toBeInstanceOf(JsonDepthError);
    expect(err.field).toBe('sources');
    // The top object counts: its member may nest MAX_JSON_DEPTH - 1 levels.
    expect(err.offset).toBe(doc.indexOf('[') + MAX_JSON_DEPTH - 1);
    expect(() => topLevelMembers(enc(`{"a": ${nest(MAX_JSON_DEPTH - 1)}}`))).not.toThrow();
  });

  it('names the item of the scanned array that goes too deep', () => {
    const doc = `{"events": [{"id": "a"}, {"id": "b", "x": ${nestObjects(10_000)}}]}`;
    const seen: number[] = [];
    const err = scanError(() => topLevelMembers(enc(doc), { key: 'events', each: (_s, _e, i) => void seen.push(i) }));
    expect(err).toBeInstanceOf(JsonDepthError);
    expect(err.field).toBe('events[1]');
    expect(seen).toEqual([0]);
    // An event may nest MAX_JSON_DEPTH - 2 levels (the top object and the list hold it).
    expect(() => topLevelMembers(enc(`{"events": [${nest(MAX_JSON_DEPTH - 2)}]}`), { key: 'events', each: () => {} })).not.toThrow();
    expect(scanError(() => topLevelMembers(enc(`{"events": [${nest(MAX_JSON_DEPTH - 1)}]}`), { key: 'events', each: () => {} })).field).toBe('events[0]');
  });

  it('jsonDepthOffset finds the first place text nests too deep, ignoring brackets inside strings', () => {
    expect(jsonDepthOffset(nest(MAX_JSON_DEPTH))).toBe(-1);
    expect(jsonDepthOffset(nest(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    const inText = `{"a": "${'['.repeat(500)}\\"${'{'.repeat(500)}", "b": [1]}`;
    expect(jsonDepthOffset(inText)).toBe(-1);
    expect(jsonDepthOffset(`["\\\\", ${nest(3)}]`, 3)).toBe(9);
    expect(jsonDepthOffset(nest(100_000))).toBe(MAX_JSON_DEPTH);
  });
});
