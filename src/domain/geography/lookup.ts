import { encodeKey, findKey, type LadEntry } from './index-format.js'
import { parsePostcode, type ParsedPostcode } from './postcode.js'
import type { AreaTable, GeographyIndex, MatchLevel, PostcodeLookupResult, PostcodeMatch, PostcodeNoMatch } from './types.js'

const NOT_IN_INDEX: Record<string, Omit<PostcodeNoMatch, 'status' | 'query'>> = {
  BT: {
    reason: 'northern-ireland',
    nation: 'northern-ireland',
    fallback: 'choose-ni-trust',
    detail: 'Northern Ireland postcodes are not in the bundled index: the ONS licence for NI postcode ' +
      'data does not allow open re-use. The Health and Social Care Trust can be found only through ' +
      'the optional upstream postcode service, or by choosing the trust from the list.'
  },
  GY: channelIslands(),
  JE: channelIslands(),
  IM: {
    reason: 'isle-of-man',
    nation: null,
    fallback: 'national',
    detail: 'The Isle of Man is a Crown Dependency, not part of a UK local authority. Its own children\'s ' +
      'services are not in this dataset; only the routes listed for the whole UK can be offered here.'
  }
}

function channelIslands (): Omit<PostcodeNoMatch, 'status' | 'query'> {
  return {
    reason: 'channel-islands',
    nation: null,
    fallback: 'national',
    detail: 'Guernsey and Jersey are Crown Dependencies, not part of a UK local authority. Their own ' +
      'children\'s services are not in this dataset; only the routes listed for the whole UK can be offered here.'
  }
}

/** A result for text that names no authority; `query` is the normalised text when known. */
export function noMatch (reason: 'invalid' | 'unknown-district', query: string | null): PostcodeNoMatch {
  const detail = reason === 'invalid'
    ? 'This is not a UK postcode, postcode sector or outward code (e.g. "SW1A 1AA" or "SW1A").'
    : 'This postcode district is not in the ONS Postcode Directory used here (it may be new, ' +
      'non-geographic or mistyped). Only national routes can be offered.'
  return { status: 'not-matched', reason, query, nation: null, fallback: 'national', detail }
}

function distinctAuthorities (lads: readonly LadEntry[], exclude: readonly string[]): string[] {
  const seen = new Set(exclude)
  const out: string[] = []
  for (const lad of lads) {
    for (const code of lad.authorities) {
      if (!seen.has(code)) { seen.add(code); out.push(code) }
    }
  }
  return out
}

/** Build a match for a LAD, with the share and other LADs of the matched area. */
export function matchFor (
  index: GeographyIndex, query: ParsedPostcode, level: MatchLevel, lad: LadEntry,
  share: number, otherLads: readonly LadEntry[], via: PostcodeMatch['via']
): PostcodeMatch {
  const alternatives = distinctAuthorities(otherLads, lad.authorities)
  return {
    status: 'matched',
    query: query.normalised,
    query_kind: query.kind,
    level,
    lad_code: lad.code,
    nation: lad.nation,
    authority_codes: [...lad.authorities],
    // Other districts of the same authority (two-tier counties) do not make the authority
    // uncertain, so the LAD share only lowers confidence when another authority is possible.
    confidence: alternatives.length === 0 ? 1 : share,
    lad_share: share,
    alternatives,
    via,
    dataset: index.id
  }
}

function ladAt (index: GeographyIndex, position: number): LadEntry {
  const lad = index.lads[position]
  // Unreachable with a loaded index: the sha256 check at load rules out a corrupt position.
  /* c8 ignore next */
  if (lad === undefined) throw new Error('geography index: LAD position out of range')
  return lad
}

function areaMatch (index: GeographyIndex, query: ParsedPostcode, level: 'sector' | 'district', table: AreaTable, row: number): PostcodeMatch {
  const others: LadEntry[] = []
  for (let i = table.otherStart[row] as number; i < (table.otherStart[row + 1] as number); i++) {
    others.push(ladAt(index, table.others[i] as number))
  }
  const share = (table.shares[row] as number) / index.shareScale
  const match = matchFor(index, query, level, ladAt(index, table.lads[row] as number), share, others, 'index')
  // Every postcode of a split sector that lies outside the sector's majority district is
  // listed at unit level. So a full postcode that reaches its sector is, if it is in the
  // directory at all, in the majority district: certain, unless it is new or mistyped.
  return query.kind === 'unit' ? { ...match, confidence: 1 } : match
}

/**
 * Resolve a postcode (or a sector or outward code) with the bundled index: the full
 * postcode first, then its sector, then its outward code; the first hit wins, as in the
 * reference algorithm. Northern Ireland, the Channel Islands, the Isle of Man, unknown
 * districts and text that is not a postcode return a `not-matched` result saying why.
 */
export function lookupPostcode (index: GeographyIndex, postcode: string): PostcodeLookupResult {
  const query = parsePostcode(postcode)
  if (query === null) return noMatch('invalid', null)
  const special = NOT_IN_INDEX[query.area]
  if (special !== undefined) return { status: 'not-matched', query: query.normalised, ...special }

  if (query.kind === 'unit') {
    const row = findKey(index.unit.keys, encodeKey(query.outward, query.inward))
    if (row >= 0) return matchFor(index, query, 'unit', ladAt(index, index.unit.lads[row] as number), 1, [], 'index')
  }
  if (query.kind !== 'district') {
    const row = findKey(index.sector.keys, encodeKey(query.outward, query.inward.slice(0, 1)))
    if (row >= 0) return areaMatch(index, query, 'sector', index.sector, row)
  }
  const row = findKey(index.district.keys, encodeKey(query.outward, ''))
  if (row >= 0) return areaMatch(index, query, 'district', index.district, row)
  return noMatch('unknown-district', query.normalised)
}
