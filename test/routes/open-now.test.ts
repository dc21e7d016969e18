import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, clockAt, FIXTURE_DATA } from '../helper.js'

// Open-now answers through the routes, on the fixture services (test/fixtures/data):
// always-line (UK, always open), weekday-line (England and Wales, Mon-Fri 09:00-17:00,
// closed on bank holidays) and evening-line-scotland (daily 18:00-02:00, closed on bank holidays).

const PUBLIC_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800'

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((h) => h.id)
/** The open-now status of a service's first contact (its phone line, in every fixture). */
const phone = (service: { contacts: Array<{ open_now: boolean | null, next_change: string | null }> }) =>
  ({ open_now: service.contacts[0]?.open_now, next_change: service.contacts[0]?.next_change })

// One app for the file, its clock stood at whatever moment a test needs.
let clock = clockAt('2026-02-02T10:00:00Z')
const standAt = (iso: string) => { clock = clockAt(iso) }
const app = await build(t, {}, { clock: () => clock() })

t.test('lists what is open at the clock\'s moment', async (t) => {
  const at = async (iso: string, query = 'open_now=true') => {
    standAt(iso)
    return ids((await app.inject(`/v1/helplines?${query}`)).json())
  }
  // Monday 2 February 2026, 10:00 London (GMT).
  t.same(await at('2026-02-02T10:00:00Z'), ['always-line', 'weekday-line'])
  t.same(await at('2026-02-02T10:00:00Z', 'open_now=false'), ['evening-line-scotland'])
  // Sunday 8 February 2026, 03:00: the night line closed at 02:00.
  t.same(await at('2026-02-08T03:00:00Z'), ['always-line'])
  // Monday 1 June 2026, 10:00 and 08:30 London (BST).
  t.same(await at('2026-06-01T09:00:00Z'), ['always-line', 'weekday-line'])
  t.same(await at('2026-06-01T07:30:00Z'), ['always-line'])
})

t.test('answers ?at= in any offset as the instant it names', async (t) => {
  standAt('2026-02-02T10:00:00Z')
  const now = (await app.inject('/v1/helplines')).json()
  for (const at of ['2026-02-02T10:00:00Z', '2026-02-02T10:00:00.000z', '2026-02-02T15:30:00+05:30', '2026-02-02T05:00:00-05:00', '2026-02-02T10:00+00:00']) {
    const res = await app.inject(`/v1/helplines?at=${encodeURIComponent(at)}`)
    t.equal(res.statusCode, 200, at)
    const body = res.json()
    t.same(body.data, now.data, `${at} is the clock's moment`)
    t.same(body.meta, now.meta, at)
    t.equal(body.links.self, `/v1/helplines?at=${encodeURIComponent(at)}`, `${at} is kept as given`)
  }
  const summer = async (at: string) => ids((await app.inject(`/v1/helplines?open_now=true&at=${encodeURIComponent(at)}`)).json())
  t.same(await summer('2026-06-01T08:30:00Z'), ['always-line', 'weekday-line'], '08:30 UTC is 09:30 in London in June')
  t.same(await summer('2026-06-01T09:30:00+01:00'), ['always-line', 'weekday-line'])
  t.same(await summer('2026-02-02T08:30:00Z'), ['always-line'], '08:30 UTC is 08:30 in London in February')
})

t.test('keeps a span that runs past midnight open into the next day', async (t) => {
  standAt('2026-02-07T01:00:00Z')
  // Saturday 7 February, 01:00: Friday's 18:00-02:00 span is still running.
  t.same(phone((await app.inject('/v1/helplines/evening-line-scotland')).json().data), { open_now: true, next_change: '2026-02-07T02:00:00+00:00' })
  t.same(ids((await app.inject('/v1/helplines?open_now=true&nation=scotland')).json()), ['always-line', 'evening-line-scotland'])
  t.same(phone((await app.inject('/v1/helplines/evening-line-scotland?at=2026-02-07T02:00:00Z')).json().data), { open_now: false, next_change: '2026-02-07T18:00:00+00:00' })
  t.same(phone((await app.inject('/v1/helplines/evening-line-scotland?at=2026-02-06T17:59:59Z')).json().data), { open_now: false, next_change: '2026-02-06T18:00:00+00:00' })
})

