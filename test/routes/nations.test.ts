import t from 'tap'
import { build, clockAt, LATEST_RELEASE, REAL_DATA } from '../helper.js'
import { csvRecords } from '../support/parse-csv.js'

// Wednesday 2 December 2026, 10:00 in London (GMT): office hours, not a bank holiday.
const WEDNESDAY_MORNING = '2026-12-02T10:00:00Z'
const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const
type Nation = typeof NATIONS[number]
const POSTCODE_IN: Record<Nation, string> = { england: 'SW1A 2AA', wales: 'CF10 1EP', scotland: 'EH1 1YZ', 'northern-ireland': 'BT1 1AA' }
const COUNCIL = 'local-council-childrens-social-care'
const GOVUK_FINDER = 'https://www.gov.uk/report-child-abuse-to-local-council'

interface Contact { label: string, value: string, uri: string | null, nations: Nation[], verification: string, role?: string }
interface Council { code: string, name: string, contacts: Contact[] }
interface Step {
  service: { id: string, contacts: Contact[] }
  local_authority: Council | null
  choose_from: Council[]
  advice: Array<{ nations: Nation[], text: string, sources: string[] }>
  instead: string | null
}
interface Route { nation: Nation | null, steps: Step[], sources: Array<{ id: string }> }

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt(WEDNESDAY_MORNING) })
const situations = (await app.inject('/v1/situations')).json().data.map((s: { id: string }) => s.id) as string[]

async function route (query: string): Promise<Route> {
  const res = await app.inject(`/v1/reporting-routes?${query}`)
  t.equal(res.statusCode, 200, query)
  return res.json().data
}
const contactsOf = (step: Step) => [...step.service.contacts, ...(step.local_authority?.contacts ?? []), ...step.choose_from.flatMap((c) => c.contacts)]
const councilStep = (r: Route) => r.steps.find((s) => s.service.id === COUNCIL) as Step

t.test('shows no contact meant for another nation, for every situation and nation, asked by nation or by postcode', async (t) => {
  for (const nation of NATIONS) {
    for (const situation of situations) {
      for (const query of [`situation=${situation}&nation=${nation}`, `situation=${situation}&postcode=${encodeURIComponent(POSTCODE_IN[nation])}`]) {
        const r = await route(query)
        t.equal(r.nation, nation, query)
        for (const step of r.steps) {
          const foreign = contactsOf(step).filter((c) => !c.nations.includes(nation))
          t.same(foreign.map((c) => c.label), [], `${query}: ${step.service.id}`)
          t.ok(step.advice.every((a) => a.nations.includes(nation)), `${query}: ${step.service.id} advice is for ${nation}`)
          t.ok(contactsOf(step).some((c) => c.uri !== null) || step.instead !== null, `${query}: ${step.service.id} gives something to call or open, or says what to do instead`)
        }
        // Every source the advice cites is listed in full.
        const listed = new Set(r.sources.map((s) => s.id))
        t.ok(r.steps.every((s) => s.advice.every((a) => a.sources.every((id) => listed.has(id)))), `${query}: advice sources listed`)
      }
    }
  }
})

t.test('keeps GOV.UK\'s finder for England and Wales, where it serves', async (t) => {
  for (const nation of ['england', 'wales'] as const) {
    const step = councilStep(await route(`situation=worried-about-a-child&nation=${nation}`))
    t.ok(step.service.contacts.some((c) => c.value === GOVUK_FINDER), nation)
  }
  const wales = councilStep(await route('situation=worried-about-a-child&nation=wales'))
  t.match(wales.advice.map((a) => a.text).join(' '), /made anonymously.*treated in the same way as any other/, 'Wales: anonymous reports are treated like any other')
})

