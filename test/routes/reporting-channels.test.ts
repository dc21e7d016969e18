import t from 'tap'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): office hours, not a bank holiday.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((c) => c.id)

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

t.test('lists every reporting channel by name, in the list envelope', async (t) => {
  const res = await app.inject('/v1/reporting-channels')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(ids(body), [
    'ceop-safety-centre',
    'crimestoppers',
    'iwf-report',
    'local-council-childrens-social-care',
    'nspcc-helpline-report',
    'police-999',
    'police-101',
    'ni-regional-emergency-social-work',
    'report-remove'
  ])
  t.same(body.meta, { release: LATEST_RELEASE, total: 9, page: 1, per_page: 20 })
  t.same(body.links, {
    self: '/v1/reporting-channels',
    first: '/v1/reporting-channels',
    last: '/v1/reporting-channels',
    next: null,
    prev: null
  })
  t.ok(res.headers.etag)
})

t.test('filters by nation, topic, urgency, contact kind and text', async (t) => {
  const get = async (query: string) => ids((await app.inject(`/v1/reporting-channels?${query}`)).json())
  const everywhere = ['ceop-safety-centre', 'crimestoppers', 'iwf-report', 'local-council-childrens-social-care', 'nspcc-helpline-report', 'police-999', 'police-101', 'report-remove']
  t.same(await get('nation=wales'), everywhere, 'the NI out-of-hours service is not offered in Wales')
  t.same(await get('nation=scotland'), everywhere)
  t.same(await get('nation=northern-ireland'), [...everywhere.slice(0, 7), 'ni-regional-emergency-social-work', 'report-remove'])
  t.same(await get('topic=online-grooming'), ['ceop-safety-centre'])
  t.same(await get('topic=child-sexual-abuse-imagery'), ['iwf-report', 'report-remove'])
  t.same(await get('urgency=emergency'), ['police-999'])
  t.same(await get('urgency=urgent'), ['ni-regional-emergency-social-work'])
  t.same(await get('urgency=urgent&nation=england'), [])
  t.same(await get('contact_kind=relay'), ['police-999', 'police-101'])
  t.same(await get('contact_kind=video_relay'), ['police-999'])
  t.same(await get('contact_kind=email'), ['nspcc-helpline-report'])
  t.same(await get('q=IWF'), ['iwf-report', 'report-remove'])
  t.same(await get('q=%20crimestoppers%20'), ['crimestoppers'], 'surrounding spaces are ignored')
  t.same(await get('q=no-such-words-anywhere'), [])
})

t.test('filters by anonymity, where an unknown anonymity matches neither answer', async (t) => {
  const get = async (query: string) => ids((await app.inject(`/v1/reporting-channels?${query}`)).json())
  const anonymous = await get('anonymous=true')
  const named = await get('anonymous=false')
  t.same(anonymous, ['crimestoppers', 'iwf-report', 'local-council-childrens-social-care', 'nspcc-helpline-report', 'report-remove'])
  t.same(named, ['ceop-safety-centre'])
  for (const unknown of ['police-999', 'police-101', 'ni-regional-emergency-social-work']) {
    t.notOk(anonymous.includes(unknown), `${unknown} is not offered as anonymous`)
    t.notOk(named.includes(unknown), `${unknown} is not offered as named-only`)
  }
  const all = (await app.inject('/v1/reporting-channels?anonymous=true')).json()
  t.ok(all.data.every((c: { anonymity: { anonymous: boolean | null } }) => c.anonymity.anonymous === true))
})

t.test('filters by what is open at the moment asked about', async (t) => {
  const get = async (query: string) => ids((await app.inject(`/v1/reporting-channels?${query}`)).json())
  // Wednesday 10:00: NSPCC phone lines and the always-open services are open; the NI
  // out-of-hours service is closed in office hours.
  t.same(await get('open_now=true'), ['crimestoppers', 'nspcc-helpline-report', 'police-999'])
  t.same(await get('open_now=false'), ['ceop-safety-centre', 'iwf-report', 'local-council-childrens-social-care', 'police-101', 'ni-regional-emergency-social-work', 'report-remove'])
  // Wednesday 20:00: the NI out-of-hours service has opened.
  t.same(await get('open_now=true&at=2026-12-02T20:00:00Z'), ['crimestoppers', 'nspcc-helpline-report', 'police-999', 'ni-regional-emergency-social-work'])
  t.same(await get('open_now=true&at=2026-12-02T20:00:00Z&urgency=urgent'), ['ni-regional-emergency-social-work'])
  t.same(await get('open_now=true&at=2026-12-02T20:00:00Z&nation=wales'), ['crimestoppers', 'nspcc-helpline-report', 'police-999'])
})

