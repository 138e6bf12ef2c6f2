// Remembers event ids to find duplicates: an open-addressing hash table over typed arrays, sized
// once for the number of events. A JS Map of a million fresh strings spends its time growing.

export class IdRegistry {
  readonly #ids: string[] = [];
  readonly #index: number[] = [];
  #slots: Int32Array;
  #mask: number;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
  }

  /** Records `id` for event `index`; returns the index that already had it, or -1. */
  add(id: string, index: number): number {
    if (this.#ids.length * 2 >= this.#slots.length) this.#grow();
    let slot = hash(id) & this.#mask;
    for (;;) {
      const entry = this.#slots[slot]!;
      if (entry === -1) {
        this.#slots[slot] = this.#ids.length;
        this.#ids.push(id);
        this.#index.push(index);
        return -1;
      }
      if (this.#ids[entry] === id) return this.#index[entry]!;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Whether `id` was recorded. */
  has(id: string): boolean {
    let slot = hash(id) & this.#mask;
    for (;;) {
      const entry = this.#slots[slot]!;
      if (entry === -1) return false;
      if (this.#ids[entry] === id) return true;
      slot = (slot + 1) & this.#mask;
    }
  }

  #grow(): void {
    const size = this.#slots.length * 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    for (let k = 0; k < this.#ids.length; k++) {
      let slot = hash(this.#ids[k]!) & this.#mask;
      while (this.#slots[slot] !== -1) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = k;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
