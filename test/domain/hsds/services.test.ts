import t from 'tap'
import { loadData } from '../../../src/catalogue/index.js'
import { buildHsdsFeed } from '../../../src/domain/hsds/index.js'
import { REAL_DATA } from '../../helper.js'

// The real data: councils, reporting channels and the helplines with the odd contacts.
const NOW = Date.parse('2026-12-02T10:00:00Z')
const releases = await loadData(REAL_DATA, '', NOW)
const catalogue = releases.latest
const feed = buildHsdsFeed(catalogue, NOW)
const byKey = (key: string) => {
  const found = feed.services.find((s) => s.key === key)
  if (found === undefined) throw new Error(`no service ${key}`)
  return found.service
}

t.test('makes every helpline, reporting channel and council a service, and a council\'s lines for professionals one more', async (t) => {
  const withProfessionalLines = catalogue.localAuthorities.filter((la) => la.contacts.some((c) => c.base.audience === 'professionals')).length
  t.ok(withProfessionalLines > 50)
  t.equal(feed.services.length, catalogue.helplines.length + catalogue.reportingChannels.length + catalogue.localAuthorities.length + withProfessionalLines)
  t.equal(feed.services.filter((s) => s.professionalsOnly).length, withProfessionalLines)
  t.equal(feed.organizations.length, catalogue.organisations.size + catalogue.localAuthorities.length)
})

