import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { build, LATEST_RELEASE, REAL_DATA } from '../helper.js'

interface SourceRow { id: string, kind: string }

/** A release's sources.yaml as written, read with the YAML library rather than the app. */
const sourcesOf = (release: string, file = 'sources.yaml') =>
  parse(readFileSync(join(REAL_DATA, 'releases', release, file), 'utf8'), { schema: 'core' }) as SourceRow[]
const byCodeUnit = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0
const ids = (body: { data: SourceRow[] }) => body.data.map((s) => s.id)

// The bibliography holds the hand-written sources and the council pages the converter writes.
const LATEST = [...sourcesOf(LATEST_RELEASE), ...sourcesOf(LATEST_RELEASE, 'council-sources.yaml')]
const FIRST = sourcesOf('2026-11-28')
const PAGES = Math.ceil(LATEST.length / 20)
const PRIMARY = LATEST.filter((s) => s.kind === 'primary').length

const app = await build(t, { DATA_DIR: REAL_DATA })

t.test('lists every source of the latest release, sorted by id', async (t) => {
  const res = await app.inject('/v1/sources?per_page=100')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(body.meta, { release: LATEST_RELEASE, total: LATEST.length, page: 1, per_page: 100 })
  t.equal(sourcesOf(LATEST_RELEASE).length, 94)
  t.ok(LATEST.length > 300, `${LATEST.length} sources with the council pages`)
  t.same(ids(body), LATEST.map((s) => s.id).sort(byCodeUnit).slice(0, 100))
  t.same(ids(body).slice(0, 3), ['aberdeen-city-chi-childprotect', 'aberdeen-city-child-protection', 'aberdeen-city-protecting-children'])
  for (const source of body.data) t.equal(source.links.self, `/v1/sources/${source.id}`, source.id)
})

t.test('pages through the sources with next and prev links', async (t) => {
  const first = (await app.inject('/v1/sources')).json()
  t.same(first.meta, { release: LATEST_RELEASE, total: LATEST.length, page: 1, per_page: 20 })
  t.equal(first.data.length, 20)
  t.same(first.links, { self: '/v1/sources', first: '/v1/sources', last: `/v1/sources?page=${PAGES}`, next: '/v1/sources?page=2', prev: null })
  const last = (await app.inject(`/v1/sources?page=${PAGES}`)).json()
  t.equal(last.data.length, LATEST.length - (PAGES - 1) * 20)
  t.same(last.links, { self: `/v1/sources?page=${PAGES}`, first: '/v1/sources', last: `/v1/sources?page=${PAGES}`, next: null, prev: `/v1/sources?page=${PAGES - 1}` })
  const paged = (await app.inject('/v1/sources?kind=primary&per_page=10&page=2')).json()
  t.same(paged.meta, { release: LATEST_RELEASE, total: PRIMARY, page: 2, per_page: 10 })
  t.same(paged.links.next, '/v1/sources?kind=primary&page=3&per_page=10')
  t.same(paged.links.prev, '/v1/sources?kind=primary&per_page=10')
})

t.test('filters by kind', async (t) => {
  for (const kind of ['primary', 'official-secondary', 'secondary', 'code-reference', 'dataset', 'council-page', 'council-run-site', 'childrens-trust', 'safeguarding-partnership']) {
    const body = (await app.inject(`/v1/sources?kind=${kind}&per_page=100`)).json()
    t.same(ids(body), LATEST.filter((s) => s.kind === kind).map((s) => s.id).sort(byCodeUnit).slice(0, 100), kind)
    t.equal(body.meta.total, LATEST.filter((s) => s.kind === kind).length, kind)
  }
  t.same(ids((await app.inject('/v1/sources?kind=dataset')).json()), ['govuk-local-links-manager', 'mysociety-uk-local-authorities', 'ons-postcode-directory-2025-11'])
})

t.test('finds text in the publisher or title, whatever its case', async (t) => {
  const find = async (query: string) => ids((await app.inject(`/v1/sources?per_page=100&${query}`)).json())
  t.same(await find('q=shropshire%20star'), ['shropshire-star-online-grooming-2025', 'shropshire-star-west-midlands-grooming-2025'], 'publisher')
  t.same(await find('q=REPORT%20REMOVE'), ['fearless-report-remove-2024', 'iwf-report-remove', 'yorkshire-evening-post-report-remove'], 'title')
  t.same(await find('q=report%20remove&kind=primary'), ['iwf-report-remove'], 'with kind')
  t.same(await find('q=no%20such%20publisher'), [])
})

