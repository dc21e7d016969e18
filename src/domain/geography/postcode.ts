/**
 * Postcode parsing. The shape test is deliberately structural (letters and digits in the
 * right places) rather than the strict Royal Mail letter rules: ONSPD still lists
 * terminated postcodes such as `W1N 0BS`, and in a safeguarding service a near-miss typo
 * is better answered at sector or district level, with a stated confidence, than refused.
 */

/** What the person typed: a full postcode, a sector (`SW1A 1`) or an outward code (`SW1A`). */
export type PostcodeKind = 'unit' | 'sector' | 'district'

export interface ParsedPostcode {
  kind: PostcodeKind
  /** Upper case, one space: `SW1A 1AA`, `SW1A 1` or `SW1A`. */
  normalised: string
  outward: string
  /** The inward code (`1AA`), the sector digit (`1`) or '' for an outward code. */
  inward: string
  /** The postcode area: the leading letters of the outward code (`SW`, `BT`). */
  area: string
}

// `GIR 0AA` (Girobank) is accepted as well formed: it is a real, non-geographic postcode,
// so it parses and then resolves to "unknown district". `NPT` is the pre-1984 Newport
// outward code that ONSPD still carries as terminated postcodes; accepting it keeps the
// lookup a lossless copy of the reference data.
const OUTWARD = '(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR|NPT)'
const FULL_RE = new RegExp(`^(${OUTWARD})([0-9][A-Z]{2})$`)
const OUTWARD_RE = new RegExp(`^${OUTWARD}$`)
const SECTOR_RE = new RegExp(`^(${OUTWARD})([0-9])$`)
// Longer input is never a postcode; refusing it early bounds the work done on user input.
const MAX_INPUT = 16

function build (kind: PostcodeKind, outward: string, inward: string): ParsedPostcode {
  return {
    kind,
    normalised: inward === '' ? outward : `${outward} ${inward}`,
    outward,
    inward,
    area: outward.replace(/[0-9].*$/, '')
  }
}

/**
 * Parse a UK postcode, a postcode sector or an outward code typed with any spacing and
 * case. Returns null when the text is not postcode-shaped.
 * A lone token is read as a full postcode, then an outward code, then a sector, so `SW11`
 * is the district SW11 while `SW1 1` (with the space) is sector 1 of SW1.
 */
export function parsePostcode (input: string): ParsedPostcode | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null
  const parts = input.trim().toUpperCase().split(/\s+/)
  const compact = parts.join('')
  if (compact.length < 2) return null

  const full = FULL_RE.exec(compact)
  if (full) return build('unit', full[1] as string, full[2] as string)
  if (parts.length === 1 && OUTWARD_RE.test(compact)) return build('district', compact, '')
  if (parts.length === 2 && (parts[1] as string).length !== 1) return null
  if (parts.length > 2) return null
  const sector = SECTOR_RE.exec(compact)
  if (sector) return build('sector', sector[1] as string, sector[2] as string)
  return null
}

/**
 * Normalise a postcode to upper case with one space before the inward code
 * (`sw1a1aa` → `SW1A 1AA`); sectors and outward codes are returned as `SW1A 1` and `SW1A`.
 * Returns null for text that is not postcode-shaped.
 */
export function normalisePostcode (input: string): string | null {
  return parsePostcode(input)?.normalised ?? null
}
