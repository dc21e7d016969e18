import { randomBytes } from 'node:crypto'
import { Compressed, etagOf, type Prepared } from './prepared.js'

/**
 * Stands in for a query value an answer only echoes (its `?at=` in the paging links), so one
 * body serves every value: the answer to `?at=` is the same for every instant of a status
 * window but for the instant written in its links. Random per process, so no data holds it;
 * the `:` is escaped in a query string and not in JSON, so an echo outside a link shows.
 */
export const HOLE = `${randomBytes(9).toString('base64url')}:hole`

/** A value as the link builder writes it in a query string (URLSearchParams). */
export function encodeQueryValue (value: string): string {
  return new URLSearchParams([['v', value]]).toString().slice(2)
}

const HOLE_IN_LINK = Buffer.from(encodeQueryValue(HOLE))
const HOLE_ELSEWHERE = Buffer.from(HOLE)

/**
 * One answer body with holes where a query value goes, right for every instant in
 * [from, until): the instants a status window was seen to span.
 */
export interface Template {
  /** The body cut at each hole; the first part is the head every filled-in answer shares. */
  readonly parts: readonly Buffer[]
  readonly shared: Compressed
  readonly etag: string
  readonly contentType: string
  from: number
  readonly until: number
  /** With no hole, the one answer for every value. */
  whole: Prepared | undefined
}

/**
 * A template from a body built with HOLE for the echoed value; null when the value is echoed
 * other than in a link (the body cannot be filled in as a client would be answered).
 */
export function makeTemplate (body: string | Buffer, contentType: string, from: number, until: number): Template | null {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  if (bytes.includes(HOLE_ELSEWHERE)) return null
  const parts: Buffer[] = []
  let at = 0
  for (let hole = bytes.indexOf(HOLE_IN_LINK); hole !== -1; hole = bytes.indexOf(HOLE_IN_LINK, at)) {
    parts.push(bytes.subarray(at, hole))
    at = hole + HOLE_IN_LINK.length
  }
  parts.push(bytes.subarray(at))
  const open = parts.length > 1
  return { parts, shared: new Compressed(open ? (parts[0] as Buffer) : bytes, open), etag: etagOf(bytes), contentType, from, until, whole: undefined }
}

/**
 * The answer for one value: the template's bytes with the value in every hole, its own ETag,
 * and compressed copies finished from the template's shared head (no compression per value).
 * Fixed in time (an answer about a given instant), so cached as public data.
 */
export function fill (template: Template, value: string): Prepared {
  const { parts, shared, contentType } = template
  if (parts.length === 1) {
    template.whole ??= { body: shared.bytes, etag: template.etag, contentType, validFrom: 0, validUntil: null, shared, tail: null, finished: {} }
    return template.whole
  }
  const filler = Buffer.from(encodeQueryValue(value))
  const pieces: Buffer[] = [parts[0] as Buffer]
  for (let i = 1; i < parts.length; i++) pieces.push(filler, parts[i] as Buffer)
  const body = Buffer.concat(pieces)
  return {
    body,
    etag: etagOf(`${template.etag}\n${value}`),
    contentType,
    validFrom: 0,
    validUntil: null,
    shared,
    tail: body.subarray(shared.bytes.length),
    finished: {}
  }
}

/** Bytes a template holds, for caches bounded by bytes. */
export function templateWeight (template: Template): number {
  return 2 * template.parts.reduce((n, p) => n + p.length, 0) + 256
}