t.test('crosses the spring clock change (29 March 2026, 01:00 UTC)', async (t) => {
  const item = async (iso: string, id: string) => {
    standAt(iso)
    const res = await app.inject(`/v1/helplines/${id}`)
    return { ...phone(res.json().data), cache: res.headers['cache-control'] }
  }
  // 00:59 GMT: the night line closes at 02:00 London, which is now an hour of BST away.
  t.same(await item('2026-03-29T00:59:00Z', 'evening-line-scotland'), { open_now: true, next_change: '2026-03-29T02:00:00+01:00', cache: 'public, max-age=60, stale-if-error=86400' })
  t.same(await item('2026-03-29T01:00:00Z', 'evening-line-scotland'), { open_now: false, next_change: '2026-03-29T18:00:00+01:00', cache: 'public, max-age=300, stale-if-error=86400' })
  t.match(await item('2026-03-29T12:00:00Z', 'weekday-line'), { open_now: false, next_change: '2026-03-30T09:00:00+01:00' })
  t.match(await item('2026-03-30T07:59:59Z', 'weekday-line'), { open_now: false, next_change: '2026-03-30T09:00:00+01:00' })
  t.match(await item('2026-03-30T08:00:00Z', 'weekday-line'), { open_now: true, next_change: '2026-03-30T17:00:00+01:00' })
})

t.test('crosses the autumn clock change (25 October 2026, 01:00 UTC)', async (t) => {
  const item = async (iso: string, id: string) => {
    standAt(iso)
    const res = await app.inject(`/v1/helplines/${id}`)
    return { ...phone(res.json().data), cache: res.headers['cache-control'] }
  }
  // 01:30 BST, then 01:30 GMT an hour later: open both times, until 02:00 GMT.
  t.same(await item('2026-10-25T00:30:00Z', 'evening-line-scotland'), { open_now: true, next_change: '2026-10-25T02:00:00+00:00', cache: 'public, max-age=300, stale-if-error=86400' })
  t.same(await item('2026-10-25T01:30:00Z', 'evening-line-scotland'), { open_now: true, next_change: '2026-10-25T02:00:00+00:00', cache: 'public, max-age=300, stale-if-error=86400' })
  t.same(await item('2026-10-25T01:58:00Z', 'evening-line-scotland'), { open_now: true, next_change: '2026-10-25T02:00:00+00:00', cache: 'public, max-age=120, stale-if-error=86400' })
  t.match(await item('2026-10-24T17:00:00Z', 'evening-line-scotland'), { open_now: true, next_change: '2026-10-25T02:00:00+00:00' })
  t.match(await item('2026-10-25T12:00:00Z', 'weekday-line'), { open_now: false, next_change: '2026-10-26T09:00:00+00:00' })
  t.match(await item('2026-10-23T15:30:00Z', 'weekday-line'), { open_now: true, next_change: '2026-10-23T17:00:00+01:00' })
})

t.test('closes on Christmas Day and the Boxing Day substitute (28 December 2026)', async (t) => {
  standAt('2026-12-01T10:00:00Z')
  const at = async (id: string, iso: string) => phone((await app.inject(`/v1/helplines/${id}?at=${iso}`)).json().data)
  t.same(await at('weekday-line', '2026-12-24T10:00:00Z'), { open_now: true, next_change: '2026-12-24T17:00:00+00:00' })
  // Thursday evening: Friday is Christmas Day, Monday the Boxing Day substitute.
  t.same(await at('weekday-line', '2026-12-24T18:00:00Z'), { open_now: false, next_change: '2026-12-29T09:00:00+00:00' })
  t.same(await at('weekday-line', '2026-12-25T10:00:00Z'), { open_now: false, next_change: '2026-12-29T09:00:00+00:00' })
  t.same(await at('weekday-line', '2026-12-28T10:00:00Z'), { open_now: false, next_change: '2026-12-29T09:00:00+00:00' })
  t.same(await at('weekday-line', '2026-12-29T10:00:00Z'), { open_now: true, next_change: '2026-12-29T17:00:00+00:00' })
  // 2027: Christmas and Boxing Day fall at the weekend, so Monday 27 and Tuesday 28 are the substitutes.
  t.same(await at('weekday-line', '2027-12-24T18:00:00Z'), { open_now: false, next_change: '2027-12-29T09:00:00+00:00' })
  // Saturday 26 December 2026 is not itself a bank holiday: the night line opens as usual.
  t.same(await at('evening-line-scotland', '2026-12-25T20:00:00Z'), { open_now: false, next_change: '2026-12-26T18:00:00+00:00' })
  t.same(await at('evening-line-scotland', '2026-12-26T20:00:00Z'), { open_now: true, next_change: '2026-12-27T02:00:00+00:00' })
  // Past the calendar's last year, whether a weekday is a bank holiday is not known: the
  // line is never shown as open, and no change is announced.
  t.same(await at('weekday-line', '2031-02-03T10:00:00Z'), { open_now: null, next_change: null })
})