t.test('offers what is open instead when open_now=true finds nothing', async (t) => {
  const body = (await app.inject('/v1/reporting-channels?urgency=urgent&open_now=true')).json()
  t.same(body.data, [])
  t.equal(body.meta.total, 0)
  const alternatives = body.meta.open_now_alternatives as Array<{ id: string, kind: string, contacts: Array<{ open_now: boolean | null }> }>
  t.ok(alternatives.some((a) => a.id === 'police-999' && a.kind === 'reporting-channel'), '999 is offered')
  t.notOk(alternatives.some((a) => a.id === 'ni-regional-emergency-social-work'), 'not what is closed')
  t.ok(alternatives.every((a) => a.contacts.length > 0 && a.contacts.every((c) => c.open_now === true)), 'only open contacts are shown')
  const matched = (await app.inject('/v1/reporting-channels?urgency=emergency&open_now=true')).json()
  t.equal(matched.meta.open_now_alternatives, undefined, 'no alternatives when something matched')
})

t.test('pages through results with links that keep the filters', async (t) => {
  const body = (await app.inject('/v1/reporting-channels?topic=abuse-and-neglect&per_page=2&page=2')).json()
  t.same(ids(body), ['nspcc-helpline-report', 'police-999'])
  t.same(body.meta, { release: LATEST_RELEASE, total: 6, page: 2, per_page: 2 })
  t.same(body.links, {
    self: '/v1/reporting-channels?topic=abuse-and-neglect&page=2&per_page=2',
    first: '/v1/reporting-channels?topic=abuse-and-neglect&per_page=2',
    last: '/v1/reporting-channels?topic=abuse-and-neglect&page=3&per_page=2',
    next: '/v1/reporting-channels?topic=abuse-and-neglect&page=3&per_page=2',
    prev: '/v1/reporting-channels?topic=abuse-and-neglect&per_page=2'
  })
  const links = (await app.inject('/v1/reporting-channels?q=iwf&anonymous=true&nation=wales&open_now=false&at=2026-12-02T10:00:00Z')).json().links
  t.equal(links.self, '/v1/reporting-channels?nation=wales&anonymous=true&open_now=false&at=2026-12-02T10%3A00%3A00Z&q=iwf')
  const past = (await app.inject('/v1/reporting-channels?page=5')).json()
  t.same(past.data, [])
  t.equal(past.meta.total, 9)
})

t.test('serves CEOP as a channel that cannot take anonymous reports', async (t) => {
  const res = await app.inject('/v1/reporting-channels/ceop-safety-centre')
  t.equal(res.statusCode, 200)
  const { data, meta } = res.json()
  t.same(meta, { release: LATEST_RELEASE })
  t.match(data, {
    id: 'ceop-safety-centre',
    organisation: { id: 'national-crime-agency' },
    anonymity: { anonymous: false, note: /cannot be made anonymously/ },
    urgency: 'standard',
    scope: 'national',
    stale: false,
    links: { self: '/v1/reporting-channels/ceop-safety-centre' }
  })
  t.match(data.do_not, [/999/, /Do not download/])
  t.match(data.contacts, [{ kind: 'web_form', uri: 'https://www.ceop.police.uk/Safety-Centre/', hours: null, open_now: null, next_change: null }])
  t.same(data.sources.map((s: { id: string }) => s.id), ['ceop-education-reporting-an-incident', 'ceop-safety-centre-concerned-adult', 'nca-child-sexual-abuse-and-exploitation'])
})

t.test('serves the IWF as a channel that takes anonymous reports', async (t) => {
  const { data } = (await app.inject('/v1/reporting-channels/iwf-report')).json()
  t.match(data, { id: 'iwf-report', anonymity: { anonymous: true }, urgency: 'standard' })
  t.match(data.do_not, [/Never download, save, screenshot or forward/])
  t.match(data.contacts, [{ kind: 'web_form', uri: 'https://www.iwf.org.uk/report' }])
})

