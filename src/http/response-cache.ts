import { LRUCache } from 'lru-cache'
import { Doorkeeper } from './doorkeeper.js'
import { isCurrent, weightOf, type Prepared } from './prepared.js'
import { templateWeight, type Template } from './templates.js'

/**
 * Filtered queries are endless: their answers, of every release, share this many bytes
 * (bodies counted twice, for their compressed copies); the least recently used go first.
 */
export const FILTERED_BYTES = 24 * 1024 * 1024
/** Status windows kept per question asked `?at=` (a week of a busy list has ~100). */
const MAX_WINDOWS = 256

type Held = Prepared | Template[]
const filtered = new LRUCache<string, Held>({
  maxSize: FILTERED_BYTES,
  sizeCalculation: (held) => Array.isArray(held) ? held.reduce((n, t) => n + templateWeight(t), 0) : weightOf(held)
})

/** Filtered answers are kept from their question's second time (doorkeeper.ts). */
const doorkeeper = new Doorkeeper()
let owners = 0
/** Answers kept for the life of their release (their bytes are the release's, not a cache's). */
const pinnedAnswers = new WeakSet<Prepared>()

/** Whether an answer is kept for the life of its release: a cache that holds it too adds no bytes. */
export function isPinned (prepared: Prepared): boolean {
  return pinnedAnswers.has(prepared)
}

/**
 * Prepared responses of one release: unfiltered lists and items are kept for the life of
 * the release, filtered queries (from their second time) in an LRU bounded by bytes and
 * shared by every release. An
 * entry is used only inside the time window it is right for. Answers about a given instant
 * (`?at=`) are kept per status window: every instant of a window shares one template.
 */
export class ResponseCache {
  readonly #pinned = new Map<string, Prepared>()
  /** Keys of this release in the shared LRU: a reloaded release's answers never mix with the new one's. */
  readonly #prefix = `${++owners}|`

  get (key: string, now: number): Prepared | undefined {
    const hit = this.#pinned.get(key) ?? filtered.get(this.#prefix + key) as Prepared | undefined
    return hit !== undefined && isCurrent(hit, now) ? hit : undefined
  }

  /** Keeps an answer: pinned ones for the life of the release, filtered ones once their question comes again. */
  set (key: string, prepared: Prepared, pinned: boolean): Prepared {
    if (pinned) {
      this.#pinned.set(key, prepared)
      pinnedAnswers.add(prepared)
    } else if (doorkeeper.again(this.#prefix + key)) filtered.set(this.#prefix + key, prepared)
    return prepared
  }

  /** The template of the status window `instant` falls in, if that window has been seen. */
  templateAt (key: string, instant: number): Template | undefined {
    const windows = filtered.get(this.#prefix + key) as Template[] | undefined
    return windows?.find((t) => instant >= t.from && instant < t.until)
  }

  /**
   * Keeps a template built for an instant. A window seen before (same end, same bytes) is
   * widened back to the instant instead: windows are learnt from the instants asked about.
   */
  addTemplate (key: string, template: Template): Template {
    const windows = filtered.get(this.#prefix + key) as Template[] | undefined ?? []
    const same = windows.find((t) => t.until === template.until && t.etag === template.etag)
    if (same !== undefined) {
      same.from = Math.min(same.from, template.from)
      return same
    }
    windows.push(template)
    if (windows.length > MAX_WINDOWS) windows.shift()
    // Set again, so the LRU counts the bytes it holds now.
    filtered.set(this.#prefix + key, windows)
    return template
  }
}

/** What the shared LRU holds: entries and bytes counted (for tests and the bench). */
export function filteredUsage (): { entries: number, bytes: number } {
  return { entries: filtered.size, bytes: filtered.calculatedSize }
}

const caches = new WeakMap<object, ResponseCache>()

/** The cache belonging to a release's catalogue; its pinned answers go with the catalogue. */
export function cacheFor (owner: object): ResponseCache {
  let cache = caches.get(owner)
  if (cache === undefined) {
    cache = new ResponseCache()
    caches.set(owner, cache)
  }
  return cache
}
