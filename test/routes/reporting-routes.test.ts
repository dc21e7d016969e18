import t from 'tap'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): office hours, not a bank holiday.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'
const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const
const COUNCIL = 'local-council-childrens-social-care'

// Every step of every situation, in order, as written in reporting-routes.yaml.
const STEPS: Record<string, string[]> = {
  'immediate-danger': ['police-999', COUNCIL, 'ni-regional-emergency-social-work', 'nspcc-helpline', 'childline'],
  'worried-about-a-child': ['police-999', COUNCIL, 'ni-regional-emergency-social-work', 'police-101', 'nspcc-helpline-report', 'parentline-scotland', 'crimestoppers', 'childline'],
  'online-grooming': ['police-999', 'ceop-safety-centre', 'police-101', COUNCIL, 'nspcc-helpline-report', 'childline'],
  'sexual-images-online': ['police-999', 'iwf-report', 'report-remove', 'ceop-safety-centre', 'police-101', 'nspcc-helpline'],
  'child-wants-to-talk': ['police-999', 'childline', 'meic', 'samaritans', 'ceop-safety-centre', 'report-remove'],
  'own-image-shared': ['police-999', 'report-remove', 'childline', 'ceop-safety-centre'],
  'worried-about-own-thoughts': ['police-999', 'stop-it-now', 'samaritans'],
  'adult-survivor': ['police-999', 'stop-it-now', 'police-101', 'nspcc-helpline-report', 'samaritans'],
  'professional-concern': ['police-999', 'nspcc-whistleblowing-advice-line', COUNCIL, 'ni-regional-emergency-social-work', 'police-101']
}
const SITUATIONS = Object.keys(STEPS)
// Steps that apply in one nation only.
const ONLY_IN: Record<string, string> = {
  'ni-regional-emergency-social-work': 'northern-ireland',
  meic: 'wales',
  'parentline-scotland': 'scotland'
}

interface Step {
  order: number
  nations: string[]
  service: { id: string, kind: string }
  local_authority: { code: string } | null
  find_your_council_url: string | null
  sources: string[]
}

const stepIds = (route: { steps: Step[] }) => route.steps.map((s) => s.service.id)
const routeUrl = (query: string) => `/v1/reporting-routes?${query}`
const withPostcode = (situation: string, postcode: string) => routeUrl(`situation=${situation}&postcode=${encodeURIComponent(postcode)}`)

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

t.test('lists the nine situations in the order people meet them', async (t) => {
  const res = await app.inject('/v1/situations')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.data.map((s: { id: string }) => s.id), SITUATIONS)
  t.same(body.meta, { release: LATEST_RELEASE, total: 9, page: 1, per_page: 20 })
  for (const situation of body.data) {
    t.same(situation.links, { self: `/v1/situations/${situation.id}`, route: `/v1/reporting-routes?situation=${situation.id}` }, situation.id)
    t.ok(situation.title.length > 0 && situation.asked_by.length > 0, situation.id)
  }
  const paged = (await app.inject('/v1/situations?per_page=4&page=3')).json()
  t.same(paged.data.map((s: { id: string }) => s.id), ['professional-concern'])
})

t.test('serves one situation, and 404 problem details for an unknown one', async (t) => {
  const res = await app.inject('/v1/situations/online-grooming')
  t.equal(res.statusCode, 200)
  t.match(res.json(), {
    data: { id: 'online-grooming', title: /grooming/, asked_by: ['parents-and-carers'], links: { route: '/v1/reporting-routes?situation=online-grooming' } },
    meta: { release: LATEST_RELEASE }
  })
  const missing = await app.inject('/v1/situations/being-bored')
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { type: '/problems/not-found', instance: '/v1/situations/{id}', errors: [{ name: 'id', in: 'path' }] })
})

t.test('puts 999 first in every route, for every nation and for none', async (t) => {
  for (const situation of SITUATIONS) {
    for (const nation of [undefined, ...NATIONS]) {
      const label = `${situation} in ${nation ?? 'any nation'}`
      const res = await app.inject(routeUrl(`situation=${situation}${nation === undefined ? '' : `&nation=${nation}`}`))
      t.equal(res.statusCode, 200, label)
      const { data } = res.json()
      t.equal(data.nation, nation ?? null, label)
      t.equal(data.location, null, label)
      t.equal(data.situation.id, situation, label)
      const expected = (STEPS[situation] ?? []).filter((id) => nation === undefined || ONLY_IN[id] === undefined || ONLY_IN[id] === nation)
      t.same(stepIds(data), expected, label)
      t.match(data.steps[0], { order: 1, service: { id: 'police-999', kind: 'reporting-channel', urgency: 'emergency' } }, label)
      t.equal(stepIds(data).filter((id) => id === 'police-999').length, 1, `${label}: 999 once`)
      t.same(data.steps.map((s: Step) => s.order), data.steps.map((_: Step, i: number) => i + 1), `${label}: numbered in order`)
      if (nation !== undefined) t.ok(data.steps.every((s: Step) => s.nations.includes(nation)), `${label}: every step applies there`)
    }
  }
})

