import t from 'tap'
import type { PostcodeMatchView } from '../../schemas/lookup.js'
import type { RouteEntry } from '../../src/catalogue/build-catalogue.js'
import { composeRoute } from '../../src/domain/reporting-routes.js'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): office hours, not a bank holiday.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'
const COUNCIL = 'local-council-childrens-social-care'

interface CouncilContact {
  role: string
  audience: string
  team: string | null
  kind: string
  value: string
  uri: string | null
  open_now: boolean | null
  next_change: string | null
  hours: { description: string } | null
  shared_with: Array<{ code: string, name: string }>
  sources: string[]
}
interface Council { code: string, name: string, contacts: CouncilContact[], contacts_note: string, homepage_url: string | null, find_your_council_url: string | null, sources: Array<{ id: string, quotes: string[] }> }

const MATCHED: PostcodeMatchView = {
  status: 'matched', query_kind: 'unit', level: 'unit', confidence: 1, nation: null, district: null, via: 'index', dataset: 'onspd-2025-11', reason: null, fallback: null, detail: 'Matched the full postcode.'
}

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })

/** The council step of a route for a postcode (optionally for professionals). */
async function councilStep (postcode: string, query = ''): Promise<{ route: Record<string, unknown>, council: Council }> {
  const res = await app.inject(`/v1/reporting-routes?situation=worried-about-a-child&postcode=${encodeURIComponent(postcode)}${query}`)
  t.equal(res.statusCode, 200, postcode)
  const route = res.json().data
  const step = route.steps.find((s: { service: { id: string } }) => s.service.id === COUNCIL)
  return { route, council: step.local_authority }
}

const phones = (council: Council) => council.contacts.filter((c) => c.kind === 'phone').map((c) => [c.role, c.audience, c.value])

t.test('gives a Leeds postcode the public front-door number, not the practitioners\' line', async (t) => {
  const { route, council } = await councilStep('LS1 4AP')
  t.equal(route.audience, 'public')
  t.equal(council.name, 'Leeds City Council')
  t.same(phones(council), [['front-door', 'public', '0113 222 4403']])
  t.match(council.contacts[0], { uri: 'tel:+441132224403', team: 'Duty and Advice Team (Front Door Safeguarding Hub)', open_now: null })
  // The practitioners' lines are there for professionals who ask for them.
  const pro = await councilStep('LS1 4AP', '&audience=professionals')
  t.equal(pro.route.audience, 'professionals')
  t.same(phones(pro.council), [['front-door', 'professionals', '0113 376 0336'], ['out-of-hours', 'professionals', '0113 535 0600']])
  t.match(pro.council.contacts[0], { open_now: true, next_change: '2026-12-02T17:00:00+00:00' })
  // The public line is quoted on the page it is cited from.
  const source = council.sources.find((s) => s.id === council.contacts[0]?.sources[0])
  t.ok(source?.quotes.some((q) => q.includes('0113 222 4403')), 'its source quotes the number')
})

t.test('places a district postcode of a two-tier county with the county council', async (t) => {
  const { route, council } = await councilStep('CB2 1TN')
  t.match(route.location, { match: { district: { name: 'Cambridge City Council' } } })
  t.equal(council.code, 'E10000003')
  t.same(phones(council), [['front-door', 'public', '0345 045 5203'], ['out-of-hours', 'public', '01733 234724']])
  t.match(council.contacts[0], { open_now: true })
  t.match(council.contacts[1], { open_now: false, shared_with: [{ code: 'E06000031', name: 'Peterborough City Council' }] })
})

t.test('serves a shared out-of-hours team once, with the councils that share it', async (t) => {
  const hackney = (await app.inject('/v1/local-authorities/E09000012')).json().data as Council
  const city = (await app.inject('/v1/local-authorities/E09000001')).json().data as Council
  const edt = (c: Council) => c.contacts.find((x) => x.role === 'out-of-hours' && x.kind === 'phone') as CouncilContact
  t.equal(edt(hackney).value, '020 8356 2710')
  t.equal(edt(city).value, '020 8356 2710')
  t.same(edt(hackney).shared_with.map((s) => s.code), ['E09000001'])
  t.same(edt(city).shared_with.map((s) => s.code), ['E09000012'])
  // Each council's out-of-hours cover is the rest of its own week: Hackney's front door
  // closes on bank holidays, and the team's pages say it covers them.
  t.match(edt(hackney), { open_now: false, next_change: '2026-12-02T17:00:00+00:00', hours: { description: 'Outside Monday to Friday 9am to 5pm; 24 hours on bank holidays' } })
  const night = await app.inject('/v1/local-authorities/E09000012?at=2026-12-02T23:30:00Z')
  t.match(edt(night.json().data), { open_now: true, next_change: '2026-12-03T09:00:00+00:00' })
})

