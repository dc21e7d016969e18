import { hash } from 'node:crypto'
import { improveLater } from './background-compression.js'
import { compressSync, crcOf, finishStream, type Encoding, type Level } from './compression.js'

export type { Encoding } from './compression.js'

/** Bodies smaller than this are sent as they are: compressing them saves nothing. */
const MIN_COMPRESS_BYTES = 512

/**
 * Compressed copies of some bytes, shared by every answer built on them: a whole body, or
 * the head that the answers made from one template share (then the copies are open
 * streams, finished per answer by `finishStream`). A copy is made when a client first asks
 * for that encoding, at the fast level; once the bytes are asked for again, both are remade
 * at the best level in the background.
 */
export class Compressed {
  copies: Partial<Record<Encoding, Buffer>> = {}
  /** Bumped when the copies are replaced by better ones, so anything built on the old ones is rebuilt. */
  version = 0
  /** The encodings whose copy is at the best level already. */
  readonly bestOf = new Set<Encoding>()
  queued = false
  uses = 0
  #crc: number | undefined

  constructor (readonly bytes: Buffer, readonly open: boolean) {}

  /** Both copies are at the best level. */
  get best (): boolean {
    return this.bestOf.size === 2
  }

  /**
   * The copy in one encoding, made now if there is none yet: at the fast level for a client
   * waiting for it, at the best level for the server's own requests (warm-up, static export).
   */
  copy (encoding: Encoding, level: Level = 'fast'): Buffer {
    if (level === 'best' && !this.bestOf.has(encoding)) {
      this.copies[encoding] = compressSync(this.bytes, encoding, 'best', this.open)
      this.bestOf.add(encoding)
      this.version++
    }
    this.copies[encoding] ??= compressSync(this.bytes, encoding, 'fast', this.open)
    return this.copies[encoding]
  }

  /** crc32 of the bytes, for the gzip trailer of an answer finished from an open copy. */
  get crc (): number {
    this.#crc ??= crcOf(this.bytes)
    return this.#crc
  }
}

/**
 * A response prepared once and served many times: the bytes, a strong ETag, and
 * compressed copies made on first use. Data changes only with a release (or, for open-now
 * answers, when a status window ends), so nothing is re-serialised per request.
 */
export interface Prepared {
  readonly body: Buffer
  readonly etag: string
  readonly contentType: string
  /** From when the bytes are right (ms since epoch). */
  readonly validFrom: number
  /** Until when they are right (ms since epoch); null: until the release changes. */
  readonly validUntil: number | null
  /** The compressed copies: of the whole body, or of its head when `tail` holds the rest. */
  readonly shared: Compressed
  /** The bytes after the shared head (an answer filled in from a template), sent stored in its compressed forms. */
  readonly tail: Buffer | null
  /** This answer's own compressed bytes, finished from the shared head, and the head's version they were made from. */
  readonly finished: Partial<Record<Encoding, { version: number, bytes: Buffer }>>
}

/** A strong ETag for some bytes (or for what names them, e.g. a template's ETag and a filled-in value). */
export function etagOf (bytes: Buffer | string): string {
  return `"${hash('sha256', bytes, 'base64url').slice(0, 32)}"`
}

/** Prepares bytes for serving; `validUntil` null means they depend on the release only. */
export function prepare (body: string | Buffer, contentType: string, validFrom = 0, validUntil: number | null = null): Prepared {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  return { body: bytes, etag: etagOf(bytes), contentType, validFrom, validUntil, shared: new Compressed(bytes, false), tail: null, finished: {} }
}

/** Whether a prepared response is right at `now` (inside the time window it was made for). */
export function isCurrent (prepared: Prepared, now: number): boolean {
  return now >= prepared.validFrom && (prepared.validUntil === null || now < prepared.validUntil)
}

/** The compressed body in an encoding (made now, at `level`, if need be: see Compressed.copy). Null when the body is too small to bother. */
export function encodedBody (prepared: Prepared, encoding: Encoding, level: Level = 'fast'): Buffer | null {
  if (prepared.body.length < MIN_COMPRESS_BYTES) return null
  const { shared, tail } = prepared
  if (tail === null) return shared.copy(encoding, level)
  const copy = shared.copy(encoding, level)
  const done = prepared.finished[encoding]
  if (done !== undefined && done.version === shared.version) return done.bytes
  const bytes = finishStream(encoding, copy, tail, shared.bytes.length, shared.crc)
  prepared.finished[encoding] = { version: shared.version, bytes }
  return bytes
}

/**
 * Counts one use of an answer. The second use of the same bytes (the URL, or the status
 * window, came again) queues best-level copies of both encodings in the background.
 */
export function noteUse (prepared: Prepared): void {
  const shared = prepared.shared
  if (++shared.uses >= 2 && !shared.best && prepared.body.length >= MIN_COMPRESS_BYTES) improveLater(shared)
}

/**
 * Queues best-level copies of both encodings now, for answers made once at start-up and
 * served to everyone (a script, a page): the background queue makes them, off the requests'
 * path; until then a request gets a fast copy.
 */
export function precompress (prepared: Prepared): Prepared {
  if (prepared.body.length >= MIN_COMPRESS_BYTES) improveLater(prepared.shared)
  return prepared
}

/** Bytes an answer holds, for caches bounded by bytes: its body and as much again for its compressed copies. */
export function weightOf (prepared: Prepared): number {
  return 2 * prepared.body.length + 256
}
