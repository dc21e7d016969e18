// Offline answers, computed on the device from the stored bundle with the server's own
// domain code, are the server's answers for the same moment: every list, every council,
// every route, at moments chosen for what they test.
import t from 'tap'
import type { Nation } from '../src/index.js'
import { offline, online } from './support.js'

const NATIONS: Array<Nation | undefined> = [undefined, 'england', 'wales', 'scotland', 'northern-ireland']
const MOMENTS = {
  'a weekday morning': '2026-12-02T10:00:00Z',
  'a weekday night': '2026-12-02T23:30:00Z',
  'Christmas Day (a bank holiday everywhere)': '2026-12-25T12:00:00Z',
  '4 January 2027 (a bank holiday in Scotland only)': '2027-01-04T10:30:00Z',
  'the spring clock change': '2027-03-28T01:30:00Z',
  'a year the bank-holiday calendar does not cover': '2031-06-02T12:00:00Z'
}

const ROUTE_MOMENTS = [MOMENTS['a weekday night'], MOMENTS['Christmas Day (a bank holiday everywhere)'], MOMENTS['a year the bank-holiday calendar does not cover']]

const api = online()
const pack = await api.downloadOfflinePack()
const device = offline(pack)

const same = async <T>(t: Tauish, label: string, server: Promise<{ ok: boolean, data?: T }>, local: Promise<{ ok: boolean, from: string, data?: T }>) => {
  const [s, l] = await Promise.all([server, local])
  t.equal(s.ok, true, `${label}: the server answers`)
  t.equal(l.from, 'offline', `${label}: offline answer`)
  t.same(l.data, s.data, label)
}
type Tauish = Pick<typeof t, 'equal' | 'same'>

t.test('the pack holds the latest release and the bank holidays', async (t) => {
  t.ok(pack.bundle.datasets.helplines.length > 0)
  t.ok(pack.bank_holidays?.divisions['england-and-wales'].some((h) => h.date === '2026-12-25'))
})

for (const [what, at] of Object.entries(MOMENTS)) {
  t.test(`helplines and reporting channels at ${what}`, async (t) => {
    for (const nation of NATIONS) {
      for (const openNow of [undefined, true, false]) {
        await same(t, `helplines nation=${nation} open_now=${openNow}`, api.helplines({ nation, openNow, at }), device.helplines({ nation, openNow, at }))
      }
      await same(t, `reporting channels nation=${nation}`, api.reportingChannels({ nation, at }), device.reportingChannels({ nation, at }))
    }
    await same(t, 'helplines by contact kind, open', api.helplines({ contactKind: 'phone', openNow: true, at }), device.helplines({ contactKind: 'phone', openNow: true, at }))
    await same(t, 'helplines searched', api.helplines({ q: 'childline', at }), device.helplines({ q: 'childline', at }))
  })

  // Routes are built from the same services as the lists above: three moments suffice.
  if (!ROUTE_MOMENTS.includes(at)) continue
  t.test(`reporting routes for every situation and nation at ${what}`, async (t) => {
    for (const situation of pack.bundle.datasets.reporting_routes.map((r) => r.id)) {
      for (const nation of NATIONS) {
        await same(t, `${situation} nation=${nation}`, api.reportingRoute({ situation, nation, at }), device.reportingRoute({ situation, nation, at }))
      }
    }
  })
}

t.test('every council by code, with its contacts\' open-now status', async (t) => {
  for (const at of [MOMENTS['a weekday morning'], MOMENTS['a weekday night']]) {
    // Every council once; those with contacts at a second moment too.
    const councils = pack.bundle.datasets.local_authorities.filter((la) => at === MOMENTS['a weekday morning'] || la.contacts.length > 0)
    for (const { code } of councils) {
      const [s, l] = await Promise.all([api.localAuthority(code, { at }), device.localAuthority(code, { at })])
      if (!s.ok || !l.ok) { t.fail(`${code} answered`); continue }
      t.same(l.data, s.data)
    }
  }
})

for (const audience of ['public', 'professionals'] as const) {
  t.test(`offline, a council given by code takes the place of the postcode on the route (${audience})`, async (t) => {
    for (const at of [MOMENTS['a weekday morning'], MOMENTS['a weekday night']]) {
      const server = await api.reportingRoute({ situation: 'online-grooming', postcode: 'SW1A 2AA', audience, at })
      const local = await device.reportingRoute({ situation: 'online-grooming', postcode: 'SW1A 2AA', localAuthority: 'E09000033', audience, at })
      if (!server.ok || !local.ok) return t.fail('both answer')
      t.equal(server.data.location?.authorities[0]?.code, 'E09000033', 'the server placed the postcode in Westminster')
      const council = server.data.steps.find((s) => s.local_authority !== null)?.local_authority
      t.ok(council !== undefined && council !== null && council.contacts.every((c) => c.audience === audience), `the council step lists only ${audience} contacts`)
      t.same(local.data.steps, server.data.steps, 'the same steps, the council step naming Westminster')
      t.equal(local.data.location, null, 'offline does not claim to have matched the postcode')
      t.match(local.notices.join(' '), /postcode could not be looked up offline/)
    }
  })
}

t.test('offline, a postcode alone gives the national steps and says why', async (t) => {
  const at = MOMENTS['a weekday morning']
  const local = await device.reportingRoute({ situation: 'worried-about-a-child', postcode: 'SW1A 2AA', at })
  const national = await api.reportingRoute({ situation: 'worried-about-a-child', at })
  if (!local.ok || !national.ok) return t.fail('both answer')
  t.same(local.data, national.data)
  t.equal(local.data.steps[0]?.service.id, 'police-999', '999 comes first')
  const council = local.data.steps.find((s) => s.service.id === 'local-council-childrens-social-care')
  t.equal(council?.local_authority, null)
  t.equal(council?.find_your_council_url, 'https://www.gov.uk/find-local-council')
  t.match(local.notices.join(' '), /postcode index is not part of a release bundle/)
})

t.test('without the bank-holiday calendar, hours that depend on it are not known offline', async (t) => {
  const noCalendar = offline({ ...pack, bank_holidays: null })
  const at = MOMENTS['a weekday morning']
  const [withIt, without] = await Promise.all([device.helplines({ at }), noCalendar.helplines({ at })])
  if (!withIt.ok || !without.ok) return t.fail('both answer')
  const contacts = (a: typeof withIt.data) => a.flatMap((h) => h.contacts)
  const pairs = contacts(without.data).map((c, i) => [c, contacts(withIt.data)[i]!] as const)
  t.ok(pairs.length > 0)
  for (const [c, known] of pairs) {
    if (c.hours === null || c.hours.always_open || c.hours.bank_holidays === 'as-usual') t.equal(c.open_now, known.open_now)
    else t.equal(c.open_now, null, `${c.label}: bank-holiday rule ${c.hours.bank_holidays} needs the calendar`)
  }
})
