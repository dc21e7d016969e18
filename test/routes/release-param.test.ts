import t from 'tap'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Wednesday 2 December 2026, 10:00 in London.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'
const FIRST = '2026-11-28'
const LATEST = LATEST_RELEASE

// Every data endpoint, with a record that exists in both releases.
const LISTS = ['/v1/helplines', '/v1/reporting-channels', '/v1/local-authorities', '/v1/situations', '/v1/statistics', '/v1/sources']
const ITEMS = [
  '/v1/helplines/nspcc-helpline',
  '/v1/reporting-channels/ceop-safety-centre',
  '/v1/local-authorities/S12000033',
  '/v1/situations/online-grooming',
  '/v1/sources/nspcc-report-concern'
]
const OTHERS = [
  '/v1/reporting-routes?situation=online-grooming',
  '/v1/reporting-routes?situation=worried-about-a-child&postcode=SW1A%202AA',
  '/v1/local-authorities/lookup?postcode=SW1A%202AA'
]
// Statistics arrived in the latest release: these exist only there.
const STATISTIC = '/v1/statistics/nca-80000-online-threat-2018'
const CITATION = `${STATISTIC}/citation`
const EVERY_ENDPOINT = [...LISTS, ...ITEMS, ...OTHERS, STATISTIC, CITATION]

const withRelease = (url: string, release: string) => `${url}${url.includes('?') ? '&' : '?'}release=${release}`

/** Every link to this API anywhere in an answer. */
function apiLinks (value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('/v1/')) found.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) apiLinks(item, found)
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) apiLinks(item, found)
  }
  return found
}
const releaseOf = (link: string) => new URL(link, 'http://api.test').searchParams.get('release')

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

t.test('serves the first release on every data endpoint, every link pinned to it', async (t) => {
  for (const url of [...LISTS, ...ITEMS, ...OTHERS]) {
    const res = await app.inject(withRelease(url, FIRST))
    t.equal(res.statusCode, 200, url)
    const body = res.json()
    t.equal(body.meta.release, FIRST, `${url} says which release`)
    const links = apiLinks(body)
    t.ok(links.length > 0, `${url} has links`)
    t.same(links.filter((link) => releaseOf(link) !== FIRST), [], `${url}: every link carries release=${FIRST}`)
  }
})

t.test('pins the self links of lists and records to the release asked for', async (t) => {
  for (const url of LISTS) {
    const body = (await app.inject(withRelease(url, FIRST))).json()
    t.equal(body.links.self, `${url}?release=${FIRST}`, url)
  }
  for (const url of ITEMS) {
    const body = (await app.inject(withRelease(url, FIRST))).json()
    t.equal(body.data.links.self, `${url}?release=${FIRST}`, url)
  }
  const paged = (await app.inject(`/v1/local-authorities?nation=wales&per_page=5&page=2&release=${FIRST}`)).json()
  t.same(paged.meta, { release: FIRST, total: 22, page: 2, per_page: 5 })
  t.same(paged.links, {
    self: `/v1/local-authorities?nation=wales&page=2&per_page=5&release=${FIRST}`,
    first: `/v1/local-authorities?nation=wales&per_page=5&release=${FIRST}`,
    last: `/v1/local-authorities?nation=wales&page=5&per_page=5&release=${FIRST}`,
    next: `/v1/local-authorities?nation=wales&page=3&per_page=5&release=${FIRST}`,
    prev: `/v1/local-authorities?nation=wales&per_page=5&release=${FIRST}`
  })
  const route = (await app.inject(withRelease('/v1/reporting-routes?situation=online-grooming', FIRST))).json()
  t.equal(route.meta.release, FIRST)
  const lookup = (await app.inject(withRelease('/v1/local-authorities/lookup?postcode=SW1A%202AA', FIRST))).json()
  t.equal(lookup.data.national_routes, `/v1/situations?release=${FIRST}`)
})

t.test('serves the latest release with unpinned links, asked for by id or not at all', async (t) => {
  for (const url of EVERY_ENDPOINT) {
    const implicit = await app.inject(url)
    const explicit = await app.inject(withRelease(url, LATEST))
    t.equal(implicit.statusCode, 200, url)
    t.equal(explicit.statusCode, 200, `${url} with release=${LATEST}`)
    t.equal(implicit.json().meta.release, LATEST, url)
    t.equal(explicit.json().meta.release, LATEST, `${url} with release=${LATEST}`)
    t.same(apiLinks(implicit.json()).filter((link) => releaseOf(link) !== null), [], `${url}: no link names a release`)
    t.same(explicit.json(), implicit.json(), `${url}: naming the latest release changes nothing`)
  }
})

t.test('shows the NSPCC Helpline email answered in Welsh only from the latest release', async (t) => {
  const email = async (url: string) => {
    const { data } = (await app.inject(url)).json()
    return data.contacts.find((c: { kind: string }) => c.kind === 'email')
  }
  const before = await email(withRelease('/v1/helplines/nspcc-helpline', FIRST))
  t.match(before, { value: 'help@nspcc.org.uk' })
  t.same(before.languages, [])
  const now = await email('/v1/helplines/nspcc-helpline')
  t.same(now.languages, ['en', 'cy'])
  t.same((await email(withRelease('/v1/helplines/nspcc-helpline', LATEST))).languages, ['en', 'cy'])
  const listed = (await app.inject(withRelease('/v1/helplines', FIRST))).json().data.find((h: { id: string }) => h.id === 'nspcc-helpline')
  t.same(listed.contacts.find((c: { kind: string }) => c.kind === 'email').languages, [], 'in the list too')
  const tags = await Promise.all([FIRST, LATEST].map(async (r) => (await app.inject(withRelease('/v1/helplines/nspcc-helpline', r))).headers.etag))
  t.not(tags[0], tags[1], 'each release its own ETag')
})

t.test('knows no statistic in the first release', async (t) => {
  const list = (await app.inject(withRelease('/v1/statistics', FIRST))).json()
  t.same(list.meta, { release: FIRST, total: 0, page: 1, per_page: 20 })
  for (const url of [STATISTIC, CITATION]) {
    const res = await app.inject(withRelease(url, FIRST))
    t.equal(res.statusCode, 404, url)
    t.match(res.json(), { type: '/problems/not-found', errors: [{ name: 'id', in: 'path' }] }, url)
  }
})

t.test('answers 404 problem details listing the known releases for an unknown one, on every endpoint', async (t) => {
  for (const url of EVERY_ENDPOINT) {
    const res = await app.inject(withRelease(url, '2025-01-01'))
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
    const body = res.json()
    t.match(body, {
      type: '/problems/unknown-release',
      status: 404,
      errors: [{ name: 'release', in: 'query', reason: /not a release/ }]
    }, url)
    t.same(body.known_releases, [LATEST, '2026-12-01', '2026-11-28.2', FIRST], url)
  }
  for (const url of ['/v1/helplines?release=latest', '/v1/sources/nspcc-report-concern?release=2026-11-28.x']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json().errors, [{ name: 'release', in: 'query' }], url)
  }
})
