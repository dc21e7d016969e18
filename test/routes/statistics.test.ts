import t from 'tap'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Tuesday 1 December 2026: after the latest release, before any statistic's review date.
const AFTER_RELEASE = '2026-12-01T10:00:00Z'

interface Served { id: string }
const ids = (body: { data: Served[] }) => body.data.map((s) => s.id)

// All 29 statistics of release 2026-11-28.2, newest period end first, ties by id.
const NEWEST_FIRST = [
  'nspcc-foi-online-grooming-2024-25',
  'ceop-sextortion-reports-2024',
  'childline-counselling-sessions-2023-24',
  'iwf-2024-reports-actioned',
  'iwf-report-remove-2024',
  'nspcc-helpline-contacts-2023-24',
  'nspcc-foi-online-grooming-2023-24',
  'iwf-2023-urls-confirmed',
  'nspcc-foi-child-sexual-offences-2022-23',
  'vkpp-csae-crimes-2022',
  'nca-estimate-550k-850k',
  'nca-monthly-arrests-2022',
  'iicsa-police-recorded-sexual-offences-against-children-ye-sep-2021',
  'nca-estimate-300000-2020',
  'ons-adults-any-child-abuse-before-16',
  'ons-adults-sexual-abuse-before-16',
  'ons-police-recorded-child-sexual-offences-ye-mar-2019',
  'csa-centre-boys-sexual-abuse-before-16-2018',
  'csa-centre-girls-sexual-abuse-before-16-2018',
  'nca-80000-online-threat-2018',
  'nca-monthly-arrests-2018',
  'nca-week-of-action-arrests-2018',
  'nca-week-of-action-positions-of-trust-2018',
  'nca-week-of-action-registered-sex-offenders-2018',
  'nspcc-child-abuse-image-offences-2017-18',
  'online-child-sex-offences-23-per-day-2017-18',
  'iwf-2017-urls-confirmed',
  'nca-referrals-700pct-2018',
  'nspcc-online-child-sex-offences-2016-17'
]
const SUPERSEDED = ['nspcc-foi-online-grooming-2023-24', 'nca-estimate-300000-2020', 'nca-80000-online-threat-2018', 'nca-monthly-arrests-2018', 'iwf-2017-urls-confirmed']
const ENGLAND_AND_WALES = [
  'vkpp-csae-crimes-2022',
  'iicsa-police-recorded-sexual-offences-against-children-ye-sep-2021',
  'ons-adults-any-child-abuse-before-16',
  'ons-adults-sexual-abuse-before-16',
  'ons-police-recorded-child-sexual-offences-ye-mar-2019',
  'csa-centre-boys-sexual-abuse-before-16-2018',
  'csa-centre-girls-sexual-abuse-before-16-2018',
  'online-child-sex-offences-23-per-day-2017-18',
  'nspcc-online-child-sex-offences-2016-17'
]
const KNOWN_RELEASES = [LATEST_RELEASE, '2026-12-01', '2026-11-28.2', '2026-11-28']

// One app for the file; the stale test moves its clock past the review date and back.
let now = clockAt(AFTER_RELEASE)
const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: () => now() })
const get = async (query: string) => ids((await app.inject(`/v1/statistics?per_page=100&${query}`)).json())
const everyStatistic = new Map<string, Record<string, unknown> & { sources: Array<Record<string, string>> }>(
  (await app.inject('/v1/statistics?per_page=100')).json().data.map((s: Served) => [s.id, s])
)

t.test('lists the 29 statistics of the latest release, newest period first', async (t) => {
  const res = await app.inject('/v1/statistics')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(body.meta, { release: LATEST_RELEASE, total: 29, page: 1, per_page: 20 })
  t.same(ids(body), NEWEST_FIRST.slice(0, 20))
  t.same([...everyStatistic.keys()], NEWEST_FIRST)
  t.same(body.links, {
    self: '/v1/statistics',
    first: '/v1/statistics',
    last: '/v1/statistics?page=2',
    next: '/v1/statistics?page=2',
    prev: null
  })
  const second = (await app.inject('/v1/statistics?page=2')).json()
  t.same(ids(second), NEWEST_FIRST.slice(20))
  t.same(second.links, { self: '/v1/statistics?page=2', first: '/v1/statistics', last: '/v1/statistics?page=2', next: null, prev: '/v1/statistics' })
})

