import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Bodies smaller than this are sent as they are: compressing them saves nothing. */
const MIN_COMPRESS_BYTES = 512

export type Encoding = 'br' | 'gzip'

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
  readonly encoded: Partial<Record<Encoding, Buffer>>
}

/** Prepares bytes for serving; `validUntil` null means they depend on the release only. */
export function prepare (body: string | Buffer, contentType: string, validFrom = 0, validUntil: number | null = null): Prepared {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
  return { body: bytes, etag, contentType, validFrom, validUntil, encoded: {} }
}

/** Whether a prepared response is right at `now` (inside the time window it was made for). */
export function isCurrent (prepared: Prepared, now: number): boolean {
  return now >= prepared.validFrom && (prepared.validUntil === null || now < prepared.validUntil)
}

/** The compressed copy for an encoding, made once. Null when the body is too small to bother. */
export function encodedBody (prepared: Prepared, encoding: Encoding): Buffer | null {
  if (prepared.body.length < MIN_COMPRESS_BYTES) return null
  let bytes = prepared.encoded[encoding]
  if (bytes === undefined) {
    bytes = encoding === 'br'
      ? brotliCompressSync(prepared.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: prepared.body.length,
          // A window no larger than the body: the default 4 MB one makes each small
          // response ten times slower to compress, for the same bytes.
          [constants.BROTLI_PARAM_LGWIN]: Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.ceil(Math.log2(prepared.body.length))))
        }
      })
      : gzipSync(prepared.body, { level: 9 })
    prepared.encoded[encoding] = bytes
  }
  return bytes
}

/** Makes both compressed copies now (for responses built eagerly at load). */
export function precompress (prepared: Prepared): Prepared {
  encodedBody(prepared, 'br')
  encodedBody(prepared, 'gzip')
  return prepared
}