t.test('says plainly when nothing is sourced for a council, and points elsewhere', async (t) => {
  const { council } = await councilStep('WF1 2EB')
  t.equal(council.name, 'Wakefield Metropolitan District Council')
  t.same(council.contacts, [])
  t.match(council.contacts_note, /No direct children's social care number has been sourced/)
  t.match(council.contacts_note, /GOV.UK's council finder/)
  t.equal(council.homepage_url, 'https://www.wakefield.gov.uk/')
  t.equal(council.find_your_council_url, 'https://www.gov.uk/find-local-council/wakefield')
})

t.test('says so when a council has lines for professionals only, in a public route', async (t) => {
  const { council } = await councilStep('BS1 5TR')
  t.equal(council.name, 'Bristol City Council')
  t.same(council.contacts, [])
  t.match(council.contacts_note, /^No number for the public has been sourced for this council yet/)
  const pro = await councilStep('BS1 5TR', '&audience=professionals')
  t.same(phones(pro.council), [['front-door', 'professionals', '0117 903 6444']])
  t.match(pro.council.contacts_note, /No number for the public has been sourced.*lines it gives professionals/)
})

t.test('never lists a professionals\' number in a default route, for any council', async (t) => {
  const catalogue = app.catalogues.latest
  const moment = { instant: Date.parse(WEDNESDAY_MORNING), nation: undefined, calendars: app.catalogues.calendars }
  const entry = catalogue.routeById.get('worried-about-a-child') as RouteEntry
  let professionalsOnly = 0
  for (const la of catalogue.localAuthorities) {
    const served = (await app.inject(`/v1/local-authorities/${la.base.code}`)).json().data as Council
    // Listed the public's first, then professionals'.
    const audiences = served.contacts.map((c) => c.audience)
    t.same(audiences, [...audiences].sort((a, b) => (a === 'public' ? 0 : 1) - (b === 'public' ? 0 : 1)), `${la.base.code} lists the public's first`)
    const publicValues = new Set(served.contacts.filter((c) => c.audience === 'public').map((c) => c.value))
    const theirs = served.contacts.filter((c) => c.audience === 'professionals' && !publicValues.has(c.value)).map((c) => c.value)
    professionalsOnly += theirs.length
    // The route as a postcode of this council would compose it.
    const lookup = { match: MATCHED, authorities: [la], alternatives: [] }
    const route = composeRoute(catalogue, entry, undefined, lookup, moment).item
    // What a caller is offered: the contacts with their notes. (A page's quote, kept for
    // reviewers in `sources`, may mention the practitioners' line beside the public's.)
    const shown = JSON.stringify(route.steps.find((s) => s.service.id === COUNCIL)?.local_authority?.contacts)
    t.notOk(theirs.some((v) => shown.includes(v)), `${la.base.code}: no professionals-only number in the route`)
  }
  t.ok(professionalsOnly > 50, `${professionalsOnly} professionals-only numbers were checked`)
})

t.test('filters authorities by whether any contact is sourced', async (t) => {
  const withNone = (await app.inject('/v1/local-authorities?has_contacts=false&per_page=100')).json()
  const withSome = (await app.inject('/v1/local-authorities?has_contacts=true&per_page=100')).json()
  t.equal(withNone.meta.total + withSome.meta.total, 212)
  t.ok(withNone.data.every((c: Council) => c.contacts.length === 0))
  t.ok(withSome.data.every((c: Council) => c.contacts.length > 0))
  t.ok(withNone.data.some((c: Council) => c.code === 'E08000036'), 'Wakefield has none yet')
  t.equal(withSome.links.self, '/v1/local-authorities?has_contacts=true&per_page=100')
  t.equal((await app.inject('/v1/local-authorities?has_contacts=maybe')).statusCode, 400)
})

t.test('reports in the release how many councils have a public number', async (t) => {
  const { data } = (await app.inject(`/v1/releases/${LATEST_RELEASE}`)).json()
  t.equal(data.council_contacts.councils, 207)
  t.ok(data.council_contacts.with_public_daytime >= 125, `${data.council_contacts.with_public_daytime} with a public daytime number`)
  t.ok(data.council_contacts.with_public_out_of_hours >= 112, `${data.council_contacts.with_public_out_of_hours} with a public out-of-hours number`)
  const list = (await app.inject('/v1/local-authorities?per_page=100&has_contacts=false')).json()
  t.ok(data.council_contacts.with_neither >= list.meta.total - 5, 'councils with no contact at all have no public number either')
})
