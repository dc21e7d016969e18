/**
 * The on-disk shape of a geography index, shared by the build script that writes it and
 * the loader that reads it, so the two can never drift apart.
 *
 * `index.json` holds the small tables (districts with their authorities) and a list of
 * columns; `index.bin.br` holds the columns as little-endian typed arrays, brotli-compressed
 * (1.2 MB → 0.2 MB in git; a few ms to inflate). Postcode keys are numbers, so a lookup is a
 * binary search over a Float64Array: no per-row objects, which keeps the heap small.
 */

export const INDEX_FORMAT = 'safeguarding-api/geography-index@1'
export const INDEX_META_FILE = 'index.json'
export const INDEX_BIN_FILE = 'index.bin.br'

export const TABLES = ['unit', 'sector', 'district'] as const
export type TableName = typeof TABLES[number]

export const COLUMN_TYPES = { f64: 8, u32: 4, u16: 2 } as const
export type ColumnType = keyof typeof COLUMN_TYPES

/** Where one column sits in index.bin. */
export interface ColumnSpec {
  table: TableName
  name: 'keys' | 'lads' | 'shares' | 'counts' | 'other_start' | 'others'
  type: ColumnType
  offset: number
  length: number
}

/** A local authority district (LAD) as stored in index.json; `lad` columns index this list. */
export interface LadEntry {
  code: string
  name: string
  nation: 'england' | 'wales' | 'scotland' | 'northern-ireland'
  /** Children's-services authorities for this district: one in GB, two for split NI areas. */
  authorities: string[]
  relationship: 'same' | 'county' | 'ni_trust_full' | 'ni_trust_partial'
  aliases: string[]
}

export interface IndexMeta {
  format: typeof INDEX_FORMAT
  id: string
  built_from: string[]
  attribution: string[]
  /** `bytes` and `sha256` are of the compressed file; `raw_bytes` of the inflated columns. */
  bin: { file: string, bytes: number, sha256: string, raw_bytes: number }
  counts: Record<TableName, number>
  /** Shares are stored as integers out of this (the source has four decimals). */
  share_scale: number
  lads: LadEntry[]
  columns: ColumnSpec[]
}

export const SHARE_SCALE = 10000
const RADIX = 37
const OUTWARD_WIDTH = 4
const INWARD_WIDTH = 3

function charValue (ch: string): number {
  const c = ch.charCodeAt(0)
  if (c === 32) return 0
  if (c >= 48 && c <= 57) return c - 47
  if (c >= 65 && c <= 90) return c - 54
  throw new RangeError('postcode key holds a character outside A-Z, 0-9 and space')
}

/**
 * Encode an outward code and a (possibly partial or empty) inward code as one number:
 * base 37 over seven padded characters (37^7 < 2^53, so it is exact in a double).
 * Unit keys (`SW1A 1AA`), sector keys (`SW1A 1`) and district keys (`SW1A`) never collide.
 */
export function encodeKey (outward: string, inward: string): number {
  const text = outward.padEnd(OUTWARD_WIDTH, ' ') + inward.padEnd(INWARD_WIDTH, ' ')
  if (text.length !== OUTWARD_WIDTH + INWARD_WIDTH) throw new RangeError('postcode part too long for a key')
  let key = 0
  for (const ch of text) key = key * RADIX + charValue(ch)
  return key
}

/** Index of `key` in an ascending Float64Array, or -1. */
export function findKey (keys: Float64Array, key: number): number {
  let lo = 0
  let hi = keys.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const k = keys[mid] as number
    if (k === key) return mid
    if (k < key) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