t.test('serves one source with every field, nulls explicit', async (t) => {
  const res = await app.inject('/v1/sources/nspcc-report-concern')
  t.equal(res.statusCode, 200)
  const { data, meta } = res.json()
  t.same(meta, { release: LATEST_RELEASE })
  t.same(data, {
    id: 'nspcc-report-concern',
    publisher: 'NSPCC',
    title: 'Report a concern about a child',
    url: 'https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/report/',
    published: null,
    published_note: null,
    accessed: '2026-11-28',
    kind: 'primary',
    licence: null,
    quotes: [],
    notes: 'Newest archived copy; undated. States the NSPCC Helpline phone hours, the 24-hour email and online form, and that callers need not give their details.',
    links: { self: '/v1/sources/nspcc-report-concern' }
  })
  const noted = (await app.inject('/v1/sources/sajid-javid-site-press-notice-2018')).json().data
  t.match(noted, { published: '2018-09-03', published_note: /The date of the speech/, kind: 'secondary' })
})

t.test('answers 404 problem details for an unknown source', async (t) => {
  const res = await app.inject('/v1/sources/no-such-page')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.json(), { type: '/problems/not-found', status: 404, instance: '/v1/sources/{id}', errors: [{ name: 'id', in: 'path' }] })
  const bad = await app.inject('/v1/sources?kind=blog')
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors, [{ name: 'kind', in: 'query', reason: /must be one of/ }])
})

t.test('has fewer sources in the first release, without those of the statistics', async (t) => {
  const body = (await app.inject('/v1/sources?release=2026-11-28&per_page=100')).json()
  t.same(body.meta, { release: '2026-11-28', total: 65, page: 1, per_page: 100 })
  t.same(ids(body), FIRST.map((s) => s.id).sort(byCodeUnit))
  t.ok(body.data.length < LATEST.length)
  t.equal(body.data[0].links.self, `/v1/sources/${body.data[0].id}?release=2026-11-28`)
  const statisticsOnly = 'wired-gov-nca-300000-2020'
  t.equal((await app.inject(`/v1/sources/${statisticsOnly}`)).statusCode, 200)
  const before = await app.inject(`/v1/sources/${statisticsOnly}?release=2026-11-28`)
  t.equal(before.statusCode, 404)
  t.match(before.json(), { type: '/problems/not-found' })
})

t.test('resolves every source a helpline cites through its link', async (t) => {
  for (const release of ['', '?release=2026-11-28']) {
    const helplines = (await app.inject(`/v1/helplines${release}`)).json().data as Array<{ id: string, sources: Array<{ id: string, links: { self: string } }> }>
    const links = new Map(helplines.flatMap((h) => h.sources.map((s) => [s.links.self, s.id] as const)))
    t.ok(links.size > 10, `${links.size} sources cited${release}`)
    for (const [link, id] of links) {
      const res = await app.inject(link)
      t.equal(res.statusCode, 200, link)
      t.equal(res.json().data.id, id, link)
      t.equal(res.json().data.links.self, link, link)
    }
  }
  const nspcc = (await app.inject('/v1/helplines/nspcc-helpline')).json().data
  const cymru = nspcc.sources.find((s: SourceRow) => s.id === 'nation-cymru-nspcc-cymru-2024')
  t.equal(cymru.links.self, '/v1/sources/nation-cymru-nspcc-cymru-2024')
  t.match((await app.inject(cymru.links.self)).json().data, { id: 'nation-cymru-nspcc-cymru-2024', url: /^https?:\/\// })
})

t.test('revalidates a source with ETag and If-None-Match', async (t) => {
  const first = await app.inject('/v1/sources/nspcc-report-concern')
  const again = await app.inject({ url: '/v1/sources/nspcc-report-concern', headers: { 'if-none-match': first.headers.etag as string } })
  t.equal(again.statusCode, 304)
})
