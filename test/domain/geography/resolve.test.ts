import t from 'tap'
import { fileURLToPath } from 'node:url'
import { loadGeographyIndex } from '../../../src/domain/geography/load-index.js'
import type { PostcodeUpstream, UpstreamLookup } from '../../../src/domain/geography/postcodes-io-client.js'
import { resolvePostcode } from '../../../src/domain/geography/resolve.js'

const dir = fileURLToPath(new URL('../../../data/geography/onspd-2025-11/', import.meta.url))
const index = await loadGeographyIndex(dir)

/** A stand-in upstream that records what it was asked. */
function upstream (answer: UpstreamLookup | null): PostcodeUpstream & { asked: string[] } {
  const asked: string[] = []
  return { asked, lookup: async (postcode) => { asked.push(postcode); return answer } }
}
const found = (lad: string | null, trust: string | null = null): UpstreamLookup =>
  ({ status: 'found', postcode: '', lad_code: lad, ni_trust_code: trust })

t.test('answers from the index alone when no upstream is configured', async (t) => {
  t.match(await resolvePostcode(index, 'BT48 6DQ'), { status: 'not-matched', reason: 'northern-ireland' })
  t.match(await resolvePostcode(index, 'NR1 1AA'), { status: 'matched', via: 'index' })
})

t.test('resolves a Northern Ireland postcode to its trust through the upstream', async (t) => {
  // Causeway Coast and Glens is split between two trusts; the LCG code settles it.
  const up = upstream(found('N09000004', 'ZC050'))
  t.match(await resolvePostcode(index, 'bt51 4aa', up), {
    status: 'matched',
    level: 'unit',
    lad_code: 'N09000004',
    nation: 'northern-ireland',
    authority_codes: ['ZC050'],
    confidence: 1,
    alternatives: [],
    via: 'upstream'
  })
  t.same(up.asked, ['BT51 4AA'])
})

t.test('falls back to the council area when the upstream gives no trust code', async (t) => {
  t.match(await resolvePostcode(index, 'BT1 1AA', upstream(found('N09000003'))), { authority_codes: ['ZC010'], confidence: 1 })
  t.match(await resolvePostcode(index, 'BT27 4AA', upstream(found('N09000007'))), { authority_codes: ['ZC010', 'ZC040'], confidence: 0.5 })
})

t.test('keeps the index answer when the upstream fails, does not know the postcode or names an unknown district', async (t) => {
  for (const answer of [null, { status: 'not-found' } as const, found('E06999999'), found(null, 'ZC010')]) {
    t.match(await resolvePostcode(index, 'BT1 1AA', upstream(answer)), { status: 'not-matched', reason: 'northern-ireland' })
  }
  t.match(await resolvePostcode(index, 'SW1A 1AA', upstream(null)), { via: 'index', level: 'sector', lad_share: 0.9255 })
})

t.test('settles a full postcode in a shared sector through the upstream', async (t) => {
  t.match(await resolvePostcode(index, 'SW1A 1AA', upstream(found('E09000033'))), {
    level: 'unit', lad_code: 'E09000033', authority_codes: ['E09000033'], confidence: 1, alternatives: [], via: 'upstream'
  })
  // An older code is accepted as an alias (Barnsley before 2025).
  t.match(await resolvePostcode(index, 'ZZ1 1ZZ', upstream(found('E08000016'))), { lad_code: 'E08000038', via: 'upstream' })
})

t.test('does not ask the upstream when the index is certain or the query is not a full postcode', async (t) => {
  const up = upstream(found('E09000033'))
  await resolvePostcode(index, 'AB10 1AB', up)
  await resolvePostcode(index, 'SW1A', up)
  await resolvePostcode(index, 'BT1', up)
  await resolvePostcode(index, 'GY1 1AA', up)
  await resolvePostcode(index, 'not a postcode', up)
  t.same(up.asked, [])
})