t.test('applies a single-nation service\'s own bank holidays, also to the span after midnight', async (t) => {
  standAt('2026-01-02T20:00:00Z')
  // 2 January is a Scottish bank holiday: Friday evening's span does not open, so it is not
  // open in the small hours of Saturday either.
  t.same(phone((await app.inject('/v1/helplines/evening-line-scotland')).json().data), { open_now: false, next_change: '2026-01-03T18:00:00+00:00' })
  t.same(phone((await app.inject('/v1/helplines/evening-line-scotland?at=2026-01-03T01:00:00Z')).json().data), { open_now: false, next_change: '2026-01-03T18:00:00+00:00' })
  t.same(phone((await app.inject('/v1/helplines/weekday-line')).json().data), { open_now: false, next_change: '2026-01-05T09:00:00+00:00' }, 'closed at 20:00 anyway')
  t.same(phone((await app.inject('/v1/helplines/weekday-line?at=2026-01-02T10:00:00Z')).json().data), { open_now: true, next_change: '2026-01-02T17:00:00+00:00' }, 'England and Wales work on 2 January')
  t.same(phone((await app.inject('/v1/helplines/weekday-line?at=2026-01-02T10:00:00Z&nation=scotland')).json().data), { open_now: false, next_change: '2026-01-05T09:00:00+00:00' })
})

t.test('offers what is open when open_now=true matches nothing', async (t) => {
  standAt('2026-02-08T03:00:00Z')
  const res = await app.inject('/v1/helplines?open_now=true&audience=parents-and-carers')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.data, [])
  t.match(body.meta, { total: 0 })
  const alternatives = body.meta.open_now_alternatives
  t.same(alternatives.map((a: { id: string }) => a.id), ['always-line'])
  t.match(alternatives[0], { kind: 'helpline', name: 'Always Line', links: { self: '/v1/helplines/always-line' } })
  t.same(alternatives[0].contacts.map((c: { kind: string, open_now: boolean }) => [c.kind, c.open_now]), [['phone', true]], 'only its open contacts')
  // Saturday 20:00: the night line is open too, but only where it serves.
  const saturday = (await app.inject('/v1/helplines?open_now=true&audience=parents-and-carers&at=2026-02-07T20:00:00Z')).json()
  t.same(saturday.meta.open_now_alternatives.map((a: { id: string }) => a.id), ['always-line', 'evening-line-scotland'])
  t.same(saturday.meta.open_now_alternatives[1].contacts.map((c: { kind: string }) => c.kind), ['phone'])
  const wales = (await app.inject('/v1/helplines?open_now=true&audience=parents-and-carers&nation=wales&at=2026-02-07T20:00:00Z')).json()
  t.same(wales.meta.open_now_alternatives.map((a: { id: string }) => a.id), ['always-line'])
  const found = (await app.inject('/v1/helplines?open_now=true')).json()
  t.equal(found.meta.open_now_alternatives, undefined, 'none when something is open')
  const closedAsked = (await app.inject('/v1/helplines?open_now=false&audience=anyone&at=2026-02-07T20:00:00Z')).json()
  t.same(closedAsked.data, [])
  t.equal(closedAsked.meta.open_now_alternatives, undefined, 'none when closed services were asked for')
})

