import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t from 'tap'
import { build, clockAt } from '../helper.js'

// Monday 2 February 2026, 10:00 in London (GMT).
const MONDAY_MORNING = '2026-02-02T10:00:00Z'

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((h) => h.id)

t.test('lists every helpline by name, in the list envelope', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const res = await app.inject('/v1/helplines')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(ids(body), ['always-line', 'evening-line-scotland', 'weekday-line'])
  t.same(body.meta, { release: '2026-01-01', total: 3, page: 1, per_page: 20 })
  t.same(body.links, { self: '/v1/helplines', first: '/v1/helplines', last: '/v1/helplines', next: null, prev: null })
  t.equal(res.headers['access-control-allow-origin'], '*')
})

t.test('filters by nation, audience, topic, contact kind and text', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const get = async (query: string) => ids((await app.inject(`/v1/helplines?${query}`)).json())
  t.same(await get('nation=scotland'), ['always-line', 'evening-line-scotland'])
  t.same(await get('nation=wales'), ['always-line', 'weekday-line'])
  t.same(await get('audience=parents-and-carers'), ['weekday-line'])
  t.same(await get('topic=abuse-and-neglect'), ['always-line', 'evening-line-scotland'])
  t.same(await get('contact_kind=email'), ['weekday-line'])
  t.same(await get('q=WORRIED'), ['evening-line-scotland', 'weekday-line'])
  t.same(await get('q=evening%20line'), ['evening-line-scotland'])
  t.same(await get('nation=northern-ireland&audience=parents-and-carers'), [])
})

t.test('pages through results with next and prev links that keep the filters', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const first = (await app.inject('/v1/helplines?per_page=2&topic=abuse-and-neglect')).json()
  t.same(ids(first), ['always-line', 'evening-line-scotland'])
  t.same(first.meta, { release: '2026-01-01', total: 2, page: 1, per_page: 2 })
  t.equal(first.links.next, null)
  const second = (await app.inject('/v1/helplines?per_page=1&page=2')).json()
  t.same(ids(second), ['evening-line-scotland'])
  t.same(second.links, {
    self: '/v1/helplines?page=2&per_page=1',
    first: '/v1/helplines?per_page=1',
    last: '/v1/helplines?page=3&per_page=1',
    next: '/v1/helplines?page=3&per_page=1',
    prev: '/v1/helplines?per_page=1'
  })
  const past = (await app.inject('/v1/helplines?page=9')).json()
  t.same(past.data, [])
  t.equal(past.meta.total, 3)
})

t.test('serves one helpline with dialable URIs and expanded sources', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const res = await app.inject('/v1/helplines/weekday-line')
  t.equal(res.statusCode, 200)
  const { data, meta } = res.json()
  t.same(meta, { release: '2026-01-01' })
  t.equal(data.organisation.name, 'Fixture Organisation')
  t.match(data.contacts[0], { kind: 'phone', value: '020 7946 0123', uri: 'tel:+442079460123', verification: 'confirmed', sources: ['fixture-hours'] })
  t.match(data.contacts[1], { kind: 'email', uri: 'mailto:help@example.org', hours: null, open_now: null, next_change: null })
  t.same(data.sources.map((s: { id: string }) => s.id), ['fixture-page', 'fixture-hours'])
  t.match(data.sources[1], { publisher: 'Fixture Publisher', url: 'http://example.org/hours', published: null, accessed: '2025-12-01', links: { self: '/v1/sources/fixture-hours' } })
  t.equal(data.links.self, '/v1/helplines/weekday-line')
  t.equal(data.stale, false)
})

t.test('never offers an unverified contact as something to dial', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const { data } = (await app.inject('/v1/helplines/evening-line-scotland')).json()
  t.match(data.contacts[1], { kind: 'text', value: '84001', verification: 'unverified', uri: null })
  t.match(data.contacts[0], { uri: 'tel:+448081570999' })
})

t.test('flags a record past its review date as stale', async (t) => {
  const app = await build(t, {}, { clock: clockAt('2026-07-01T09:00:00Z') })
  const { data } = (await app.inject('/v1/helplines/weekday-line')).json()
  t.equal(data.stale, true)
})

