import type { Nation } from '../../../schemas/common.js'
import type { LadEntry, TableName } from './index-format.js'
import type { PostcodeKind } from './postcode.js'

/** Postcode keys and their district (LAD) as positions in `GeographyIndex.lads`. */
export interface UnitTable {
  keys: Float64Array
  lads: Uint16Array
}

/** Sector and district tables also carry the majority share and the other districts. */
export interface AreaTable extends UnitTable {
  /** Majority share × `shareScale`. */
  shares: Uint16Array
  counts: Uint32Array
  /** `others[otherStart[i] .. otherStart[i + 1]]` are the other LADs of row i. */
  otherStart: Uint32Array
  others: Uint16Array
}

/** An immutable, loaded postcode → district → children's-services authority index. */
export interface GeographyIndex {
  /** Dataset id, e.g. `onspd-2025-11`. */
  readonly id: string
  readonly attribution: readonly string[]
  readonly shareScale: number
  readonly lads: readonly LadEntry[]
  /** LAD code or alias (older ONS code) → entry. */
  readonly ladByCode: ReadonlyMap<string, LadEntry>
  readonly unit: UnitTable
  readonly sector: AreaTable
  readonly district: AreaTable
}

export type MatchLevel = TableName

/** A postcode placed in a district and resolved to the body that runs children's services. */
export interface PostcodeMatch {
  status: 'matched'
  /** The normalised query: `SW1A 1AA`, `SW1A 1` or `SW1A`. */
  query: string
  query_kind: PostcodeKind
  /** How it matched: the full postcode (`unit`), its sector or its outward code (`district`). */
  level: MatchLevel
  lad_code: string
  nation: Nation
  /** The responsible authority: one code, or more where a district is split (NI only). */
  authority_codes: string[]
  /**
   * 1 for a postcode matched exactly, or an area whose postcodes all lie with the same
   * authority; otherwise the share of the area's postcodes in its majority district (a
   * lower bound for the authority). From the upstream without an NI trust code, an NI
   * council area split between n trusts gives 1/n.
   */
  confidence: number
  /** Majority-district share as published (1 for units). */
  lad_share: number
  /** Other authorities with postcodes in the matched sector or district. */
  alternatives: string[]
  /** Where the answer came from: the bundled index or the optional upstream service. */
  via: 'index' | 'upstream'
  dataset: string
}

export type NoMatchReason =
  | 'invalid'
  | 'northern-ireland'
  | 'channel-islands'
  | 'isle-of-man'
  | 'unknown-district'

/** No authority could be resolved: why, and what the person can still do. */
export interface PostcodeNoMatch {
  status: 'not-matched'
  reason: NoMatchReason
  query: string | null
  /** The UK nation when known from the postcode area (BT → northern-ireland). */
  nation: Nation | null
  /**
   * `national`: only UK-wide routes (999, national helplines) can be offered;
   * `choose-ni-trust`: national routes, and the person can pick their HSC Trust from the list.
   */
  fallback: 'national' | 'choose-ni-trust'
  detail: string
}

export type PostcodeLookupResult = PostcodeMatch | PostcodeNoMatch
