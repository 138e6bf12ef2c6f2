// The JSON text of events, exactly as JSON.stringify writes it, made faster for the many events of
// an import: the text of an object met again (a date, a citation list, a figure that importers
// share between thousands of events) is reused, and plain strings are quoted without the
// builtin's general path.

/** Characters a JSON string must escape (and lone surrogates, which JSON.stringify escapes). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Objects whose text is remembered, at most: past this, new ones are written each time. */
const MAX_REMEMBERED = 65_536;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * Writes events as JSON text identical to JSON.stringify(event). The text of every object inside
 * an event (not the event itself, not the lists it holds directly, which are mostly its own) is
 * remembered by identity, so such an object must not change once written: events are written
 * after they have been validated (which cleans them in place) and are never changed after.
 */
export class EventJsonWriter {
  readonly #objects = new Map<object, string>();
  readonly #keys = new Map<string, string>();

  /** JSON.stringify(event), for a plain object. */
  text(event: object): string {
    if (Object.getPrototypeOf(event) !== Object.prototype || typeof (event as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(event);
    const e = event as Record<string, unknown>;
    let out = '';
    // for…in over a plain object visits its own enumerable keys in JSON.stringify's order.
    for (const key in e) {
      const v = e[key];
      let text: string;
      if (typeof v === 'string') text = quote(v);
      else if (Array.isArray(v)) text = this.#list(v);
      else if (v !== null && typeof v === 'object') text = this.#object(v);
      else {
        const t = JSON.stringify(v) as string | undefined;
        // undefined (and functions, symbols) leave the key out, as JSON.stringify does.
        if (t === undefined) continue;
        text = t;
      }
      out += `${out === '' ? '{' : ','}${this.#key(key)}${text}`;
    }
    return out === '' ? '{}' : `${out}}`;
  }

  #key(key: string): string {
    let k = this.#keys.get(key);
    if (k === undefined) {
      k = `${JSON.stringify(key)}:`;
      this.#keys.set(key, k);
    }
    return k;
  }

  #list(list: readonly unknown[]): string {
    if (Object.getPrototypeOf(list) !== Array.prototype) return JSON.stringify(list);
    let out = '[';
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (i > 0) out += ',';
      if (typeof v === 'string') out += quote(v);
      else if (v !== null && typeof v === 'object') out += this.#object(v);
      // undefined, functions and symbols are null in a list.
      else out += (JSON.stringify(v) as string | undefined) ?? 'null';
    }
    return `${out}]`;
  }

  #object(o: object): string {
    let t = this.#objects.get(o);
    if (t === undefined) {
      t = JSON.stringify(o);
      if (this.#objects.size < MAX_REMEMBERED) this.#objects.set(o, t);
    }
    return t;
  }
}
