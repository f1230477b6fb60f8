/** Slots of the first table; it doubles when half full, so a look-up probes one or two slots mostly. */
const FIRST_SLOTS = 1 << 10;
const EMPTY = -1;

/** A table of `count` slots, all empty: two numbers per slot. */
const emptySlots = (count: number) => new Int32Array(count * 2).fill(EMPTY);

/** FNV-1a over a text's UTF-16 units: a few nanoseconds for a ticket key. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0; // as an Int32Array slot holds it, the empty text included
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Keys (tickets) numbered 0, 1, 2… in the order they are added, found by a hash of their characters in an
 * open-addressing table held in one typed array. A row's key is a new string each time: a `Map` hashes it through the runtime
 * and then chases its entry and stored key across a large table (two to three times the CPU of this look-up, measured
 * on 192,000 and 769,000 keys); here the hash is computed in line and the table holds numbers.
 */
export class KeyNumbers {
  /** Per slot, two numbers side by side (one cache line): its key's number (-1: empty) and its key's hash, so a probe compares texts only when the hashes agree. */
  private slots = emptySlots(FIRST_SLOTS);
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The key's number, or -1 when it has none. */
  find(key: string): number {
    const hash = hashOf(key);
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let at = (hash << 1) & mask; ; at = (at + 2) & mask) {
      const number = slots[at];
      if (number === EMPTY || (slots[at + 1] === hash && this.keys[number] === key)) return number;
    }
  }

  /** Numbers a key that has no number yet and returns it; the key is kept as a copy (a row's cell may be a slice of a large chunk). */
  add(key: string): number {
    const number = this.keys.length;
    this.keys.push((' ' + key).slice(1));
    if (this.keys.length * 4 > this.slots.length) this.grow();
    this.place(hashOf(key), number);
    return number;
  }

  /** Forgets every key (their memory is freed). */
  clear(): void {
    this.slots = emptySlots(FIRST_SLOTS);
    this.keys.length = 0;
  }

  /** The key numbered `number` (the copy kept). */
  keyOf(number: number): string {
    return this.keys[number];
  }

  private place(hash: number, number: number): void {
    const slots = this.slots;
    const mask = slots.length - 2;
    let at = (hash << 1) & mask;
    while (slots[at] !== EMPTY) at = (at + 2) & mask;
    slots[at] = number;
    slots[at + 1] = hash;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== EMPTY) this.place(old[at + 1], old[at]);
  }
}