t.test('gives nation-specific steps only in their nation', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['worried-about-a-child', 'ni-regional-emergency-social-work', 'northern-ireland'],
    ['immediate-danger', 'ni-regional-emergency-social-work', 'northern-ireland'],
    ['professional-concern', 'ni-regional-emergency-social-work', 'northern-ireland'],
    ['child-wants-to-talk', 'meic', 'wales'],
    ['worried-about-a-child', 'parentline-scotland', 'scotland']
  ]
  for (const [situation, step, only] of cases) {
    for (const nation of NATIONS) {
      const { data } = (await app.inject(routeUrl(`situation=${situation}&nation=${nation}`))).json()
      t.equal(stepIds(data).includes(step), nation === only, `${step} in ${situation} for ${nation}`)
    }
    const { data } = (await app.inject(routeUrl(`situation=${situation}`))).json()
    t.same(data.steps.find((s: Step) => s.service.id === step)?.nations, [only], `${step} says where it applies`)
  }
})

t.test('resolves online grooming at SW1A 2AA to CEOP, the police and Westminster', async (t) => {
  const res = await app.inject(withPostcode('online-grooming', 'SW1A 2AA'))
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'private, no-store')
  const { data, meta } = res.json()
  t.same(meta, { release: LATEST_RELEASE })
  t.equal(data.nation, 'england')
  t.same(stepIds(data), ['police-999', 'ceop-safety-centre', 'police-101', COUNCIL, 'nspcc-helpline-report', 'childline'])
  t.match(data.steps[0].service.contacts, [{ uri: 'tel:999' }])
  t.match(data.steps[1], { order: 2, service: { id: 'ceop-safety-centre', anonymity: { anonymous: false }, contacts: [{ kind: 'web_form', uri: 'https://www.ceop.police.uk/Safety-Centre/' }] } })
  t.match(data.steps[2].service.contacts, [{ uri: 'tel:101' }])
  const council = data.steps[3]
  t.equal(council.find_your_council_url, null)
  t.match(council.local_authority, { code: 'E09000033', name: 'City of Westminster', links: { self: '/v1/local-authorities/E09000033' } })
  t.match(council.local_authority.contacts[0], { kind: 'phone', value: '020 7641 4000', uri: 'tel:+442076414000', verification: 'confirmed', open_now: true, sources: ['westminster-child-abuse-prevention-campaign'] })
  t.ok(council.local_authority.sources.some((s: { id: string }) => s.id === 'westminster-child-abuse-prevention-campaign'), 'the council\'s contacts are sourced')
  t.match(data.location, {
    match: { status: 'matched', query_kind: 'unit', level: 'sector', confidence: 1, nation: 'england', district: { code: 'E09000033' }, via: 'index', dataset: 'onspd-2025-11' },
    authorities: [{ code: 'E09000033', name: 'City of Westminster' }]
  })
  t.notMatch(res.body, /SW1A\s*2AA/i, 'the postcode is not in the answer')
})

t.test('links to GOV.UK\'s council finder when no postcode placed the child', async (t) => {
  for (const nation of [undefined, 'england', 'wales', 'scotland']) {
    const { data } = (await app.inject(routeUrl(`situation=online-grooming${nation === undefined ? '' : `&nation=${nation}`}`))).json()
    const council = data.steps.find((s: Step) => s.service.id === COUNCIL)
    t.match(council, { local_authority: null, find_your_council_url: 'https://www.gov.uk/find-local-council' }, nation ?? 'any nation')
  }
  const ni = (await app.inject(routeUrl('situation=online-grooming&nation=northern-ireland'))).json().data
  t.equal(ni.steps.find((s: Step) => s.service.id === COUNCIL).find_your_council_url, null, 'GOV.UK\'s finder does not cover NI trusts')
})

t.test('places a postcode in its nation', async (t) => {
  const place = async (situation: string, postcode: string, extra = '') => (await app.inject(withPostcode(situation, postcode) + extra)).json().data
  const ni = await place('worried-about-a-child', 'BT1 1AA')
  t.equal(ni.nation, 'northern-ireland')
  t.match(ni.location.match, { status: 'not-matched', reason: 'northern-ireland', fallback: 'choose-ni-trust' })
  t.same(stepIds(ni), ['police-999', COUNCIL, 'ni-regional-emergency-social-work', 'police-101', 'nspcc-helpline-report', 'crimestoppers', 'childline'])
  t.match(ni.steps[1], { local_authority: null, find_your_council_url: null })
  t.equal((await place('worried-about-a-child', 'BT1 1AA', '&nation=england')).nation, 'northern-ireland', 'the postcode outranks ?nation=')
  const scotland = await place('worried-about-a-child', 'AB10 1AB')
  t.equal(scotland.nation, 'scotland')
  t.ok(stepIds(scotland).includes('parentline-scotland'))
  t.equal(scotland.steps[1].local_authority.code, 'S12000033')
  const wales = await place('child-wants-to-talk', 'CF10 1AA')
  t.equal(wales.nation, 'wales')
  t.ok(stepIds(wales).includes('meic'))
  const channelIslands = await place('online-grooming', 'GY1 1AA')
  t.equal(channelIslands.nation, null, 'a Crown Dependency is in no UK nation')
  t.match(channelIslands.location.match, { status: 'not-matched', reason: 'channel-islands', fallback: 'national' })
})

