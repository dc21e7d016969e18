import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t from 'tap'
import { warmUpPaths } from '../../src/http/warm-up.js'
import { build, captureLog, clockAt, REAL_DATA } from '../helper.js'
import { profileErrors, profileRef } from '../support/oruk-profile.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): no record is past its review date.
const WINTER_MORNING = '2026-12-02T10:00:00Z'
const BASE = 'https://api.example.org'
const LISTS = ['/hsds/services', '/hsds/service_at_locations', '/hsds/organizations', '/hsds/taxonomies', '/hsds/taxonomy_terms']

const log = captureLog()
// Absolute links, as the profile's `uri` formats want (PUBLIC_BASE_URL in production).
const app = await build(t, { DATA_DIR: REAL_DATA, PUBLIC_BASE_URL: BASE, RATE_LIMIT_MAX: 100_000, LOG_LEVEL: 'info' }, { clock: clockAt(WINTER_MORNING), logStream: log.stream })

interface Page<T = Named> { total_items: number, total_pages: number, page_number: number, size: number, first_page: boolean, last_page: boolean, empty: boolean, contents: T[] }
interface Named { id: string, name: string }

async function get<T = Page> (url: string): Promise<T> {
  const res = await app.inject(url)
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 300)}`)
  return res.json() as T
}

/** Every service an HSDS query finds, across its pages, by name. */
async function names (query: string, list = '/hsds/services'): Promise<string[]> {
  const found: string[] = []
  for (let page = 1; ; page++) {
    const body = await get<Page<{ name?: string, service?: { name: string } }>>(`${list}?${query}${query === '' ? '' : '&'}per_page=100&page=${page}`)
    found.push(...body.contents.map((c) => c.name ?? c.service?.name ?? ''))
    if (body.last_page) return found
  }
}

const term = async (name: string) => {
  const all = await get<Page<Named>>('/hsds/taxonomy_terms?per_page=100')
  const found = all.contents.find((x) => x.name === name)
  if (found === undefined) throw new Error(`no term ${name}`)
  return found.id
}

t.test('the ORUK walk: first, middle and last page of every list, and every record found, pass the profile\'s schemas', async (t) => {
  const errors: string[] = []
  let items = 0
  errors.push(...profileErrors('/hsds/', await get('/hsds/')))
  for (const list of LISTS) {
    const first = await get(list)
    t.ok(first.total_items > 0, `${list} has records`)
    const pages = [...new Set([1, Math.ceil(first.total_pages / 2), first.total_pages])]
    for (const page of pages) {
      const body = await get(`${list}?page=${page}`)
      errors.push(...profileErrors(list, body))
      t.match(body, { total_items: first.total_items, page_number: page, size: body.contents.length, first_page: page === 1, last_page: page === first.total_pages, empty: false }, `${list} page ${page} of ${first.total_pages}`)
      for (const listed of body.contents) {
        const item = await get<Record<string, unknown>>(`${list}/${listed.id}`)
        errors.push(...profileErrors(`${list}/{id}`, item))
        t.equal(item.id, listed.id)
        items++
      }
    }
  }
  t.same(errors, [], `0 schema errors over every list walked and ${items} records`)
})

t.test('every record of the latest release, and the walk of every older one, pass the profile\'s schemas', async (t) => {
  const errors: string[] = []
  let count = 0
  // Councils' lines for professionals are listed when professionals are asked for.
  const professionals = `taxonomy_term_id=${await term('Professionals')}`
  const queries = [...LISTS.map((list) => [list, '']), ['/hsds/services', professionals], ['/hsds/service_at_locations', professionals]] as const
  const [latest, ...older] = app.catalogues.ids
  for (const release of [latest, ...older]) {
    for (const [list, query] of queries) {
      const base = `${list}?${query}&release=${release}`
      const first = await get(`${base}&per_page=100`)
      // Every page of the latest release; the first, middle and last of the older ones.
      const pages = release === latest
        ? Array.from({ length: first.total_pages }, (_, i) => i + 1)
        : [...new Set([1, Math.ceil(first.total_pages / 2), first.total_pages])]
      for (const page of pages) {
        const body = await get(`${base}&per_page=100&page=${page}`)
        errors.push(...profileErrors(list, body))
        for (const listed of body.contents) {
          errors.push(...profileErrors(`${list}/{id}`, await get(`${list}/${listed.id}?release=${release}`)))
          count++
        }
      }
    }
  }
  t.ok(older.length >= 3 && count > 1500, `${count} records in ${app.catalogues.ids.length} releases`)
  t.same(errors, [], '0 schema errors')
})

t.test('validates /service_at_locations/{id} against compiled/service_at_location.json, not the compiled/service.json the profile names', async (t) => {
  t.equal(profileRef('/service_at_locations/{id}'), 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/compiled/service.json', 'the quirk is still in the profile')
  const [first] = (await get<Page<Named>>('/hsds/service_at_locations?per_page=1')).contents
  t.same(profileErrors('/hsds/service_at_locations/{id}', await get(`/hsds/service_at_locations/${first?.id}`)), [])
})

t.test('answers the profile\'s root', async (t) => {
  t.same(await get('/hsds/'), {
    version: '3.0',
    profile: 'https://github.com/OpenReferralUK/uk-profile/tree/ecdfabf78944d480d7f580d08b702b08cbec4b09',
    openapi_url: `${BASE}/openapi.json`
  })
  t.equal((await app.inject('/hsds')).statusCode, 200, 'with or without the trailing slash')
})

t.test('postcode=LS1 4AP finds Leeds City Council\'s children\'s social care and the national services for England, privately', async (t) => {
  const res = await app.inject('/hsds/services?postcode=LS1%204AP&per_page=100')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'private, no-store')
  t.notMatch(res.body, /LS1/i, 'the answer never repeats the postcode')
  const found = (res.json() as Page<Named>).contents.map((s) => s.name)
  t.ok(found.includes('Leeds City Council children\'s social care'))
  t.same(found.filter((n) => n.endsWith(' children\'s social care') && n !== 'Local council children\'s social care'), ['Leeds City Council children\'s social care'], 'no other council')
  t.ok(found.includes('Childline') && found.includes('Police emergency - 999'), 'UK-wide services')
  t.notOk(found.includes('Meic') || found.includes('ParentLine Scotland'), 'not services for Wales or Scotland only')
  t.same(await names('postcode=LS1%204AP', '/hsds/service_at_locations'), found, 'the same on /service_at_locations')
  t.same(await names('postcode=LS1%204AP&proximity=500'), found, 'proximity narrows nothing further: these services have no premises')
})

t.test('lists a council\'s lines for professionals only when professionals are asked for', async (t) => {
  const pro = 'Leeds City Council children\'s social care: lines for professionals'
  t.notOk((await names('search=leeds')).includes(pro), 'not in a plain list')
  t.notOk((await names('postcode=LS1%204AP')).includes(pro), 'nor for a postcode')
  const asked = await names(`postcode=LS1%204AP&taxonomy_term_id=${await term('Professionals')}`)
  t.ok(asked.includes(pro) && asked.includes('NSPCC Whistleblowing Advice Line'), 'with the professionals audience: theirs, and the services for professionals')
  t.notOk(asked.includes('Leeds City Council children\'s social care'), 'the public service is for anyone, not professionals')
})

t.test('postcode finds a Welsh or Scottish council with its nation\'s own services', async (t) => {
  const cardiff = await names('postcode=CF10%201EP')
  t.ok(cardiff.includes('City of Cardiff Council children\'s social care') && cardiff.includes('Meic'))
  t.notOk(cardiff.includes('ParentLine Scotland'))
  const edinburgh = await names('postcode=EH1%201YZ')
  t.ok(edinburgh.includes('City of Edinburgh Council children\'s social care') && edinburgh.includes('ParentLine Scotland'))
  t.notOk(edinburgh.includes('Meic'))
  t.same(await names('postcode=GY1%201AA'), [], 'Guernsey is outside the UK: no service area holds it')
})

t.test('search finds what its words are in, any case', async (t) => {
  t.same(await names('search=SAMARITANS'), ['Samaritans'])
  t.same(await names('search=leeds'), ['Leeds City Council children\'s social care'])
  t.same(await names('search=stop%20it%20now'), ['Stop It Now helpline'])
  t.same(await names('search=leeds', '/hsds/organizations'), ['Leeds City Council'])
  t.same(await names('search=no-such-words'), [])
})

t.test('taxonomy_term_id and taxonomy_id find the services the /v1 topic and audience filters find', async (t) => {
  const v1 = async (path: string) => ((await get<{ data: Named[] }>(`${path}&per_page=100`)).data).map((r) => r.name)
  for (const topic of ['Whistleblowing', 'Online grooming', 'Nude image sharing']) {
    const slug = topic.toLowerCase().replace(/ /g, '-')
    const expected = [...await v1(`/v1/helplines?topic=${slug}`), ...await v1(`/v1/reporting-channels?topic=${slug}`)].sort()
    t.ok(expected.length > 0, `${topic} has services`)
    t.same((await names(`taxonomy_term_id=${await term(topic)}`)).sort(), expected, topic)
  }
  t.same(await names(`taxonomy_term_id=${await term('Whistleblowing')}`), ['NSPCC Whistleblowing Advice Line'])
  const taxonomies = await get<Page<Named>>('/hsds/taxonomies')
  const topics = taxonomies.contents.find((x) => x.name === 'Safeguarding API topics')
  t.equal((await get(`/hsds/services?taxonomy_id=${topics?.id}`)).total_items, 228, 'every service has a topic')
  t.same(await names('taxonomy_term_id=00000000-0000-5000-8000-000000000000'), [], 'a term no one has')
})

t.test('day, start_time and end_time ask one opening span each, in UK time', async (t) => {
  // The oracle: every listed service's published schedules, read as the profile words the filters.
  interface Schedule { byday: string, opens_at: string, closes_at: string }
  const listed = await names('')
  const schedules = new Map<string, Schedule[]>()
  for (let page = 1; ; page++) {
    const body = await get(`/hsds/services?per_page=100&page=${page}`)
    for (const s of body.contents) schedules.set(s.name, (await get<{ schedules?: Schedule[] }>(`/hsds/services/${s.id}`)).schedules ?? [])
    if (body.last_page) break
  }
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
  const closes = (s: Schedule) => minutes(s.closes_at) > minutes(s.opens_at) ? minutes(s.closes_at) : minutes(s.closes_at) + 1440
  const having = (fits: (s: Schedule) => boolean) => listed.filter((name) => (schedules.get(name) ?? []).some(fits))

  const saturdayFromNine = await names('day=SA&start_time=09:00')
  t.same(saturdayFromNine, having((s) => s.byday.includes('SA') && minutes(s.opens_at) >= 540))
  // The NSPCC's weekend hours start at 9am; Childline opens at midnight, so not "at 09:00 or later".
  t.ok(saturdayFromNine.includes('NSPCC Helpline'))
  t.notOk(saturdayFromNine.includes('Childline'))
  t.same(await names('day=SA&start_time=10:00%2B01:00'), saturdayFromNine, '10:00 BST is 09:00 in December')
  t.same(await names('day=SA&start_time=09:00:00Z'), saturdayFromNine)
  const mondayBySix = await names('day=MO&end_time=18:00')
  t.same(mondayBySix, having((s) => s.byday.includes('MO') && closes(s) <= 1080), 'a span past midnight closes the next day')
  t.ok(mondayBySix.includes('City of Westminster children\'s social care'), 'its daytime line: 9am to 5pm')
  t.notOk(mondayBySix.includes('NSPCC Helpline'), 'open until 10pm')
  const saturday = await names('day=SA')
  t.same(saturday, having((s) => s.byday.includes('SA')))
  t.ok(saturday.includes('Childline') && saturday.includes('Meic'))
  t.notOk(saturday.includes('ParentLine Scotland'), 'its hours are not confirmed')
  t.same(await names('day=SA&start_time=09:00&search=nspcc'), ['NSPCC Helpline', 'NSPCC Helpline - report a concern'], 'filters combine with AND')
})

t.test('minimum_age and maximum_age compare with the ages a service states', async (t) => {
  t.same(await names('maximum_age=18'), ['Childline'])
  t.same(await names('maximum_age=17'), [])
  t.same(await names('minimum_age=0'), [], 'no service states a minimum age')
})

t.test('organization_id finds the services an organisation runs', async (t) => {
  const nspcc = (await get<Page<Named>>('/hsds/organizations?search=cruelty')).contents[0]
  t.same(await names(`organization_id=${nspcc?.id}`), ['Childline', 'NSPCC Helpline', 'NSPCC Helpline - report a concern', 'NSPCC Whistleblowing Advice Line', 'Report Remove (Childline and IWF)'])
})

t.test('serves the same numbers as /v1', async (t) => {
  const childline = (await get<Page<Named>>('/hsds/services?search=childline&per_page=1')).contents[0]
  const hsds = await get<{ phones: Array<{ number: string }> }>(`/hsds/services/${childline?.id}`)
  const v1 = await get<{ data: { contacts: Array<{ kind: string, value: string }> } }>('/v1/helplines/childline')
  t.same(hsds.phones.map((p) => p.number), v1.data.contacts.filter((c) => c.kind === 'phone').map((c) => c.value))
})

t.test('answers as the rest of the API does: CORS, ETag and 304, Brotli and gzip, cache windows', async (t) => {
  const res = await app.inject('/hsds/services')
  t.equal(res.headers['access-control-allow-origin'], '*')
  t.equal(res.headers['cache-control'], 'public, max-age=300, stale-if-error=86400')
  const etag = res.headers.etag as string
  t.equal((await app.inject({ url: '/hsds/services', headers: { 'if-none-match': etag } })).statusCode, 304)
  const br = await app.inject({ url: '/hsds/services', headers: { 'accept-encoding': 'br' } })
  const gz = await app.inject({ url: '/hsds/services', headers: { 'accept-encoding': 'gzip' } })
  t.equal(br.headers['content-encoding'], 'br')
  t.equal(brotliDecompressSync(br.rawPayload).toString(), res.body)
  t.equal(gunzipSync(gz.rawPayload).toString(), res.body)
  t.equal((await app.inject('/hsds/services/00000000-0000-5000-8000-000000000000')).headers['access-control-allow-origin'], '*')
})

t.test('answers bad parameters with problem details naming them', async (t) => {
  const cases: Array<[string, string]> = [
    ['/hsds/services?colour=red', 'colour'],
    ['/hsds/services?day=Monday', 'day'],
    ['/hsds/services?start_time=9am', 'start_time'],
    ['/hsds/services?per_page=101', 'per_page'],
    ['/hsds/services?taxonomy_term_id=topic', 'taxonomy_term_id'],
    ['/hsds/services?postcode=ZZZZZZ', 'postcode'],
    ['/hsds/services?proximity=100', 'proximity'],
    ['/hsds/taxonomies?search=x', 'search']
  ]
  for (const [url, name] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 400, errors: [{ name, in: 'query' }] }, url)
  }
  const missing = await app.inject('/hsds/services/00000000-0000-5000-8000-000000000000')
  t.match(missing.json(), { status: 404, detail: 'No service has the id given in the path' })
  t.match((await app.inject('/hsds/services?release=2000-01-01')).json(), { status: 404, errors: [{ name: 'release' }] })
})

t.test('warms up the root and every list of the view', async (t) => {
  const paths = warmUpPaths(app.catalogues).filter((p) => p.startsWith('/hsds'))
  t.same(paths, ['/hsds/', ...LISTS])
  for (const path of paths) t.equal((await app.inject(path)).statusCode, 200, path)
})

t.test('pins a release with ?release=', async (t) => {
  const older = await get('/hsds/services?release=2026-11-28')
  t.equal(older.total_items, 228, 'the first release: 7 helplines, 9 channels and 212 councils')
  const [first] = older.contents
  t.equal((await app.inject(`/hsds/services/${first?.id}?release=2026-11-28`)).statusCode, 200)
})

t.test('writes summer hours with the summer offset, and expires answers at the clock change', async (t) => {
  const atChange = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt('2027-03-28T00:58:00Z') })
  const list = await atChange.inject('/hsds/services?search=nspcc%20helpline&per_page=100')
  t.equal(list.headers['cache-control'], 'public, max-age=120, stale-if-error=86400', 'two minutes before the clocks go forward')
  const id = (list.json() as Page<Named>).contents.find((s) => s.name === 'NSPCC Helpline')?.id
  const winter = await atChange.inject(`/hsds/services/${id}`)
  t.match(winter.json(), { schedules: [{ opens_at: '08:00+00:00', valid_to: '2027-03-27' }] })
  const summer = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt('2027-07-01T12:00:00Z') })
  const later = (await summer.inject(`/hsds/services/${id}`)).json() as { schedules: Array<{ opens_at: string, valid_from: string }>, alert?: string }
  t.match(later.schedules[0], { opens_at: '08:00+01:00', valid_from: '2027-03-28' })
  t.match(later.alert, /was due for review by 2027-02-28/, 'past its review date: still served, with an alert')
})

t.test('never logs a postcode or search text', async (t) => {
  await app.inject('/hsds/services?postcode=LS1%204AP&search=QZXCANARY')
  await app.inject('/hsds/service_at_locations?postcode=CF10%201EP')
  // (Request ids are hex: a bare 'cf10' could be one.)
  t.notMatch(log.text(), /LS1(?: |%20|\+)?4AP|CF10(?: |%20|\+)?1EP|QZXCANARY/i)
  t.match(log.text(), /\/hsds\/services/, 'the route template is logged')
})
