import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { build, captureLog, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): office hours, not a bank holiday.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'
const NI_TRUSTS = ['ZC010', 'ZC020', 'ZC040', 'ZC030', 'ZC050']

const codes = (list: Array<{ code: string }>) => list.map((a) => a.code)
const lookupUrl = (postcode: string) => `/v1/local-authorities/lookup?postcode=${encodeURIComponent(postcode)}`

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

/**
 * A postcodes.io stand-in on a free local port: `GET /postcodes/{postcode}` answers as
 * `answers` says for the compact postcode, else 404 as postcodes.io does. Records what it was asked.
 */
async function fakePostcodesIo (t: Test, answers: Record<string, (res: ServerResponse) => void>) {
  const asked: string[] = []
  const server = createServer((req, res) => {
    const path = /^\/postcodes\/([^/?]+)$/.exec(req.url ?? '')
    const postcode = decodeURIComponent(path?.[1] ?? '')
    asked.push(postcode)
    const answer = answers[postcode]
    if (answer !== undefined) return answer(res)
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 404, error: 'Postcode not found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked }
}

const found = (postcode: string, codes: Record<string, string | null>) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 200, result: { postcode, codes } }))
}

t.test('lists all 212 authorities by name, in the list envelope', async (t) => {
  const res = await app.inject('/v1/local-authorities')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(body.meta, { release: LATEST_RELEASE, total: 212, page: 1, per_page: 20 })
  t.equal(body.data.length, 20)
  t.equal(body.data[0].name, 'Aberdeen City Council')
  t.same(body.links, {
    self: '/v1/local-authorities',
    first: '/v1/local-authorities',
    last: '/v1/local-authorities?page=11',
    next: '/v1/local-authorities?page=2',
    prev: null
  })
  const last = (await app.inject('/v1/local-authorities?per_page=100&page=3')).json()
  t.equal(last.data.length, 12)
  t.equal(last.links.next, null)
  const names = [...(await app.inject('/v1/local-authorities?per_page=100')).json().data, ...(await app.inject('/v1/local-authorities?per_page=100&page=2')).json().data, ...last.data]
    .map((a: { name: string }) => a.name)
  t.equal(new Set(names).size, 212, 'every authority once across the pages')
})

t.test('counts 153 English, 22 Welsh and 32 Scottish councils and 5 NI trusts', async (t) => {
  const total = async (nation: string) => (await app.inject(`/v1/local-authorities?nation=${nation}&per_page=1`)).json().meta.total
  t.equal(await total('england'), 153)
  t.equal(await total('wales'), 22)
  t.equal(await total('scotland'), 32)
  t.equal(await total('northern-ireland'), 5)
  const ni = (await app.inject('/v1/local-authorities?nation=northern-ireland')).json()
  t.same(codes(ni.data), NI_TRUSTS)
  t.ok(ni.data.every((a: { body_type: string, find_your_council_url: string | null }) => a.body_type === 'hsc-trust' && a.find_your_council_url === null))
})

t.test('finds authorities by name, in any case', async (t) => {
  const get = async (query: string) => codes((await app.inject(`/v1/local-authorities?${query}`)).json().data)
  t.same(await get('q=westminster'), ['E09000033'])
  t.same(await get('q=BARNSLEY'), ['E08000038'])
  t.same(await get('q=social%20care%20trust'), NI_TRUSTS)
  t.same(await get('q=trust&nation=wales'), [])
  t.same(await get('q=no-such-council'), [])
  t.equal((await app.inject('/v1/local-authorities?q=westminster')).json().links.self, '/v1/local-authorities?q=westminster')
})

t.test('serves one authority by code with its sourced contacts', async (t) => {
  const res = await app.inject('/v1/local-authorities/E09000033')
  t.equal(res.statusCode, 200)
  const { data, meta } = res.json()
  t.same(meta, { release: LATEST_RELEASE })
  t.match(data, {
    code: 'E09000033',
    name: 'City of Westminster',
    nation: 'england',
    body_type: 'london-borough',
    find_your_council_url: 'https://www.gov.uk/find-local-council/westminster',
    lad_codes: ['E09000033'],
    stale: false,
    links: { self: '/v1/local-authorities/E09000033' }
  })
  t.match(data.contacts[0], {
    role: 'front-door',
    audience: 'public',
    team: 'Children\'s Services',
    kind: 'phone',
    uri: 'tel:+442076414000',
    verification: 'confirmed',
    open_now: true,
    next_change: '2026-12-02T17:00:00+00:00',
    shared_with: [],
    sources: ['westminster-child-abuse-prevention-campaign']
  })
  // Out of hours is the rest of the week outside the front door's 9am to 5pm on weekdays.
  t.match(data.contacts[1], {
    role: 'out-of-hours',
    audience: 'public',
    value: '020 7641 6000',
    hours: { description: 'Outside Monday to Friday 9am to 5pm; bank holiday hours not confirmed' },
    open_now: false,
    next_change: '2026-12-02T17:00:00+00:00'
  })
  const source = data.sources.find((s: { id: string }) => s.id === 'westminster-child-abuse-prevention-campaign')
  t.match(source, { kind: 'council-page', publisher: 'City of Westminster', published: '2022-07-14' }, 'contact sources are listed in full')
  t.ok(source.quotes.some((q: string) => q.includes('020 7641 4000')), 'the source quotes the number')
})

