import t from 'tap'
import { fileURLToPath } from 'node:url'
import { loadGeographyIndex } from '../../../src/domain/geography/load-index.js'
import { lookupPostcode } from '../../../src/domain/geography/lookup.js'

const dir = fileURLToPath(new URL('../../../data/geography/onspd-2025-11/', import.meta.url))
const index = await loadGeographyIndex(dir)

t.test('resolves a full postcode by its outward code when the district lies in one council', async (t) => {
  t.match(lookupPostcode(index, 'AB10 1AB'), {
    status: 'matched',
    query: 'AB10 1AB',
    query_kind: 'unit',
    level: 'district',
    lad_code: 'S12000033',
    nation: 'scotland',
    authority_codes: ['S12000033'],
    confidence: 1,
    lad_share: 1,
    alternatives: [],
    via: 'index',
    dataset: 'onspd-2025-11'
  })
})

t.test('resolves a two-tier district to its county council', async (t) => {
  // Norwich (E07000148) is a lower-tier district: Norfolk County Council runs children's services.
  const result = lookupPostcode(index, 'nr1 1aa')
  t.match(result, { status: 'matched', level: 'sector', lad_code: 'E07000148', authority_codes: ['E10000020'], nation: 'england' })
  // The sector is split between Norfolk districts only, so the authority itself is certain.
  t.match(result, { lad_share: 0.8494, confidence: 1, alternatives: [] })
})

t.test('lists the other authorities of a split sector, with the majority share as confidence', async (t) => {
  t.match(lookupPostcode(index, 'SW1A 1AA'), {
    level: 'sector', lad_code: 'E09000033', authority_codes: ['E09000033'], lad_share: 0.9255, alternatives: ['E09000032']
  })
  t.match(lookupPostcode(index, 'SW1A 1'), { level: 'sector', confidence: 0.9255, alternatives: ['E09000032'] })
  t.match(lookupPostcode(index, 'E1 6'), {
    level: 'sector', lad_code: 'E09000030', confidence: 0.8892, alternatives: ['E09000001', 'E09000012']
  })
})

t.test('is sure of a full postcode that reaches its sector: every exception is listed by unit', async (t) => {
  t.match(lookupPostcode(index, 'SW1A 1AA'), { query_kind: 'unit', level: 'sector', confidence: 1, lad_share: 0.9255 })
})

t.test('deduplicates alternatives and leaves out the primary authority', async (t) => {
  // AL3 8: Dacorum (Herts) with Central Bedfordshire and St Albans (also Herts).
  t.match(lookupPostcode(index, 'AL3 8ZZ'), {
    level: 'sector', lad_code: 'E07000096', authority_codes: ['E10000015'], alternatives: ['E06000056'], lad_share: 0.8996
  })
})

t.test('matches a postcode listed as an exception at unit level', async (t) => {
  t.match(lookupPostcode(index, 'AB1 0AE'), { level: 'unit', lad_code: 'S12000034', confidence: 1, alternatives: [] })
  // In sector E1 6 (mostly Tower Hamlets) this postcode is in the City of London.
  t.match(lookupPostcode(index, 'E1 6AN'), { level: 'unit', lad_code: 'E09000001', authority_codes: ['E09000001'] })
  // A known ONSPD quirk kept as published: this Isles of Scilly postcode is placed in Cornwall.
  t.match(lookupPostcode(index, 'TR21 0AA'), { level: 'unit', lad_code: 'E06000052' })
})

t.test('accepts an outward code or a sector alone', async (t) => {
  t.match(lookupPostcode(index, 'sw1a'), { query: 'SW1A', query_kind: 'district', level: 'district', lad_code: 'E09000033', confidence: 0.9181, alternatives: ['E09000032'] })
  t.match(lookupPostcode(index, 'SW1A 1'), { query: 'SW1A 1', query_kind: 'sector', level: 'sector', confidence: 0.9255 })
  t.match(lookupPostcode(index, 'AB10 9'), { query_kind: 'sector', level: 'district', lad_code: 'S12000033' })
})

t.test('explains that Northern Ireland is not in the index', async (t) => {
  for (const input of ['BT1 1AA', 'bt48', 'BT7 1']) {
    t.match(lookupPostcode(index, input), {
      status: 'not-matched', reason: 'northern-ireland', nation: 'northern-ireland', fallback: 'choose-ni-trust', detail: /licence.*trust/s
    }, input)
  }
})

t.test('explains that the Channel Islands and the Isle of Man are not UK local authorities', async (t) => {
  t.match(lookupPostcode(index, 'GY1 1AA'), { status: 'not-matched', reason: 'channel-islands', query: 'GY1 1AA', nation: null, fallback: 'national', detail: /Guernsey and Jersey.*whole UK/s })
  t.match(lookupPostcode(index, 'je2 3ab'), { reason: 'channel-islands', query: 'JE2 3AB' })
  t.match(lookupPostcode(index, 'IM1 1AA'), { reason: 'isle-of-man', fallback: 'national', detail: /Isle of Man.*whole UK/s })
})

t.test('reports a well-formed postcode in an unknown district', async (t) => {
  t.match(lookupPostcode(index, 'BF1 3AD'), { status: 'not-matched', reason: 'unknown-district', query: 'BF1 3AD', fallback: 'national' })
  t.match(lookupPostcode(index, 'GIR 0AA'), { reason: 'unknown-district' })
  t.match(lookupPostcode(index, 'ZZ9'), { reason: 'unknown-district', query: 'ZZ9' })
})

t.test('rejects text that is not a postcode without echoing it', async (t) => {
  t.same(lookupPostcode(index, 'not a postcode'), {
    status: 'not-matched',
    reason: 'invalid',
    query: null,
    nation: null,
    fallback: 'national',
    detail: 'This is not a UK postcode, postcode sector or outward code (e.g. "SW1A 1AA" or "SW1A").'
  })
})