t.test('filters by topic', async (t) => {
  t.same(await get('topic=online-grooming'), ['nspcc-foi-online-grooming-2024-25', 'nspcc-foi-online-grooming-2023-24'])
  t.same(await get('topic=nude-image-sharing'), ['iwf-report-remove-2024'])
  t.same(await get('topic=non-recent-abuse'), ['ons-adults-any-child-abuse-before-16', 'ons-adults-sexual-abuse-before-16'])
  t.same(await get('topic=parenting-and-family'), [], 'a topic no statistic has')
})

t.test('filters by exactly one geography: england does not match england-and-wales', async (t) => {
  t.same(await get('geography=england-and-wales'), ENGLAND_AND_WALES)
  t.same(await get('geography=england'), [])
  t.same(await get('geography=wales'), [])
  t.same(await get('geography=global'), ['iwf-2024-reports-actioned', 'iwf-2023-urls-confirmed', 'iwf-2017-urls-confirmed'])
  t.equal((await get('geography=uk')).length, 29 - ENGLAND_AND_WALES.length - 3)
})

t.test('filters by years: a period counts when it overlaps them', async (t) => {
  t.same(await get('year_from=2024'), [
    'nspcc-foi-online-grooming-2024-25',
    'ceop-sextortion-reports-2024',
    'childline-counselling-sessions-2023-24',
    'iwf-2024-reports-actioned',
    'iwf-report-remove-2024',
    'nspcc-helpline-contacts-2023-24',
    'nspcc-foi-online-grooming-2023-24'
  ], 'a period ending in March 2024 reaches into 2024')
  t.same(await get('year_to=2017'), [
    'nspcc-child-abuse-image-offences-2017-18',
    'online-child-sex-offences-23-per-day-2017-18',
    'iwf-2017-urls-confirmed',
    'nca-referrals-700pct-2018',
    'nspcc-online-child-sex-offences-2016-17'
  ], 'a period starting in April 2017 starts in 2017')
  t.same(await get('year_from=2019&year_to=2019'), [
    'ons-adults-any-child-abuse-before-16',
    'ons-adults-sexual-abuse-before-16',
    'ons-police-recorded-child-sexual-offences-ye-mar-2019'
  ], 'April 2018 to March 2019 overlaps 2019')
  t.same(await get('year_from=2018&year_to=2018'), [
    'ons-adults-any-child-abuse-before-16',
    'ons-adults-sexual-abuse-before-16',
    'ons-police-recorded-child-sexual-offences-ye-mar-2019',
    'csa-centre-boys-sexual-abuse-before-16-2018',
    'csa-centre-girls-sexual-abuse-before-16-2018',
    'nca-80000-online-threat-2018',
    'nca-monthly-arrests-2018',
    'nca-week-of-action-arrests-2018',
    'nca-week-of-action-positions-of-trust-2018',
    'nca-week-of-action-registered-sex-offenders-2018',
    'nspcc-child-abuse-image-offences-2017-18',
    'online-child-sex-offences-23-per-day-2017-18'
  ])
  t.same(await get('year_from=2022&year_to=2022'), [
    'nspcc-foi-child-sexual-offences-2022-23',
    'vkpp-csae-crimes-2022',
    'nca-estimate-550k-850k',
    'nca-monthly-arrests-2022'
  ], 'May 2021 to October 2022 overlaps 2022')
  t.same(await get('year_from=2026'), [])
  t.same(await get('year_from=2020&year_to=2010'), [], 'an empty span matches nothing')
  t.equal((await get('year_from=1900&year_to=2100')).length, 29)
})

