import { LRUCache } from 'lru-cache'
import { isCurrent, type Prepared } from './prepared.js'

/** Filtered queries are endless; only this many of their answers are kept per release. */
const FILTERED_ENTRIES = 2000

/**
 * Prepared responses of one release: unfiltered lists and items are kept for the life of
 * the release, filtered queries in a bounded LRU. An entry is used only inside the time
 * window it is right for.
 */
export class ResponseCache {
  readonly #pinned = new Map<string, Prepared>()
  readonly #filtered = new LRUCache<string, Prepared>({ max: FILTERED_ENTRIES })

  get (key: string, now: number): Prepared | undefined {
    const hit = this.#pinned.get(key) ?? this.#filtered.get(key)
    return hit !== undefined && isCurrent(hit, now) ? hit : undefined
  }

  set (key: string, prepared: Prepared, pinned: boolean): Prepared {
    if (pinned) this.#pinned.set(key, prepared)
    else this.#filtered.set(key, prepared)
    return prepared
  }

  get size (): number {
    return this.#pinned.size + this.#filtered.size
  }
}

const caches = new WeakMap<object, ResponseCache>()

/** The cache belonging to a release's catalogue; it is dropped with the catalogue. */
export function cacheFor (owner: object): ResponseCache {
  let cache = caches.get(owner)
  if (cache === undefined) {
    cache = new ResponseCache()
    caches.set(owner, cache)
  }
  return cache
}