t.test('lets caches keep a clock answer only until its status next changes', async (t) => {
  const cacheControl = async (iso: string, url: string) => {
    standAt(iso)
    return (await app.inject(url)).headers['cache-control']
  }
  // Monday: the weekday line closes at 17:00.
  t.equal(await cacheControl('2026-02-02T16:58:20Z', '/v1/helplines'), 'public, max-age=100, stale-if-error=86400')
  t.equal(await cacheControl('2026-02-02T16:55:00Z', '/v1/helplines'), 'public, max-age=300, stale-if-error=86400')
  t.equal(await cacheControl('2026-02-02T10:00:00Z', '/v1/helplines'), 'public, max-age=300, stale-if-error=86400', 'at most 300 seconds')
  t.equal(await cacheControl('2026-02-02T16:59:59.500Z', '/v1/helplines/weekday-line'), 'public, max-age=0, stale-if-error=86400')
  // The always-open line never changes; only its review date bounds the answer.
  t.equal(await cacheControl('2026-02-02T16:58:20Z', '/v1/helplines/always-line'), 'public, max-age=300, stale-if-error=86400')
  // Evening: the night line opens at 18:00, and the empty answer's alternatives change with it.
  t.equal(await cacheControl('2026-02-02T17:59:00Z', '/v1/helplines?open_now=true&audience=parents-and-carers'), 'public, max-age=60, stale-if-error=86400')
  t.equal(await cacheControl('2026-02-02T16:58:20Z', '/v1/helplines?at=2026-02-02T16:58:20Z'), PUBLIC_CACHE_CONTROL, 'a fixed moment is cached as usual')
  t.equal(await cacheControl('2026-02-02T16:58:20Z', '/v1/helplines/weekday-line?at=2026-02-02T16:58:20Z'), PUBLIC_CACHE_CONTROL)
})

t.test('changes the ETag when the status window changes, and gives 304 only on a match', async (t) => {
  const get = (url: string, etag?: string) => app.inject({ url, headers: etag === undefined ? {} : { 'if-none-match': etag } })
  for (const url of ['/v1/helplines', '/v1/helplines?open_now=true', '/v1/helplines/weekday-line']) {
    standAt('2026-02-02T16:58:00Z')
    const before = await get(url)
    const etag = before.headers.etag as string
    t.equal(before.headers['cache-control'], 'public, max-age=120, stale-if-error=86400', url)
    standAt('2026-02-02T16:59:00Z')
    const later = await get(url)
    t.equal(later.headers.etag, etag, `${url}: same window, same ETag`)
    t.equal(later.headers['cache-control'], 'public, max-age=60, stale-if-error=86400', url)
    t.equal((await get(url, etag)).statusCode, 304, `${url}: 304 inside the window`)
    standAt('2026-02-02T17:00:00Z')
    const after = await get(url)
    t.equal(after.statusCode, 200, url)
    t.not(after.headers.etag, etag, `${url}: a new window, a new ETag`)
    t.not(after.body, before.body, url)
    const stale = await get(url, etag)
    t.equal(stale.statusCode, 200, `${url}: no 304 for the old ETag`)
    t.equal(stale.body, after.body, url)
    t.equal((await get(url, after.headers.etag as string)).statusCode, 304, `${url}: 304 for the new ETag`)
  }
  standAt('2026-02-02T17:00:00Z')
  t.same(ids((await get('/v1/helplines?open_now=true')).json()), ['always-line'])
  t.match(phone((await get('/v1/helplines/weekday-line')).json().data), { open_now: false, next_change: '2026-02-03T09:00:00+00:00' })
  // A record turns stale at the first London midnight after its review date (30 June 2026).
  standAt('2026-06-30T22:59:59Z')
  const fresh = await get('/v1/helplines/weekday-line')
  t.equal(fresh.json().data.stale, false)
  t.equal(fresh.headers['cache-control'], 'public, max-age=1, stale-if-error=86400')
  standAt('2026-06-30T23:00:00Z')
  const stale = await get('/v1/helplines/weekday-line', fresh.headers.etag as string)
  t.equal(stale.statusCode, 200)
  t.equal(stale.json().data.stale, true)
  t.not(stale.headers.etag, fresh.headers.etag)
})