t.test('resolves a two-tier district\'s council step to the county council', async (t) => {
  const { data } = (await app.inject(withPostcode('worried-about-a-child', 'NR1 1AA'))).json()
  t.match(data.location, { match: { district: { code: 'E07000148', name: 'Norwich City Council' } }, authorities: [{ code: 'E10000020' }] })
  t.match(data.steps[1], { service: { id: COUNCIL }, local_authority: { code: 'E10000020', name: 'Norfolk County Council', body_type: 'county' }, find_your_council_url: null })
})

t.test('names the authorities the match tells people to choose from', async (t) => {
  // The match detail says "check the alternatives" (a split sector) or "choose the trust
  // from the list" (Northern Ireland): the answer must carry them, as the lookup does.
  for (const postcode of ['SW1A 1', 'E1 6', 'BT1 1AA']) {
    const lookup = (await app.inject(`/v1/local-authorities/lookup?postcode=${encodeURIComponent(postcode)}`)).json().data
    const route = (await app.inject(withPostcode('worried-about-a-child', postcode))).json().data
    t.match(route.location.match.detail, /alternatives|from the list/, postcode)
    t.same(route.location.alternatives, lookup.alternatives, postcode)
  }
})

t.test('lists every source a step cites in full on the route, each one resolvable', async (t) => {
  const links = new Set<string>()
  for (const situation of SITUATIONS) {
    for (const query of ['', '&nation=northern-ireland', '&postcode=SW1A%202AA']) {
      const { data } = (await app.inject(routeUrl(`situation=${situation}${query}`))).json()
      const label = `${situation}${query}`
      const listed = data.sources.map((s: { id: string }) => s.id)
      t.equal(new Set(listed).size, listed.length, `${label}: each source once`)
      t.ok(data.sources.every((s: { id: string, publisher: string, url: string, links: { self: string } }) =>
        s.publisher.length > 0 && /^https?:\/\//.test(s.url) && s.links.self === `/v1/sources/${s.id}`), `${label}: sources are expanded`)
      for (const step of data.steps as Step[]) {
        t.ok(step.sources.length > 0, `${label}: ${step.service.id} cites a source`)
        t.same(step.sources.filter((id) => !listed.includes(id)), [], `${label}: ${step.service.id}'s sources are listed`)
      }
      for (const source of data.sources) links.add(source.links.self)
    }
  }
  for (const link of links) {
    const res = await app.inject(link)
    t.equal(res.statusCode, 200, link)
    t.equal(`/v1/sources/${res.json().data.id}`, link, link)
  }
})

t.test('keeps answers about a place private and others public', async (t) => {
  const placed = await app.inject(withPostcode('immediate-danger', 'E1 6AN'))
  t.equal(placed.headers['cache-control'], 'private, no-store')
  const general = await app.inject(routeUrl('situation=immediate-danger'))
  t.match(general.headers['cache-control'], /^public, max-age=\d+/)
  const fixed = await app.inject(routeUrl('situation=immediate-danger&at=2026-12-25T10:00:00Z'))
  t.equal(fixed.headers['cache-control'], 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800')
  const etag = general.headers.etag as string
  t.equal((await app.inject({ url: routeUrl('situation=immediate-danger'), headers: { 'if-none-match': etag } })).statusCode, 304)
})

t.test('answers 400 problem details for a missing or unknown situation', async (t) => {
  const unknown = await app.inject(routeUrl('situation=being-bored'))
  t.equal(unknown.statusCode, 400)
  t.match(unknown.headers['content-type'], /^application\/problem\+json/)
  t.match(unknown.json(), {
    type: '/problems/invalid-parameter',
    instance: '/v1/reporting-routes',
    errors: [{ name: 'situation', in: 'query', reason: /must be one of: immediate-danger/ }]
  })
  t.same(unknown.json().allowed_values, SITUATIONS)
  t.notMatch(unknown.body, /being-bored/)
  const missing = await app.inject('/v1/reporting-routes')
  t.equal(missing.statusCode, 400)
  t.match(missing.json().errors, [{ name: 'situation', reason: 'is required' }])
  const cases: Array<[string, string]> = [
    ['situation=Online_Grooming', 'situation'],
    ['situation=online-grooming&nation=cornwall', 'nation'],
    ['situation=online-grooming&postcode=NOTAPC', 'postcode'],
    ['situation=online-grooming&at=2026-13-01T10:00:00Z', 'at'],
    ['situation=online-grooming&page=2', 'page']
  ]
  for (const [query, name] of cases) {
    const res = await app.inject(routeUrl(query))
    t.equal(res.statusCode, 400, query)
    t.match(res.json().errors, [{ name, in: 'query' }], query)
    t.notMatch(res.body, /NOTAPC/, query)
  }
})