t.test('names council social work, Police Scotland 101 and the Children\'s Reporter in Scotland', async (t) => {
  for (const query of ['situation=worried-about-a-child&nation=scotland', 'situation=worried-about-a-child&postcode=EH1%201YZ']) {
    const step = councilStep(await route(query))
    t.notOk(step.service.contacts.some((c) => c.value === GOVUK_FINDER), `${query}: no GOV.UK page for England and Wales`)
    t.match(step.service.contacts.find((c) => c.value === '101'), { label: 'Police Scotland, non-emergency (101)', uri: 'tel:101' }, query)
    const advice = step.advice.map((a) => a.text).join(' ')
    t.match(advice, /social work team at the council/, query)
    t.match(advice, /Children's Reporter, who can decide whether action is needed/, query)
  }
  const edinburgh = councilStep(await route('situation=worried-about-a-child&postcode=EH1%201YZ'))
  t.equal(edinburgh.local_authority?.name, 'City of Edinburgh Council', 'the child\'s council with a postcode')
})

t.test('lists the five HSC Trusts\' Gateway teams, nidirect and the out-of-hours service in Northern Ireland', async (t) => {
  for (const query of ['situation=worried-about-a-child&nation=northern-ireland', 'situation=worried-about-a-child&postcode=BT1%201AA']) {
    const r = await route(query)
    const step = councilStep(r)
    t.equal(step.local_authority, null, `${query}: no Trust can be placed from the bundled data`)
    t.equal(step.choose_from.length, 5, query)
    for (const trust of step.choose_from) {
      const gateway = trust.contacts.find((c) => c.role === 'front-door')
      t.match(gateway, { label: /Gateway Services Team/, verification: 'unverified', uri: null }, `${trust.name}: listed, not dialable until confirmed`)
      t.match(trust.contacts.find((c) => c.role === 'out-of-hours'), { label: /Regional Emergency Social Work Service/, uri: 'tel:+442895049999' }, trust.name)
    }
    t.match(step.service.contacts.find((c) => c.nations.includes('northern-ireland')), { uri: 'https://www.nidirect.gov.uk/articles/reporting-child-abuse-and-neglect' }, `${query}: nidirect's page`)
    const advice = step.advice.map((a) => a.text).join(' ')
    t.match(advice, /Gateway Services Team for Children's Social Work/, query)
    t.match(advice, /The right Trust is the one for the area where the child lives/, query)
    t.ok(r.steps.some((s) => s.service.id === 'ni-regional-emergency-social-work'), `${query}: the out-of-hours service is a step`)
  }
})

t.test('shows every nation\'s contacts, each saying where it serves, when no nation is asked for', async (t) => {
  const step = councilStep(await route('situation=worried-about-a-child'))
  t.same(step.service.contacts.map((c) => c.nations), [['england', 'wales'], ['scotland'], ['northern-ireland']])
  t.same(step.advice.map((a) => a.nations), [['england'], ['wales'], ['scotland'], ['northern-ireland']])
  t.same(step.choose_from, [])
})

t.test('narrows a channel\'s contacts and notes to the nation asked, in JSON and CSV', async (t) => {
  const scotland = (await app.inject('/v1/reporting-channels?nation=scotland&per_page=100')).json()
  const channel = scotland.data.find((c: { id: string }) => c.id === COUNCIL)
  t.same(channel.contacts.map((c: Contact) => c.value), ['101'])
  t.same(channel.nation_notes.map((n: { nations: Nation[] }) => n.nations), [['scotland']])
  const all = (await app.inject(`/v1/reporting-channels/${COUNCIL}`)).json().data
  t.equal(all.contacts.length, 3)
  const csv = csvRecords((await app.inject('/v1/reporting-channels?nation=scotland&format=csv')).body)
  const row = csv.records.find((r) => r.id === COUNCIL)
  t.equal(row?.contacts, 'phone: 101')
  t.equal((await app.inject('/v1/reporting-channels?nation=scotland&contact_kind=website')).json().data.some((c: { id: string }) => c.id === COUNCIL), false, 'a kind only other nations\' contacts have does not match')
})

t.test('records the change in the release that made it', async (t) => {
  const { data } = (await app.inject(`/v1/releases/${LATEST_RELEASE}/changes`)).json()
  const council = data.changed.find((c: { id: string }) => c.id === COUNCIL)
  t.ok(council.fields.some((f: { pointer: string }) => f.pointer === '/contacts'))
  t.ok(council.fields.some((f: { pointer: string }) => f.pointer === '/nation_notes'))
  // Older releases knew no nations per contact: their answers are unchanged.
  const before = councilStep((await app.inject('/v1/reporting-routes?situation=worried-about-a-child&nation=scotland&release=2026-12-01')).json().data)
  t.same(before.service.contacts.map((c) => c.value), [GOVUK_FINDER])
})