t.test('answers 400 problem details naming `at` for a moment that is not one', async (t) => {
  standAt('2026-02-02T10:00:00Z')
  const cases: Array<[string, RegExp]> = [
    ['2026-02-30T10:00:00Z', /not a real date and time/],
    ['2026-02-02T24:00:00Z', /not a real date and time/],
    ['2026-02-02T10:00:00+24:00', /not a real date and time/],
    ['yesterday', /format/],
    ['2026-02-02T10:00:00', /format/],
    ['2026-02-02', /format/],
    ['2026-02-02 10:00:00Z', /format/]
  ]
  for (const [at, reason] of cases) {
    for (const path of ['/v1/helplines', '/v1/helplines/always-line']) {
      const res = await app.inject(`${path}?at=${encodeURIComponent(at)}`)
      t.equal(res.statusCode, 400, `${path} ${at}`)
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.match(res.json(), { type: '/problems/invalid-parameter', errors: [{ name: 'at', in: 'query', reason }] }, `${path} ${at}`)
      t.match(res.json().detail, /'at'/)
    }
  }
})

// Last: building a second app blocks the event loop, which the first app's overload guard notices.
t.test('reads bank holidays from the calendar of the nation asked about', async (t) => {
  // A UK-wide weekday line closed on bank holidays, beside the fixture release's own files.
  const helplines = `- id: uk-weekday-line
  name: UK Weekday Line
  organisation: fixture-org
  summary: Weekday advice anywhere in the UK.
  audiences: [anyone]
  topics: [abuse-and-neglect]
  nations: [england, wales, scotland, northern-ireland]
  anonymity: { anonymous: true, note: Anonymous. }
  cost: Free
  contacts:
    - kind: phone
      label: Call
      value: 020 7946 0456
      hours:
        timezone: Europe/London
        always_open: false
        weekly: [{ days: [mon, tue, wed, thu, fri], opens: '09:00', closes: '17:00' }]
        bank_holidays: closed
  sources: [fixture-page]
  verified_on: 2025-12-01
  review_by: 2099-01-01
`
  const release = join(FIXTURE_DATA, 'releases', '2026-01-01')
  const organisations = readFileSync(join(release, 'organisations.yaml'))
  const sources = readFileSync(join(release, 'sources.yaml'))
  const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex')
  const dir = t.testdir({
    calendars: { 'uk-bank-holidays.yaml': readFileSync(join(FIXTURE_DATA, 'calendars', 'uk-bank-holidays.yaml')) },
    releases: {
      '2026-01-01': {
        'manifest.yaml': [
          "id: '2026-01-01'",
          "published_at: '2026-01-01T09:00:00Z'",
          'previous: null',
          'summary: UK-wide fixture.',
          'files:',
          `  helplines.yaml: ${sha(helplines)}`,
          `  organisations.yaml: ${sha(organisations)}`,
          `  sources.yaml: ${sha(sources)}`
        ].join('\n') + '\n',
        'helplines.yaml': helplines,
        'organisations.yaml': organisations,
        'sources.yaml': sources
      }
    }
  })
  const app = await build(t, { DATA_DIR: dir }, { clock: clockAt('2026-01-02T10:00:00Z') })
  const list = async (query: string) => (await app.inject(`/v1/helplines?${query}`)).json()
  // Friday 2 January 2026 is a bank holiday in Scotland only.
  t.same(phone((await list('nation=scotland')).data[0]), { open_now: false, next_change: '2026-01-05T09:00:00+00:00' })
  t.same(phone((await list('nation=england')).data[0]), { open_now: true, next_change: '2026-01-02T17:00:00+00:00' })
  t.same(phone((await list('nation=wales')).data[0]), { open_now: true, next_change: '2026-01-02T17:00:00+00:00' })
  t.same(phone((await list('')).data[0]), { open_now: true, next_change: '2026-01-02T17:00:00+00:00' }, 'England and Wales when no nation is asked')
  t.same(ids(await list('nation=scotland&open_now=true')), [])
  t.same(ids(await list('nation=england&open_now=true')), ['uk-weekday-line'])
  t.same(phone((await app.inject('/v1/helplines/uk-weekday-line?nation=scotland')).json().data), { open_now: false, next_change: '2026-01-05T09:00:00+00:00' })
  // Tuesday 17 March 2026, St Patrick's Day: a bank holiday in Northern Ireland only.
  t.same(phone((await list('nation=northern-ireland&at=2026-03-17T10:00:00Z')).data[0]), { open_now: false, next_change: '2026-03-18T09:00:00+00:00' })
  t.same(phone((await list('nation=scotland&at=2026-03-17T10:00:00Z')).data[0]), { open_now: true, next_change: '2026-03-17T17:00:00+00:00' })
})
