import type { Encoding } from './prepared.js'

/**
 * Picks br, then gzip, from an Accept-Encoding header (RFC 9110 §12.5.3), honouring `q=0`
 * and `*`. Anything unreadable means identity, which every client accepts.
 */
export function pickEncoding (header: string | undefined): Encoding | null {
  if (header === undefined || header === '') return null
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.toLowerCase().split(';')
    const name = rawName.trim()
    let q = 1
    for (const param of params) {
      const [key, value] = param.trim().split('=')
      if (key === 'q') q = Number.parseFloat(value ?? '')
    }
    if (name !== '' && !Number.isNaN(q)) weights.set(name, q)
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return null
}

/**
 * Whether an If-None-Match header matches an ETag, by the weak comparison RFC 9110 §13.1.2
 * requires for GET and HEAD (a `W/` prefix is ignored).
 */
export function ifNoneMatchHits (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const trimmed = header.trim()
  if (trimmed === '*') return true
  const bare = etag.replace(/^W\//, '')
  return trimmed.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare)
}