t.test('filters by publisher, case-insensitive text anywhere in the name', async (t) => {
  const nspcc = [
    'nspcc-foi-online-grooming-2024-25',
    'childline-counselling-sessions-2023-24',
    'nspcc-helpline-contacts-2023-24',
    'nspcc-foi-online-grooming-2023-24',
    'nspcc-foi-child-sexual-offences-2022-23',
    'nspcc-child-abuse-image-offences-2017-18',
    'nspcc-online-child-sex-offences-2016-17'
  ]
  t.same(await get('publisher=nspcc'), nspcc)
  t.same(await get('publisher=NSPCC'), nspcc)
  t.same(await get('publisher=Crime%20AGENCY'), [
    'ceop-sextortion-reports-2024',
    'nca-estimate-550k-850k',
    'nca-monthly-arrests-2022',
    'nca-estimate-300000-2020',
    'nca-80000-online-threat-2018',
    'nca-monthly-arrests-2018',
    'nca-week-of-action-arrests-2018',
    'nca-week-of-action-positions-of-trust-2018',
    'nca-week-of-action-registered-sex-offenders-2018',
    'nca-referrals-700pct-2018'
  ])
  t.same(await get('publisher=(ceop)'), ['ceop-sextortion-reports-2024'])
  t.same(await get('publisher=police%20chiefs'), ['vkpp-csae-crimes-2022'])
  t.same(await get('publisher=Ofcom'), [])
})

t.test('leaves out figures a newer one has replaced with current_only', async (t) => {
  t.same(await get('current_only=true'), NEWEST_FIRST.filter((id) => !SUPERSEDED.includes(id)))
  t.same(await get('current_only=false'), NEWEST_FIRST, 'false is the same as not asking')
  for (const id of SUPERSEDED) t.not(everyStatistic.get(id)?.superseded_by, null, `${id} is superseded`)
})

t.test('applies every filter given at once', async (t) => {
  t.same(await get('topic=online-safety&geography=uk&current_only=true'), [
    'nspcc-foi-online-grooming-2024-25',
    'ceop-sextortion-reports-2024',
    'nca-estimate-550k-850k',
    'nca-referrals-700pct-2018'
  ])
  t.same(await get('publisher=national%20crime%20agency&year_to=2020&topic=online-safety'), [
    'nca-estimate-300000-2020',
    'nca-80000-online-threat-2018',
    'nca-referrals-700pct-2018'
  ])
  t.same(await get('geography=england-and-wales&year_from=2019&topic=crime&publisher=office'), ['ons-police-recorded-child-sexual-offences-ye-mar-2019'])
})

t.test('pages through filtered results with links that keep the filters', async (t) => {
  const res = await app.inject('/v1/statistics?topic=crime&current_only=false&per_page=5&page=2')
  const body = res.json()
  t.same(body.meta, { release: LATEST_RELEASE, total: 14, page: 2, per_page: 5 })
  t.same(ids(body), [
    'iicsa-police-recorded-sexual-offences-against-children-ye-sep-2021',
    'ons-police-recorded-child-sexual-offences-ye-mar-2019',
    'nca-monthly-arrests-2018',
    'nca-week-of-action-arrests-2018',
    'nca-week-of-action-positions-of-trust-2018'
  ])
  t.same(body.links, {
    self: '/v1/statistics?topic=crime&current_only=false&page=2&per_page=5',
    first: '/v1/statistics?topic=crime&current_only=false&per_page=5',
    last: '/v1/statistics?topic=crime&current_only=false&page=3&per_page=5',
    next: '/v1/statistics?topic=crime&current_only=false&page=3&per_page=5',
    prev: '/v1/statistics?topic=crime&current_only=false&per_page=5'
  })
  const all = (await app.inject('/v1/statistics?publisher=office%20for%20national&year_from=2018&per_page=2')).json()
  t.same(all.links.next, '/v1/statistics?year_from=2018&publisher=office+for+national&page=2&per_page=2', 'filters in a fixed order, text encoded')
})