t.test('serves an authority by an older code under its current code', async (t) => {
  const alias = await app.inject('/v1/local-authorities/E08000016')
  const current = await app.inject('/v1/local-authorities/E08000038')
  t.equal(alias.statusCode, 200)
  const { data } = alias.json()
  t.match(data, { code: 'E08000038', name: 'Barnsley Metropolitan Borough Council', alias_codes: ['E08000016'], links: { self: '/v1/local-authorities/E08000038' } })
  t.equal(alias.body, current.body, 'the same answer as under the current code')
  t.equal(alias.headers.etag, current.headers.etag)
})

t.test('answers 404 for an unknown code and 400 for a malformed one', async (t) => {
  const missing = await app.inject('/v1/local-authorities/E09000099')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.match(missing.json(), { type: '/problems/not-found', status: 404, instance: '/v1/local-authorities/{code}', errors: [{ name: 'code', in: 'path' }] })
  t.equal((await app.inject('/v1/local-authorities/E07000148')).statusCode, 404, 'a lower-tier district is not an authority for children')
  for (const code of ['westminster', 'e09000033', 'ZC060']) {
    const res = await app.inject(`/v1/local-authorities/${code}`)
    t.equal(res.statusCode, 400, code)
    t.match(res.json(), { type: '/problems/invalid-parameter', errors: [{ name: 'code', in: 'path' }] }, code)
  }
  const bad = await app.inject('/v1/local-authorities?nation=mercia')
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors, [{ name: 'nation', in: 'query' }])
})

t.test('looks up a full postcode in any spacing or case, privately', async (t) => {
  const first = await app.inject(lookupUrl('SW1A 2AA'))
  t.equal(first.statusCode, 200)
  t.equal(first.headers['cache-control'], 'private, no-store')
  const body = first.json()
  t.same(body.meta, { release: LATEST_RELEASE })
  t.same(body.data.match, {
    status: 'matched',
    query_kind: 'unit',
    level: 'sector',
    confidence: 1,
    nation: 'england',
    district: { code: 'E09000033', name: 'City of Westminster' },
    via: 'index',
    dataset: 'onspd-2025-11',
    reason: null,
    fallback: null,
    detail: body.data.match.detail
  })
  t.match(body.data.match.detail, /^Matched by the postcode sector/)
  t.same(codes(body.data.authorities), ['E09000033'])
  t.match(body.data.authorities[0].contacts[0], { uri: 'tel:+442076414000' })
  t.same(body.data.alternatives, [{ code: 'E09000032', name: 'London Borough of Wandsworth', nation: 'england', links: { self: '/v1/local-authorities/E09000032' } }])
  t.equal(body.data.national_routes, '/v1/situations')
  for (const spelling of ['sw1a2aa', ' SW1A 2AA ', 'Sw1A  2aA']) {
    const res = await app.inject(lookupUrl(spelling))
    t.equal(res.statusCode, 200, spelling)
    t.equal(res.body, first.body, `${JSON.stringify(spelling)} gives the same answer`)
  }
})

t.test('says how a postcode matched: full postcode, sector or outward code', async (t) => {
  const match = async (postcode: string) => (await app.inject(lookupUrl(postcode))).json().data
  t.match(await match('E1 6AN'), { match: { query_kind: 'unit', level: 'unit', confidence: 1, detail: 'Matched the full postcode.' }, authorities: [{ code: 'E09000001' }], alternatives: [] })
  t.match(await match('AB10 1AB'), { match: { query_kind: 'unit', level: 'district', confidence: 1, nation: 'scotland' }, authorities: [{ code: 'S12000033' }] })
  t.match(await match('SW1A 1'), { match: { query_kind: 'sector', level: 'sector', confidence: 0.9255, detail: /About 93% .*alternatives/ } })
  t.match(await match('sw1a'), { match: { query_kind: 'district', level: 'district', confidence: 0.9181, district: { code: 'E09000033' } }, alternatives: [{ code: 'E09000032' }] })
})

