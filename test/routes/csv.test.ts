import t from 'tap'
import { build, clockAt, REAL_DATA } from '../helper.js'
import { csvRecords, endsLinesWithCrlf, parseCsv } from '../support/parse-csv.js'
import { copyFixtureData, editFile, FIXTURE_RELEASE, reseal } from '../support/releases.js'

// Wednesday 2 December 2026, 10:00 in London.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'

type Json = Record<string, unknown>

// Every list endpoint, the column that names a record, and how many records the latest release has.
const LISTS: Array<[string, string, number]> = [
  ['/v1/helplines', 'id', 7],
  ['/v1/reporting-channels', 'id', 9],
  ['/v1/local-authorities', 'code', 212],
  ['/v1/situations', 'id', 9],
  ['/v1/statistics', 'id', 29],
  ['/v1/sources', 'id', 94 + 302],
  ['/v1/releases', 'id', 4]
]

// A fixture source whose notes hold a comma, quotes and a line break. Built before the real
// data, so that neither app's start-up stalls the other's loop mid-test.
const AWKWARD = 'Seen only on an "old" http page,\nthen archived.'
const fixtureDir = copyFixtureData(t.testdir({}))
editFile(fixtureDir, FIXTURE_RELEASE, 'sources.yaml', (text) => text.replace('notes: Seen only on an old http page.', `notes: ${JSON.stringify(AWKWARD)}`))
reseal(fixtureDir, FIXTURE_RELEASE)
const fixture = await build(t, { DATA_DIR: fixtureDir })
const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

const fetched = new Map<string, Json[]>()

