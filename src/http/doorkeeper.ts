/**
 * Remembers, in a fixed 256 KB, whether a key was offered before: a cache admits an answer
 * only when its question comes again. Questions asked once (a new search text, a new
 * instant) are the most common misses, and keeping their answers only to evict them later
 * costs garbage collection on every one. A 32-bit hash per slot: a slot another key took
 * since makes a key look new again (one more build), and two keys with the same hash in
 * the same slot make a new one look seen (it is cached at once, as before).
 */
export class Doorkeeper {
  readonly #slots: Uint32Array
  readonly #mask: number

  /** `bits`: 2^bits slots. */
  constructor (bits = 16) {
    this.#slots = new Uint32Array(1 << bits)
    this.#mask = (1 << bits) - 1
  }

  /** Whether `key` was offered before; records it either way. */
  again (key: string): boolean {
    // FNV-1a over the UTF-16 code units; never 0, the empty slot.
    let hash = 0x811c9dc5
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
    hash = (hash >>> 0) || 1
    const slot = hash & this.#mask
    if (this.#slots[slot] === hash) return true
    this.#slots[slot] = hash
    return false
  }
}