t.test('serves 999 with every accessible way to reach it, each dialable or openable', async (t) => {
  const { data } = (await app.inject('/v1/reporting-channels/police-999')).json()
  t.match(data, { id: 'police-999', urgency: 'emergency', anonymity: { anonymous: null }, website: null })
  const contacts = data.contacts as Array<{ kind: string, value: string, uri: string | null, open_now: boolean | null, next_change: string | null }>
  t.same(contacts.map((c) => [c.kind, c.uri]), [
    ['phone', 'tel:999'],
    ['relay', 'tel:18000'],
    ['text', 'sms:999'],
    ['video_relay', 'https://www.999bsl.co.uk/'],
    ['app', null]
  ])
  t.equal(contacts[4]?.value, '999 BSL app', 'an app named without a store link has nothing to open')
  t.ok(contacts.every((c) => c.open_now === true && c.next_change === null), 'always open, never changing')
})

t.test('serves the council channel as local, resolved per authority', async (t) => {
  const { data } = (await app.inject('/v1/reporting-channels/local-council-childrens-social-care')).json()
  t.match(data, { scope: 'local', organisation: { id: 'local-authorities' }, anonymity: { anonymous: true } })
  t.same(data.nations, ['england', 'wales', 'scotland', 'northern-ireland'])
})

t.test('computes an item\'s hours with its own nation\'s bank holidays', async (t) => {
  const get = async (at: string) => (await app.inject(`/v1/reporting-channels/ni-regional-emergency-social-work?at=${at}`)).json().data.contacts[0]
  // Tuesday 17 March 2026, St Patrick's Day: a bank holiday in Northern Ireland only, when
  // the out-of-hours service is open all day.
  t.match(await get('2026-03-17T11:00:00Z'), { open_now: true, next_change: '2026-03-18T09:00:00+00:00' })
  t.match(await get('2026-03-18T11:00:00Z'), { open_now: false, next_change: '2026-03-18T17:00:00+00:00' })
})

t.test('answers 404 problem details for an unknown id, 400 for a malformed one', async (t) => {
  const missing = await app.inject('/v1/reporting-channels/no-such-channel')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.match(missing.json(), {
    type: '/problems/not-found',
    status: 404,
    instance: '/v1/reporting-channels/{id}',
    errors: [{ name: 'id', in: 'path', reason: 'matches no record' }]
  })
  t.notMatch(missing.body, /no-such-channel/)
  const malformed = await app.inject('/v1/reporting-channels/Police_999')
  t.equal(malformed.statusCode, 400)
  t.match(malformed.json().errors, [{ name: 'id', in: 'path' }])
})

t.test('answers 400 problem details naming each bad parameter', async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ['nation=ulster', 'nation', /must be one of: england, wales, scotland, northern-ireland/],
    ['topic=weather', 'topic', /must be one of: .*online-grooming/],
    ['anonymous=maybe', 'anonymous', /boolean/],
    ['anonymous=true&anonymous=false', 'anonymous', /single/],
    ['urgency=high', 'urgency', /must be one of: emergency, urgent, standard/],
    ['contact_kind=pigeon', 'contact_kind', /must be one of: phone, text/],
    ['open_now=perhaps', 'open_now', /boolean/],
    ['at=yesterday', 'at', /format/],
    ['at=2026-02-30T10:00:00Z', 'at', /not a real date and time/],
    ['per_page=0', 'per_page', /at least 1/],
    ['audience=children', 'audience', /is not a parameter of this endpoint/]
  ]
  for (const [query, name, reason] of cases) {
    const res = await app.inject(`/v1/reporting-channels?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/, query)
    t.match(res.json(), { type: '/problems/invalid-parameter', status: 400, instance: '/v1/reporting-channels', errors: [{ name, in: 'query', reason }] }, query)
  }
  const item = await app.inject('/v1/reporting-channels/police-999?topic=emergency')
  t.equal(item.statusCode, 400)
  t.match(item.json().errors, [{ name: 'topic', reason: /is not a parameter of this endpoint/ }])
})

t.test('revalidates a channel with ETag and If-None-Match', async (t) => {
  const first = await app.inject('/v1/reporting-channels/iwf-report')
  const etag = first.headers.etag as string
  t.match(etag, /^"[A-Za-z0-9_-]{32}"$/)
  const again = await app.inject({ url: '/v1/reporting-channels/iwf-report', headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  t.not((await app.inject('/v1/reporting-channels/ceop-safety-centre')).headers.etag, etag)
})