t.test('maps a council without contacts to its children\'s social care, with its area, homepage and ONS code', async (t) => {
  const s = byKey('council/E06000003')
  t.match(s, {
    name: 'Redcar and Cleveland Borough Council children\'s social care',
    url: 'https://www.redcar-cleveland.gov.uk/',
    organization: { name: 'Redcar and Cleveland Borough Council', website: 'https://www.redcar-cleveland.gov.uk/' }
  })
  t.match(s.description, /^The children's social care \(social work\) team of Redcar and Cleveland Borough Council, for children who live in Redcar and Cleveland\./)
  t.match(s.description, /Not for: A child in immediate danger - call 999\./, 'the local reporting channel\'s "not for"')
  t.match(s.description, /No direct children's social care number has been sourced for this council yet/, 'its contacts note')
  t.notOk('phones' in s)
  t.same(s.service_areas?.map((a) => [a.name, a.service_area]), [['Redcar and Cleveland', 'The area Redcar and Cleveland Borough Council serves (ONS code E06000003)']])
  t.same(s.attributes?.map((a) => a.taxonomy_term.name), ['Abuse and neglect', 'Sexual abuse', 'Anyone'], 'the local channel\'s topics and audience')
  const org = feed.organizationById.get(s.organization_id)?.organization
  t.same(org?.organization_identifiers?.map((i) => [i.identifier_type, i.identifier]), [['ONS GSS code', 'E06000003']])
  t.same(org?.services?.map((x) => x.name), ['Redcar and Cleveland Borough Council children\'s social care'])
})

t.test('gives the public a council\'s public numbers, with role and team, and its lines for professionals a service of their own', async (t) => {
  const s = byKey('council/E08000035')
  t.same(s.phones?.map((p) => [p.number, p.type, p.description]), [
    ['0113 222 4403', 'voice', 'Report a concern about a child. The council\'s front door, where it takes concerns about a child. Team: Duty and Advice Team (Front Door Safeguarding Hub).']
  ])
  t.same(s.contacts?.map((c) => c.name), ['Duty and Advice Team (Front Door Safeguarding Hub)'])
  t.equal(s.phones?.[0]?.contact_id, s.contacts?.[0]?.id, 'the phone names its team')
  t.match(s.description, /The lines the council gives professionals are a separate service, for professionals only\./)
  const pro = byKey('council/E08000035/professionals')
  t.equal(pro.name, 'Leeds City Council children\'s social care: lines for professionals')
  t.match(pro.description, /^For professionals only: /)
  t.same(pro.phones?.map((p) => p.number), ['0113 376 0336', '0113 535 0600'])
  t.match(pro.phones?.[1]?.description, /^For professionals: urgent concerns out of hours\. Out of hours: for urgent concerns when the front door is closed\. Team: Children's Emergency Duty Team \(EDT\)\. Evenings, weekends and bank holidays\./)
  t.same(pro.attributes?.filter((a) => a.link_type === 'audience').map((a) => a.taxonomy_term.name), ['Professionals'])
  t.notOk(s.phones?.some((p) => p.number === '0113 376 0336' || p.number === '0113 535 0600'), 'no professionals\' line among the public\'s')
  t.same(feed.organizationById.get(s.organization_id)?.organization.services?.map((x) => x.name), ['Leeds City Council children\'s social care'], 'the organisation lists the public service')
})

t.test('serves a council\'s own report-a-concern page as its url', async (t) => {
  const s = byKey('council/E06000052')
  t.equal(s.url, 'https://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/')
  t.same(s.phones?.map((p) => [p.number, p.type]), [['0300 123 1116', 'voice'], ['01208 251300', 'voice']])
})

t.test('says who else a shared team serves, and keeps one number with two roles as two phones', async (t) => {
  const [, outOfHours] = byKey('council/E06000001').phones ?? []
  t.match(outOfHours?.description, /Team: Emergency Duty Team\. The same team serves Stockton-on-Tees Borough Council, Darlington Borough Council\./)
  const durham = byKey('council/E06000047').phones ?? []
  const same = durham.filter((p) => p.number === '03000 267 979')
  t.equal(same.length, 2)
  t.not(same[0]?.id, same[1]?.id)
  t.match(same[1]?.description, /Out of hours/)
})

t.test('gives a council with lines for professionals only no number for the public', async (t) => {
  const s = byKey('council/E06000015')
  t.notOk('phones' in s)
  t.match(s.description, /No number for the public has been sourced for this council yet/)
  t.same(byKey('council/E06000015/professionals').phones?.map((p) => p.number), ['01332 641172'])
})

t.test('falls back on GOV.UK\'s council finder where a council has no https homepage or report page', async (t) => {
  const s = byKey('council/E06000006')
  t.equal(s.url, 'https://www.gov.uk/find-local-council/halton')
  t.notOk('website' in s.organization)
})

t.test('leaves out a trust\'s unverified Gateway number and keeps the confirmed out-of-hours one', async (t) => {
  const s = byKey('council/ZC010')
  t.same(s.phones?.map((p) => p.number), ['028 9504 9999'])
  t.match(s.description, /The Gateway team number was seen only on a third-party page and is unverified/)
  t.same(s.schedules?.map((x) => [x.byday, x.opens_at, x.closes_at]), [['MO,TU,WE,TH,FR', '17:00+00:00', '09:00+00:00'], ['SA,SU', '09:00+00:00', '09:00+00:00']])
  const org = feed.organizationById.get(s.organization_id)?.organization
  t.same(org?.organization_identifiers?.map((i) => [i.identifier_type, i.identifier]), [['ONS Local Commissioning Group code', 'ZC010']])
})

t.test('types numbers as HSDS does, and names the ways in HSDS has no field for', async (t) => {
  const s = byKey('reporting-channel/police-999')
  t.same(s.phones?.map((p) => [p.number, p.type]), [['999', 'voice'], ['18000', 'textphone'], ['999', 'text']])
  t.match(s.description, /Other ways to get in touch: 999 BSL - call 999 in British Sign Language \(website\): https:\/\/www\.999bsl\.co\.uk\/; 999 BSL app - call 999 in British Sign Language\.$/)
  t.match(s.description, /What to report here: A child who is in immediate danger/)
  t.same(s.languages?.map((l) => [l.code, l.name]), [['bfi', 'British Sign Language']])
  t.same(byKey('reporting-channel/police-101').phones?.map((p) => [p.number, p.type]), [['101', 'voice'], ['18001 101', 'textphone']])
  t.same(byKey('helpline/meic').phones?.map((p) => [p.number, p.type]), [['080880 23456', 'voice'], ['84001', 'text']])
})

t.test('gives a phone its own languages, named in English', async (t) => {
  const [uk, ireland] = byKey('helpline/stop-it-now').phones ?? []
  t.same(uk?.languages?.map((l) => [l.code, l.name, l.phone_id]), [['en', 'English', uk?.id], ['cy', 'Welsh', uk?.id]])
  t.notOk(ireland !== undefined && 'languages' in ireland)
  t.match(ireland, { number: '+44 1372 847 161', description: 'Call the helpline from Ireland. Cost: Charges apply. Current opening hours not confirmed. Check the Stop It Now website. For callers in Ireland.' })
})

t.test('serves the same ids for the same records in an older release', async (t) => {
  const first = releases.byId.get('2026-11-28')
  if (first === undefined) throw new Error('the first release is missing')
  const older = buildHsdsFeed(first, NOW)
  const ids = (f: typeof feed) => new Map(f.services.map((s) => [s.key, s.service.id]))
  const now = ids(feed)
  const shared = [...ids(older)].filter(([key]) => now.has(key))
  t.ok(shared.length >= 220)
  t.same(shared.filter(([key, id]) => now.get(key) !== id), [])
})

t.test('says which nations a contact is for when its service covers more, and gives a council its nation\'s way of reporting', async (t) => {
  const local = byKey('reporting-channel/local-council-childrens-social-care')
  t.same(local.phones?.map((p) => [p.number, p.description]), [['101', 'Police Scotland, non-emergency (101). For Scotland only. Opening hours were not re-checked for this release.']])
  t.match(local.description, /The web page given is for England and Wales only\./)
  t.match(local.description, /on nidirect: https:\/\/www\.nidirect\.gov\.uk\/articles\/reporting-child-abuse-and-neglect \(Northern Ireland only\)\.$/)
  t.match(local.description, /\n\nIn Wales: Contact social services at the council/)
  const edinburgh = byKey('council/S12000036').description
  t.match(edinburgh, /Contact the social work team at the council for the area where the child lives, or Police Scotland on 101/)
  t.notMatch(edinburgh, /Wales Safeguarding Procedures/, 'only its own nation\'s note')
})
