import { lookupPostcode, matchFor } from './lookup.js'
import { parsePostcode, type ParsedPostcode } from './postcode.js'
import type { PostcodeUpstream, UpstreamFound } from './postcodes-io-client.js'
import type { GeographyIndex, PostcodeLookupResult, PostcodeMatch } from './types.js'

function fromUpstream (index: GeographyIndex, query: ParsedPostcode, found: UpstreamFound): PostcodeMatch | null {
  const lad = found.lad_code === null ? undefined : index.ladByCode.get(found.lad_code)
  if (lad === undefined) return null
  if (found.ni_trust_code !== null && lad.nation === 'northern-ireland') {
    // The LCG code names the trust exactly, even where the council area is split between
    // two trusts; it also outranks the hand-compiled council-area mapping.
    return matchFor(index, query, 'unit', { ...lad, authorities: [found.ni_trust_code] }, 1, [], 'upstream')
  }
  const match = matchFor(index, query, 'unit', lad, 1, [], 'upstream')
  // Without an LCG code an NI council area split between two trusts cannot be settled:
  // both trusts are returned and the confidence is split evenly between them.
  return { ...match, confidence: 1 / Math.max(1, lad.authorities.length) }
}

function worthAsking (result: PostcodeLookupResult, query: ParsedPostcode): boolean {
  if (query.kind !== 'unit') return false
  // A full postcode answered by its shared sector is right only if it is in the directory;
  // the upstream knows newer postcodes.
  if (result.status === 'matched') return result.level !== 'unit' && result.alternatives.length > 0
  return result.reason === 'northern-ireland' || result.reason === 'unknown-district'
}

/**
 * Resolve a postcode with the bundled index and, when given, an upstream service for what
 * the index cannot settle: Northern Ireland postcodes, postcodes in districts it does not
 * know, and full postcodes in areas shared between authorities. If the upstream fails or
 * does not know the postcode, the index's own answer stands.
 */
export async function resolvePostcode (
  index: GeographyIndex, postcode: string, upstream?: PostcodeUpstream
): Promise<PostcodeLookupResult> {
  const local = lookupPostcode(index, postcode)
  const query = parsePostcode(postcode)
  if (upstream === undefined || query === null || !worthAsking(local, query)) return local
  const answer = await upstream.lookup(query.normalised)
  if (answer === null || answer.status === 'not-found') return local
  return fromUpstream(index, query, answer) ?? local
}