/** Every record of a JSON list, following its pages. */
async function allRecords (path: string): Promise<Json[]> {
  const known = fetched.get(path)
  if (known !== undefined) return known
  const records: Json[] = []
  for (let url: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=100`; url !== null;) {
    const body: { data: Json[], links: { next: string | null } } = (await app.inject(url)).json()
    records.push(...body.data)
    url = body.links.next
  }
  fetched.set(path, records)
  return records
}

const csvOf = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url, headers })
  return { res, ...csvRecords(res.body) }
}

// The documented flattening (CSV_FLATTENING in the OpenAPI description), applied to the JSON answer.
const summarise = (item: unknown): string => {
  if (item === null || typeof item !== 'object') return String(item)
  const o = item as Json
  if (o.kind !== undefined && o.value !== undefined) return `${String(o.kind)}: ${String(o.value)}`
  if (Array.isArray(o.nations) && typeof o.text === 'string') return `${o.nations.join(', ')}: ${o.text}`
  return String(o.id ?? o.code ?? o.name)
}
const cellFor = (record: Json, column: string): string => {
  let value: unknown = record
  for (const key of column.split('.')) value = value !== null && typeof value === 'object' ? (value as Json)[key] : undefined
  if (value === undefined || value === null) return ''
  return Array.isArray(value) ? value.map(summarise).join(' | ') : String(value)
}
const columnsOf = (records: Json[]): string[] => {
  const found = new Set<string>()
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, prefix === '' ? key : `${prefix}.${key}`)
    } else found.add(prefix)
  }
  for (const record of records) walk(record, '')
  // A field null in one record and an object in another is written as its dotted columns only.
  return [...found].filter((c) => ![...found].some((other) => other.startsWith(`${c}.`))).sort()
}

t.test('reads RFC 4180 the way the tests rely on', async (t) => {
  t.same(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n'), [['a', 'b'], ['x, y', 'say "hi"']])
  t.same(parseCsv('a\r\n"two\r\nlines"\r\n"one\nline"\r\n'), [['a'], ['two\r\nlines'], ['one\nline']])
  t.same(parseCsv('a,b\n,\n'), [['a', 'b'], ['', '']])
  t.same(parseCsv('a,""\r\n'), [['a', '']])
  t.throws(() => parseCsv('a,"b\r\n'), /unterminated/)
  t.throws(() => parseCsv('a,b"c\r\n'), /stray quote/)
  t.throws(() => parseCsv('"a"b\r\n'), /closing quote/)
  t.throws(() => csvRecords('a,b\r\n1\r\n'), /1 cells, the header 2/)
  t.ok(endsLinesWithCrlf('a,"b\nc"\r\n'))
  t.notOk(endsLinesWithCrlf('a,b\nc,d\r\n'))
})

t.test('answers every list as CSV to Accept: text/csv and to ?format=csv', async (t) => {
  for (const [path, key, total] of LISTS) {
    const byHeader = await csvOf(path, { accept: 'text/csv' })
    t.equal(byHeader.res.statusCode, 200, `${path} Accept`)
    t.equal(byHeader.res.headers['content-type'], 'text/csv; charset=utf-8; header=present', `${path} Accept`)
    t.equal(byHeader.header[0], key, `${path} starts with ${key}`)
    t.equal(byHeader.records.length, total, `${path}: one row per record, all of them`)
    t.ok(endsLinesWithCrlf(byHeader.res.body), `${path} ends lines with CRLF`)
    t.ok(byHeader.res.body.endsWith('\r\n'), `${path} ends with a line end`)
    const json = await allRecords(path)
    t.same(byHeader.records.map((r) => r[key]), json.map((r) => r[key]), `${path}: the records of the JSON list, in its order`)

    const byQuery = await app.inject(`${path}?format=csv`)
    t.equal(byQuery.statusCode, 200, `${path}?format=csv`)
    t.match(byQuery.headers['content-type'], /^text\/csv; charset=utf-8/, `${path}?format=csv`)
    t.equal(byQuery.body, byHeader.res.body, `${path}: ?format=csv gives the same CSV`)
  }
})

t.test('writes each record\'s JSON fields as documented: dotted columns, lists joined with " | "', async (t) => {
  // Filtered lists too: the columns must not depend on which records happen to match.
  const filtered = ['/v1/statistics?publisher=office', '/v1/helplines?nation=wales', '/v1/sources?kind=dataset']
  for (const path of [...LISTS.map(([p]) => p), ...filtered]) {
    const json = await allRecords(path)
    const { header, records } = await csvOf(path, { accept: 'text/csv' })
    // The columns are the list's, whatever the filter: those of all its records.
    const everyRecord = await allRecords(path.split('?')[0] as string)
    t.same([...header].sort(), columnsOf(everyRecord), `${path}: a column for every JSON field of the list`)
    t.same(records, json.map((record) => Object.fromEntries(header.map((c) => [c, cellFor(record, c)]))), `${path}: every cell`)
  }
})

t.test('writes the cells a spreadsheet user reads', async (t) => {
  const helplines = await csvOf('/v1/helplines', { accept: 'text/csv' })
  t.ok(['organisation.id', 'organisation.name', 'anonymity.anonymous', 'age_range.max', 'links.self'].every((c) => helplines.header.includes(c)), 'nested objects as dotted columns')
  t.notOk(helplines.header.includes('organisation'), 'no column for the object itself')
  const childline = helplines.records.find((r) => r.id === 'childline')
  t.match(childline, {
    'organisation.name': 'National Society for the Prevention of Cruelty to Children',
    contacts: 'phone: 0800 1111 | webchat: https://www.childline.org.uk | web_form: https://www.childline.org.uk',
    audiences: 'children | young-people',
    nations: 'england | wales | scotland | northern-ireland',
    'age_range.min': '',
    'age_range.max': '18',
    'anonymity.anonymous': '',
    stale: 'false',
    'links.self': '/v1/helplines/childline'
  })
  t.match(helplines.records.find((r) => r.id === 'nspcc-helpline'), {
    contacts: 'phone: 0808 800 5000 | email: help@nspcc.org.uk | web_form: https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/report/',
    'anonymity.anonymous': 'true'
  })
  const statistics = await csvOf('/v1/statistics?format=csv')
  t.match(statistics.records.find((r) => r.id === 'nca-referrals-700pct-2018'), {
    value: '82109',
    'period.start': '2017',
    'change.value': '700',
    'change.since': '2012',
    sources: 'npcc-nca-week-of-action-2018 | deeside-nca-week-of-action-2018 | daily-mail-home-secretary-warning-2018',
    'links.citation': '/v1/statistics/nca-referrals-700pct-2018/citation'
  })
  t.match(statistics.records.find((r) => r.id === 'nca-estimate-550k-850k'), { value: '550000', value_high: '850000', 'change.value': '' })
  const releases = await csvOf('/v1/releases', { accept: 'text/csv' })
  t.match(releases.records[0], { id: '2026-12-01.2', latest: 'true', 'links.previous': '/v1/releases/2026-12-01' })
  t.match(releases.records[1], {
    id: '2026-12-01',
    latest: 'false',
    files: 'council-sources.yaml | council-teams.yaml | helplines.yaml | local-authorities.yaml | organisations.yaml | reporting-channels.yaml | reporting-routes.yaml | sources.yaml | statistics.yaml',
    'council_contacts.councils': '207',
    'links.previous': '/v1/releases/2026-11-28.2'
  })
  t.match(releases.records[2], {
    id: '2026-11-28.2',
    latest: 'false',
    files: 'helplines.yaml | local-authorities.yaml | organisations.yaml | reporting-channels.yaml | reporting-routes.yaml | sources.yaml | statistics.yaml',
    'links.previous': '/v1/releases/2026-11-28'
  })
  t.match(releases.records[3], { id: '2026-11-28', previous: '', 'links.previous': '' })
  t.match(helplines.res.body, /,"Free, confidential help for children/, 'a cell with a comma is quoted')
})

t.test('applies the filters, and ignores paging, in CSV', async (t) => {
  const wales = await csvOf('/v1/helplines?nation=wales&format=csv')
  t.equal(wales.res.statusCode, 200)
  const walesJson = await allRecords('/v1/helplines?nation=wales')
  t.ok(walesJson.length > 0 && walesJson.length < 7)
  t.same(wales.records.map((r) => r.id), walesJson.map((r) => r.id))
  t.ok(wales.records.every((r) => r.nations?.split(' | ').includes('wales')))
  t.equal((await csvOf('/v1/local-authorities?nation=wales&format=csv')).records.length, 22)
  t.equal((await csvOf('/v1/statistics?topic=crime&current_only=true', { accept: 'text/csv' })).records.length, 12)
  t.equal((await csvOf('/v1/sources?kind=dataset&format=csv')).records.length, 3)
  const paged = await csvOf('/v1/local-authorities?format=csv&per_page=5&page=3')
  t.equal(paged.records.length, 212, 'page and per_page do not apply')
  const first = await csvOf('/v1/sources?release=2026-11-28&format=csv')
  t.equal(first.records.length, 65, 'a release can be asked for')
  t.match(first.records[0], { 'links.self': /\?release=2026-11-28$/ })
})

t.test('writes the header row even when no record matches', async (t) => {
  for (const url of ['/v1/statistics?release=2026-11-28&format=csv', '/v1/helplines?q=no-such-service&format=csv']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    const [header = []] = parseCsv(res.body)
    // Content-Type promises header=present: a reader still needs to know the columns.
    t.equal(header[0], 'id', `${url} has a header row`)
  }
})

t.test('quotes commas, quotes and line breaks inside cells', async (t) => {
  const res = await fixture.inject('/v1/sources?format=csv')
  t.equal(res.statusCode, 200)
  t.match(res.body, '"Seen only on an ""old"" http page,\nthen archived."', 'quoted, quotes doubled, the line break kept inside')
  t.ok(endsLinesWithCrlf(res.body))
  const { records } = csvRecords(res.body)
  t.same(records.map((r) => r.id), ['fixture-hours', 'fixture-page'])
  t.equal(records[0]?.notes, AWKWARD)
  t.equal(records[0]?.published, '', 'null is an empty cell')
  t.equal(records[1]?.notes, '')
  t.equal((await fixture.inject('/v1/sources/fixture-hours')).json().data.notes, AWKWARD, 'the JSON says the same')
})

t.test('keeps JSON the default', async (t) => {
  const accepts: Array<string | undefined> = [
    undefined,
    '',
    '*/*',
    'application/json',
    'application/*',
    'text/csv;q=0.5, application/json',
    'text/csv, application/json',
    'application/json, text/csv',
    'text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8'
  ]
  for (const accept of accepts) {
    const res = await app.inject({ url: '/v1/statistics', headers: accept === undefined ? {} : { accept } })
    t.equal(res.statusCode, 200, `Accept: ${String(accept)}`)
    t.match(res.headers['content-type'], /^application\/json/, `Accept: ${String(accept)}`)
  }
  const csvPreferred = await app.inject({ url: '/v1/statistics', headers: { accept: 'application/json;q=0.4, text/csv' } })
  t.match(csvPreferred.headers['content-type'], /^text\/csv/, 'CSV when it has the higher q')
  const textAny = await app.inject({ url: '/v1/statistics', headers: { accept: 'text/*' } })
  t.match(textAny.headers['content-type'], /^text\/csv/, 'text/* allows only CSV')
  const explicitJson = await app.inject({ url: '/v1/statistics?format=json', headers: { accept: 'text/csv' } })
  t.match(explicitJson.headers['content-type'], /^application\/json/, '?format=json overrides Accept')
  const explicitCsv = await app.inject({ url: '/v1/statistics?format=csv', headers: { accept: 'application/json' } })
  t.match(explicitCsv.headers['content-type'], /^text\/csv/, '?format=csv overrides Accept')
  const badFormat = await app.inject('/v1/statistics?format=xml')
  t.equal(badFormat.statusCode, 400)
  t.match(badFormat.json().errors, [{ name: 'format', in: 'query', reason: /json, csv/ }])
})

t.test('answers 406 problem details when neither JSON nor CSV is acceptable', async (t) => {
  for (const accept of ['application/xml', 'text/html', 'application/json;q=0, text/csv;q=0', 'image/*']) {
    const res = await app.inject({ url: '/v1/helplines', headers: { accept } })
    t.equal(res.statusCode, 406, accept)
    t.match(res.headers['content-type'], /^application\/problem\+json/, accept)
    t.match(res.json(), { type: '/problems/not-acceptable', status: 406, instance: '/v1/helplines', detail: /application\/json or text\/csv/ }, accept)
  }
})

t.test('gives the JSON and CSV of a list their own ETags, and varies on Accept', async (t) => {
  const json = await app.inject('/v1/helplines')
  const csv = await app.inject({ url: '/v1/helplines', headers: { accept: 'text/csv' } })
  const jsonTag = json.headers.etag as string
  const csvTag = csv.headers.etag as string
  t.ok(jsonTag && csvTag)
  t.not(jsonTag, csvTag)
  t.equal((await app.inject('/v1/helplines?format=csv')).headers.etag, csvTag, 'the same CSV, the same ETag')
  for (const res of [json, csv]) t.match(res.headers.vary, /\bAccept\b/)
  t.equal((await app.inject({ url: '/v1/helplines', headers: { accept: 'text/csv', 'if-none-match': csvTag } })).statusCode, 304)
  t.equal((await app.inject({ url: '/v1/helplines', headers: { accept: 'text/csv', 'if-none-match': jsonTag } })).statusCode, 200, 'the JSON ETag does not validate the CSV')
  t.equal((await app.inject({ url: '/v1/helplines', headers: { 'if-none-match': csvTag } })).statusCode, 200, 'the CSV ETag does not validate the JSON')
})

const RECORDS = [
  '/v1/helplines/childline',
  '/v1/reporting-channels/ceop-safety-centre',
  '/v1/local-authorities/S12000033',
  '/v1/situations/online-grooming',
  '/v1/statistics/nca-80000-online-threat-2018',
  '/v1/statistics/nca-80000-online-threat-2018/citation',
  '/v1/sources/nspcc-report-concern'
]

t.test('answers 406 on a single record when only CSV is acceptable', async (t) => {
  for (const url of RECORDS) {
    const res = await app.inject({ url, headers: { accept: 'text/csv' } })
    t.equal(res.statusCode, 406, url)
    t.match(res.json(), { type: '/problems/not-acceptable', detail: /only as application\/json/ }, url)
    const either = await app.inject({ url, headers: { accept: 'text/csv, application/json;q=0.1' } })
    t.equal(either.statusCode, 200, `${url} when JSON is also acceptable`)
    t.equal((await app.inject(`${url}${url.includes('?') ? '&' : '?'}format=csv`)).statusCode, 400, `${url} takes no format parameter`)
  }
})

t.test('answers 406 on every other single document when only CSV is acceptable', async (t) => {
  // A release, its changes and bundle, a reporting route and a lookup are one document each,
  // like the records above: they should not answer JSON to a client that accepts only CSV.
  const documents = [
    '/v1/releases/2026-11-28',
    '/v1/releases/2026-11-28/changes',
    '/v1/releases/2026-11-28/bundle',
    '/v1/reporting-routes?situation=online-grooming',
    '/v1/local-authorities/lookup?postcode=SW1A%202AA'
  ]
  for (const url of documents) {
    const res = await app.inject({ url, headers: { accept: 'text/csv' } })
    t.equal(res.statusCode, 406, url)
  }
})