t.test('lists the alternatives of a split sector', async (t) => {
  const { data } = (await app.inject(lookupUrl('E1 6'))).json()
  t.match(data.match, { status: 'matched', query_kind: 'sector', level: 'sector', confidence: 0.8892, district: { code: 'E09000030', name: 'London Borough of Tower Hamlets' } })
  t.match(data.match.detail, /About 89% of postcodes there are with the first authority/)
  t.same(codes(data.authorities), ['E09000030'])
  t.same(codes(data.alternatives), ['E09000001', 'E09000012'])
  t.match(data.alternatives, [{ name: 'City of London Corporation', links: { self: '/v1/local-authorities/E09000001' } }, { name: 'London Borough of Hackney' }])
})

t.test('resolves a two-tier district to its county council', async (t) => {
  for (const postcode of ['NR1 1AA', 'NR1']) {
    const { data } = (await app.inject(lookupUrl(postcode))).json()
    t.match(data.match, { status: 'matched', district: { code: 'E07000148', name: 'Norwich City Council' }, confidence: 1 }, postcode)
    t.same(codes(data.authorities), ['E10000020'], postcode)
    t.match(data.authorities[0], { name: 'Norfolk County Council', body_type: 'county' }, postcode)
    t.same(data.alternatives, [], postcode)
  }
})

t.test('offers the five NI trusts to choose from for a Northern Ireland postcode', async (t) => {
  for (const postcode of ['BT1 1AA', 'bt48', 'BT7 1']) {
    const res = await app.inject(lookupUrl(postcode))
    t.equal(res.statusCode, 200, postcode)
    const { data } = res.json()
    t.match(data.match, { status: 'not-matched', level: null, confidence: null, nation: 'northern-ireland', reason: 'northern-ireland', fallback: 'choose-ni-trust', via: null, detail: /choosing the trust from the list/ }, postcode)
    t.same(data.authorities, [], postcode)
    t.same(codes(data.alternatives), NI_TRUSTS, postcode)
  }
})

t.test('answers the Channel Islands, the Isle of Man and unknown districts plainly', async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ['GY1 1AA', 'channel-islands', /Guernsey and Jersey/],
    ['je2 3ab', 'channel-islands', /Guernsey and Jersey/],
    ['IM1 1AA', 'isle-of-man', /Isle of Man/],
    ['BF1 3AD', 'unknown-district', /not in the ONS Postcode Directory/],
    ['ZZ9', 'unknown-district', /not in the ONS Postcode Directory/]
  ]
  for (const [postcode, reason, detail] of cases) {
    const res = await app.inject(lookupUrl(postcode))
    t.equal(res.statusCode, 200, postcode)
    t.equal(res.headers['cache-control'], 'private, no-store', postcode)
    t.match(res.json().data, {
      match: { status: 'not-matched', reason, nation: null, fallback: 'national', detail },
      authorities: [],
      alternatives: [],
      national_routes: '/v1/situations'
    }, postcode)
  }
})

t.test('refuses text that is not a postcode without echoing it', async (t) => {
  for (const input of ['NOTAPC', '12345', 'SW1A 2AA 9', 'SW1A2AAXXXXX']) {
    const res = await app.inject(lookupUrl(input))
    t.equal(res.statusCode, 400, input)
    t.match(res.headers['content-type'], /^application\/problem\+json/, input)
    t.equal(res.headers['cache-control'], 'no-store', input)
    t.match(res.json(), { type: '/problems/invalid-parameter', instance: '/v1/local-authorities/lookup', errors: [{ name: 'postcode', in: 'query' }] }, input)
    t.notMatch(res.body, new RegExp(input.replace(/\s+/g, '\\s*'), 'i'), input)
  }
  const missing = await app.inject('/v1/local-authorities/lookup')
  t.equal(missing.statusCode, 400)
  t.match(missing.json().errors, [{ name: 'postcode', reason: 'is required' }])
})

t.test('never puts the postcode in the answer', async (t) => {
  for (const postcode of ['SW1A 2AA', 'E1 6AN', 'BT1 1AA', 'GY1 1AA', 'BF1 3AD']) {
    const res = await app.inject(lookupUrl(postcode))
    const [outward, inward] = postcode.split(' ') as [string, string]
    t.notMatch(res.body, new RegExp(`${outward}\\s*${inward}`, 'i'), postcode)
  }
})

