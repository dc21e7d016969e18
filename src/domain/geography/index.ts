// Public surface of the postcode → children's-services authority domain (no Fastify here).
export { loadGeographyIndex } from './load-index.js'
export { lookupPostcode } from './lookup.js'
export { normalisePostcode, parsePostcode, type ParsedPostcode, type PostcodeKind } from './postcode.js'
export {
  createPostcodesIoClient,
  type PostcodeUpstream, type PostcodesIoOptions, type UpstreamFound, type UpstreamLookup
} from './postcodes-io-client.js'
export { resolvePostcode } from './resolve.js'
export type {
  GeographyIndex, MatchLevel, NoMatchReason, PostcodeLookupResult, PostcodeMatch, PostcodeNoMatch
} from './types.js'
export type { LadEntry } from './index-format.js'