t.test('answers 400 problem details naming each bad parameter', async (t) => {
  const app = await build(t)
  const cases: Array<[string, string, RegExp]> = [
    ['nation=wale', 'nation', /must be one of: england, wales, scotland, northern-ireland/],
    ['colour=red', 'colour', /is not a parameter of this endpoint/],
    ['per_page=101', 'per_page', /at most 100/],
    ['page=0', 'page', /at least 1/],
    ['page=two', 'page', /whole number/],
    ['nation=wales&nation=scotland', 'nation', /single/],
    ['open_now=maybe', 'open_now', /boolean/],
    ['at=tomorrow', 'at', /format/],
    ['at=2026-02-31T10:00:00Z', 'at', /not a real date and time/],
    ['release=latest', 'release', /format/]
  ]
  for (const [query, name, reason] of cases) {
    const res = await app.inject(`/v1/helplines?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/, query)
    const body = res.json()
    t.match(body, { type: '/problems/invalid-parameter', status: 400, instance: '/v1/helplines' }, query)
    t.match(body.errors, [{ name, in: 'query', reason }], query)
    t.match(body.detail, new RegExp(`'${name}'`), query)
  }
  const two = (await app.inject('/v1/helplines?nation=x&per_page=0')).json()
  t.same(two.errors.map((e: { name: string }) => e.name).sort(), ['nation', 'per_page'])
  t.match(two.detail, /2 parameters are not valid/)
})

t.test('answers 404 problem details for an unknown id or release', async (t) => {
  const app = await build(t)
  const missing = await app.inject('/v1/helplines/no-such-line')
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { type: '/problems/not-found', instance: '/v1/helplines/{id}', errors: [{ name: 'id', in: 'path' }] })
  const badId = await app.inject('/v1/helplines/Not_A_Slug')
  t.equal(badId.statusCode, 400)
  t.match(badId.json().errors, [{ name: 'id', in: 'path' }])
  const release = await app.inject('/v1/helplines?release=2019-01-01')
  t.equal(release.statusCode, 404)
  t.match(release.json(), { type: '/problems/unknown-release', known_releases: ['2026-01-01'], errors: [{ name: 'release' }] })
})

t.test('answers every problem without echoing the query string', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/helplines?q=SW1A2AA-canary&colour=%3Cscript%3E')
  t.equal(res.statusCode, 400)
  t.notMatch(res.body, /SW1A2AA|canary|script/)
})

t.test('revalidates with ETag and If-None-Match', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const first = await app.inject('/v1/helplines')
  const etag = first.headers.etag as string
  t.match(etag, /^"[A-Za-z0-9_-]{32}"$/)
  t.equal((await app.inject('/v1/helplines')).headers.etag, etag, 'same answer, same ETag')
  const notModified = await app.inject({ url: '/v1/helplines', headers: { 'if-none-match': etag } })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')
  t.equal(notModified.headers.etag, etag)
  t.equal((await app.inject({ url: '/v1/helplines', headers: { 'if-none-match': `"other", W/${etag}` } })).statusCode, 304)
  t.equal((await app.inject({ url: '/v1/helplines', headers: { 'if-none-match': '"other"' } })).statusCode, 200)
  t.not((await app.inject('/v1/helplines?nation=wales')).headers.etag, etag, 'another question, another ETag')
})

t.test('sends Brotli or gzip as the client accepts, with Vary', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const plain = await app.inject('/v1/helplines')
  t.equal(plain.headers['content-encoding'], undefined)
  t.match(plain.headers.vary, /Accept-Encoding/)
  const br = await app.inject({ url: '/v1/helplines', headers: { 'accept-encoding': 'gzip, deflate, br' } })
  t.equal(br.headers['content-encoding'], 'br')
  t.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body)
  t.equal(br.headers.etag, plain.headers.etag, 'one representation, one ETag')
  const gzip = await app.inject({ url: '/v1/helplines', headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } })
  t.equal(gzip.headers['content-encoding'], 'gzip')
  t.equal(gunzipSync(gzip.rawPayload).toString(), plain.body)
  const none = await app.inject({ url: '/v1/helplines', headers: { 'accept-encoding': 'identity' } })
  t.equal(none.headers['content-encoding'], undefined)
})

t.test('answers HEAD with the headers of GET and no body', async (t) => {
  const app = await build(t, {}, { clock: clockAt(MONDAY_MORNING) })
  const get = await app.inject('/v1/helplines')
  const head = await app.inject({ method: 'HEAD', url: '/v1/helplines' })
  t.equal(head.statusCode, 200)
  t.equal(head.body, '')
  t.equal(head.headers.etag, get.headers.etag)
})