t.test('with an upstream postcode service', async (t) => {
  const upstream = await fakePostcodesIo(t, {
    BT11AA: found('BT1 1AA', { admin_district: 'N09000003', ccg: 'ZC010' }),
    // Lisburn and Castlereagh is split between two trusts: the LCG code settles which.
    BT281XP: found('BT28 1XP', { admin_district: 'N09000007', ccg: 'ZC040' }),
    BT271AB: found('BT27 1AB', { admin_district: 'N09000007', ccg: null }),
    SW1A2AA: found('SW1A 2AA', { admin_district: 'E09000033', ccg: null }),
    BT12AB: () => { /* never answers: the client gives up */ },
    BT13AB: (res) => { res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json</html>') },
    BT14AB: (res) => { res.writeHead(500).end() },
    BT15AB: found('BT1 5AB', { admin_district: 'nonsense', ccg: 'XYZ' })
  })
  const log = captureLog()
  // The data already loaded is reused: loading it again would stall the event loop for a second.
  const withUpstream = await build(t, { DATA_DIR: REAL_DATA, POSTCODES_IO_URL: upstream.url, LOG_LEVEL: 'trace' }, {
    clock: clockAt(WEDNESDAY_MORNING),
    logStream: log.stream,
    catalogues: app.catalogues
  })
  const lookup = async (t: Test, postcode: string) => {
    const res = await withUpstream.inject(lookupUrl(postcode))
    t.equal(res.statusCode, 200, postcode)
    t.equal(res.headers['cache-control'], 'private, no-store', postcode)
    return res.json().data
  }

  t.test('resolves a Belfast postcode to the Belfast trust', async (t) => {
    const data = await lookup(t, 'bt1 1aa')
    t.match(data.match, { status: 'matched', query_kind: 'unit', level: 'unit', confidence: 1, nation: 'northern-ireland', via: 'upstream', district: { code: 'N09000003', name: 'Belfast City Council' }, reason: null, fallback: null, detail: /postcode service/ })
    t.same(codes(data.authorities), ['ZC010'])
    t.match(data.authorities[0], { name: 'Belfast Health and Social Care Trust', body_type: 'hsc-trust' })
    t.same(data.alternatives, [])
    t.ok(upstream.asked.includes('BT11AA'), 'the upstream is asked for the compact postcode')
  })

  t.test('follows the upstream\'s trust where a council area is split', async (t) => {
    const settled = await lookup(t, 'BT28 1XP')
    t.same(codes(settled.authorities), ['ZC040'])
    t.match(settled.match, { via: 'upstream', confidence: 1, district: { code: 'N09000007' } })
    const unsettled = await lookup(t, 'BT27 1AB')
    t.same(codes(unsettled.authorities), ['ZC010', 'ZC040'], 'both trusts of the council area')
    t.match(unsettled.match, { via: 'upstream', confidence: 0.5 })
  })

  t.test('asks the upstream about a full postcode in a split sector', async (t) => {
    const data = await lookup(t, 'SW1A 2AA')
    t.match(data.match, { level: 'unit', via: 'upstream', confidence: 1, district: { code: 'E09000033' } })
    t.same(codes(data.authorities), ['E09000033'])
  })

  t.test('keeps the index answer when the upstream fails or does not know the postcode', async (t) => {
    for (const postcode of ['BT9 9ZZ', 'BT1 2AB', 'BT1 3AB', 'BT1 4AB', 'BT1 5AB']) {
      const data = await lookup(t, postcode)
      t.match(data.match, { status: 'not-matched', reason: 'northern-ireland', fallback: 'choose-ni-trust', via: null }, postcode)
      t.same(codes(data.alternatives), NI_TRUSTS, postcode)
    }
    t.ok(upstream.asked.includes('BT12AB'), 'the slow upstream was asked')
    const unknown = await lookup(t, 'BF1 3AD')
    t.match(unknown.match, { status: 'not-matched', reason: 'unknown-district' })
  })

  t.test('asks the upstream only what the index cannot settle', async (t) => {
    const before = upstream.asked.length
    t.match((await lookup(t, 'E1 6AN')).match, { level: 'unit', via: 'index' })
    t.match((await lookup(t, 'NR1 1AA')).match, { via: 'index' })
    t.match((await lookup(t, 'BT1 1')).match, { reason: 'northern-ireland' })
    t.match((await lookup(t, 'GY1 1AA')).match, { reason: 'channel-islands' })
    t.equal(upstream.asked.length, before, 'no request for a unit postcode, a settled sector, an NI sector or the Channel Islands')
  })

  t.test('logs no postcode, even at trace level', async (t) => {
    const text = log.text()
    t.ok(log.lines().some((l) => l.msg === 'request completed'), 'requests were logged')
    for (const postcode of ['BT1 1AA', 'BT28 1XP', 'BT27 1AB', 'SW1A 2AA', 'BT1 2AB', 'BT1 3AB', 'BF1 3AD', 'E1 6AN']) {
      const [outward, inward] = postcode.split(' ') as [string, string]
      t.notMatch(text, new RegExp(`${outward}\\s*${inward}`, 'i'), postcode)
    }
    t.notMatch(text, /postcode=/)
  })
})