t.test('answers 400 problem details naming each bad parameter', async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ['topic=nope', 'topic', /must be one of: .*online-grooming/],
    ['geography=uk-ish', 'geography', /must be one of: uk, england-and-wales, england, wales, scotland, northern-ireland, global/],
    ['year_from=abc', 'year_from', /whole number/],
    ['year_to=2018.5', 'year_to', /whole number/],
    ['year_from=1899', 'year_from', /at least 1900/],
    ['current_only=yes', 'current_only', /boolean/],
    ['publisher=', 'publisher', /./],
    ['colour=red', 'colour', /is not a parameter of this endpoint/],
    ['release=latest', 'release', /format/]
  ]
  for (const [query, name, reason] of cases) {
    const res = await app.inject(`/v1/statistics?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/, query)
    t.match(res.json(), { type: '/problems/invalid-parameter', status: 400, instance: '/v1/statistics', errors: [{ name, in: 'query', reason }] }, query)
  }
  const two = (await app.inject('/v1/statistics?topic=nope&year_from=abc')).json()
  t.same(two.errors.map((e: { name: string }) => e.name).sort(), ['topic', 'year_from'], 'every bad parameter is listed, not only the first')
})

t.test('answers with no statistics for the first release, which had none', async (t) => {
  const res = await app.inject('/v1/statistics?release=2026-11-28')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.data, [])
  t.same(body.meta, { release: '2026-11-28', total: 0, page: 1, per_page: 20 })
  t.equal(body.links.self, '/v1/statistics?release=2026-11-28')
  t.equal((await app.inject('/v1/statistics/nca-80000-online-threat-2018?release=2026-11-28')).statusCode, 404)
})

t.test('answers 404 problem details listing the known releases for an unknown one', async (t) => {
  for (const url of ['/v1/statistics?release=2019-01-01', '/v1/statistics/nca-80000-online-threat-2018?release=2019-01-01', '/v1/statistics/nca-80000-online-threat-2018/citation?release=2019-01-01']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
    t.match(res.json(), { type: '/problems/unknown-release', status: 404, errors: [{ name: 'release', in: 'query' }] }, url)
    t.same(res.json().known_releases, KNOWN_RELEASES, url)
  }
})

t.test('serves the 2018 estimate with its hedge, its successor and why not to compare them', async (t) => {
  const res = await app.inject('/v1/statistics/nca-80000-online-threat-2018')
  t.equal(res.statusCode, 200)
  const { data, meta } = res.json()
  t.same(meta, { release: LATEST_RELEASE })
  t.match(data, {
    id: 'nca-80000-online-threat-2018',
    value: 80000,
    value_high: null,
    unit: 'people',
    qualifier: 'around',
    period: { start: '2018-09', end: '2018-09' },
    geography: 'uk',
    topics: ['sexual-abuse', 'online-safety'],
    source_tier: 'secondary-only',
    superseded_by: 'nca-estimate-300000-2020',
    comparability_note: /new method/,
    change: null,
    stale: false,
    links: {
      self: '/v1/statistics/nca-80000-online-threat-2018',
      citation: '/v1/statistics/nca-80000-online-threat-2018/citation'
    }
  })
  t.same(data.sources.map((s: Served) => s.id), [
    'scotland4kids-keeping-children-safe-2018',
    'sajid-javid-site-press-notice-2018',
    'leaders-in-safeguarding-keeping-children-safe-2018',
    'bbc-news-uk-45389937'
  ])
  t.match(data.sources[3], {
    publisher: 'BBC News',
    url: 'https://www.bbc.com/news/uk-45389937',
    published: '2018-09-03',
    accessed: '2026-11-28',
    kind: 'secondary',
    links: { self: '/v1/sources/bbc-news-uk-45389937' }
  })
  const successor = (await app.inject('/v1/statistics/nca-estimate-300000-2020')).json().data
  t.match(successor, { qualifier: 'at-least', value: 300000, superseded_by: 'nca-estimate-550k-850k' })
})

t.test('serves a range with both ends, and a change with what it is measured from', async (t) => {
  const { data } = (await app.inject('/v1/statistics/nca-estimate-550k-850k')).json()
  t.match(data, { qualifier: 'range', value: 550000, value_high: 850000, superseded_by: null, source_tier: 'primary' })
  t.same(data.sources.map((s: Served) => s.id), ['nca-response-iicsa-final-report-2022', 'independent-nca-estimate-2021'])
  const referrals = (await app.inject('/v1/statistics/nca-referrals-700pct-2018')).json().data
  t.same(referrals.change, { value: 700, unit: 'percent', since: '2012' })
  t.match(referrals, { value: 82109, qualifier: 'exact', comparability_note: null })
})

t.test('flags a statistic past its review date as stale', async (t) => {
  t.equal((await app.inject('/v1/statistics/nca-estimate-550k-850k')).json().data.stale, false)
  now = clockAt('2027-03-01T10:00:00Z')
  t.teardown(() => { now = clockAt(AFTER_RELEASE) })
  t.equal((await app.inject('/v1/statistics/nca-estimate-550k-850k')).json().data.stale, true, 'the review date, 28 February 2027, has passed')
  t.equal((await app.inject('/v1/statistics?topic=non-recent-abuse')).json().data.every((s: { stale: boolean }) => s.stale), true, 'in the list too')
})

t.test('answers 404 problem details for an unknown statistic', async (t) => {
  for (const url of ['/v1/statistics/nca-1000000-2030', '/v1/statistics/nca-1000000-2030/citation']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.json(), { type: '/problems/not-found', status: 404, errors: [{ name: 'id', in: 'path' }] }, url)
  }
  const bad = await app.inject('/v1/statistics/Not_An_Id')
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors, [{ name: 'id', in: 'path' }])
})

// What a reader must find in a formatted citation, whatever the style's punctuation.
const plain = (text: string) => text
  .replaceAll('\\textunderscore{}', '_')
  .replace(/\\([&%$#_])/g, '$1')
  .replace(/[{}]/g, '')
  .replace(/[‘’]/g, "'")

const CONTENT_TYPES: Record<string, RegExp> = {
  apa: /^text\/plain; charset=utf-8$/,
  harvard: /^text\/plain; charset=utf-8$/,
  bibtex: /^application\/x-bibtex/,
  'csl-json': /^application\/vnd\.citationstyles\.csl\+json/
}

t.test('cites the 2018 estimate in each style, from the page where it was seen', async (t) => {
  const cite = async (style: string) => {
    const res = await app.inject(`/v1/statistics/nca-80000-online-threat-2018/citation?style=${style}`)
    t.equal(res.statusCode, 200, style)
    t.same(res.json().meta, { release: LATEST_RELEASE }, style)
    return res.json().data as { style: string, content_type: string, text: string }
  }
  const url = 'https://scotland4kids.com/2018/09/05/keeping-our-children-safe/'
  const apa = await cite('apa')
  t.match(apa, { style: 'apa', content_type: CONTENT_TYPES.apa })
  t.equal(apa.text, `scotland4kids.com. (2018, September 5). Keeping our children safe. ${url}`)

  const harvard = await cite('harvard')
  t.match(harvard, { style: 'harvard', content_type: CONTENT_TYPES.harvard })
  t.match(harvard.text, 'scotland4kids.com')
  t.match(harvard.text, 'Keeping our children safe')
  t.match(harvard.text, url)
  t.match(harvard.text, '(Accessed: 28 November 2026)')

  const bibtex = await cite('bibtex')
  t.match(bibtex, { style: 'bibtex', content_type: CONTENT_TYPES.bibtex })
  t.match(bibtex.text, /^@misc\{nca_80000_online_threat_2018,/)
  t.match(bibtex.text, 'author = {{scotland4kids.com}}')
  t.match(bibtex.text, 'title = {Keeping our children safe}')
  t.match(bibtex.text, `url = {${url}}`)

  const csl = await cite('csl-json')
  t.match(csl, { style: 'csl-json', content_type: CONTENT_TYPES['csl-json'] })
  t.same(JSON.parse(csl.text), [{
    id: 'nca-80000-online-threat-2018',
    'citation-key': 'nca_80000_online_threat_2018',
    type: 'webpage',
    title: 'Keeping our children safe',
    author: [{ literal: 'scotland4kids.com' }],
    URL: url,
    issued: { 'date-parts': [[2018, 9, 5]] },
    accessed: { 'date-parts': [[2026, 11, 28]] }
  }])
})

t.test('cites APA by default', async (t) => {
  const byDefault = await app.inject('/v1/statistics/nca-estimate-550k-850k/citation')
  t.equal(byDefault.statusCode, 200)
  t.same(byDefault.json().data, (await app.inject('/v1/statistics/nca-estimate-550k-850k/citation?style=apa')).json().data)
  t.equal(byDefault.json().data.style, 'apa')
  t.match(byDefault.json().data.text, /^National Crime Agency\. \(2022, October 20\)\. NCA responds to final report/)
})

t.test('cites an undated page without inventing a date', async (t) => {
  const text = async (style: string) => (await app.inject(`/v1/statistics/vkpp-csae-crimes-2022/citation?style=${style}`)).json().data.text as string
  t.match(await text('apa'), /\(n\.d\.\)\..*Retrieved 28 November 2026, from https:/)
  t.match(await text('harvard'), /\(no date\).*\(Accessed: 28 November 2026\)/)
  const [item] = JSON.parse(await text('csl-json'))
  t.notOk('issued' in item)
  t.notMatch(await text('bibtex'), /year = /)
})

t.test('cites every statistic in every style with its source\'s publisher, title and URL', async (t) => {
  for (const [id, statistic] of everyStatistic) {
    // The publisher's own page when the statistic lists one, else the first page it was seen on.
    const source = statistic.sources.find((s) => s.kind === 'primary') ?? statistic.sources[0]
    if (source === undefined) {
      t.fail(`${id} has no source`)
      continue
    }
    for (const style of ['apa', 'harvard', 'bibtex', 'csl-json']) {
      const res = await app.inject(`/v1/statistics/${id}/citation?style=${style}`)
      const { data } = res.json()
      t.equal(res.statusCode, 200, `${id} ${style}`)
      t.match(data.content_type, CONTENT_TYPES[style], `${id} ${style}`)
      if (style === 'csl-json') {
        t.match(JSON.parse(data.text), [{ type: 'webpage', title: source.title, URL: source.url, author: [{ literal: source.publisher }] }], `${id} csl-json`)
        continue
      }
      const text = plain(data.text)
      t.ok(text.includes(source.publisher ?? '') && text.includes(source.title ?? '') && text.includes(source.url ?? ''), `${id} ${style} names ${source.id}`)
      if (style === 'harvard') t.match(text, '(Accessed: 28 November 2026)', `${id} harvard`)
      if (style === 'bibtex') t.match(text, /^@/, `${id} bibtex`)
    }
  }
})

t.test('answers 400 naming style, with the styles it knows, for an unknown one', async (t) => {
  for (const style of ['mla', 'APA', '']) {
    const res = await app.inject(`/v1/statistics/nca-80000-online-threat-2018/citation?style=${style}`)
    t.equal(res.statusCode, 400, style)
    t.match(res.json(), {
      type: '/problems/invalid-parameter',
      instance: '/v1/statistics/{id}/citation',
      errors: [{ name: 'style', in: 'query', reason: 'must be one of: apa, harvard, bibtex, csl-json' }]
    }, style)
  }
  const extra = await app.inject('/v1/statistics/nca-80000-online-threat-2018/citation?style=apa&locale=fr')
  t.equal(extra.statusCode, 400)
  t.match(extra.json().errors, [{ name: 'locale' }])
})

t.test('revalidates statistics with ETag and If-None-Match', async (t) => {
  for (const url of ['/v1/statistics?topic=crime', '/v1/statistics/nca-estimate-550k-850k', '/v1/statistics/nca-estimate-550k-850k/citation?style=harvard']) {
    const first = await app.inject(url)
    const etag = first.headers.etag as string
    t.match(etag, /^"[A-Za-z0-9_-]+"$/, url)
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    t.equal(again.statusCode, 304, url)
    t.equal(again.body, '', url)
  }
  const apa = (await app.inject('/v1/statistics/nca-estimate-550k-850k/citation')).headers.etag
  const bibtex = (await app.inject('/v1/statistics/nca-estimate-550k-850k/citation?style=bibtex')).headers.etag
  t.not(apa, bibtex, 'each style has its own ETag')
})
