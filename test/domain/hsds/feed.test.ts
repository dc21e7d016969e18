import t from 'tap'
import { loadData } from '../../../src/catalogue/index.js'
import { buildHsdsFeed, type HsdsFeed } from '../../../src/domain/hsds/index.js'
import { FIXTURE_DATA } from '../../helper.js'

// The fixture release: three invented helplines with known hours (test/fixtures/data).
const WINTER = Date.parse('2026-01-15T12:00:00Z')
const SUMMER = Date.parse('2026-07-01T12:00:00Z')
const catalogue = (await loadData(FIXTURE_DATA, '', WINTER)).latest
const winter = buildHsdsFeed(catalogue, WINTER)
const summer = buildHsdsFeed(catalogue, SUMMER)

const serviceNamed = (feed: HsdsFeed, name: string) => {
  const found = feed.services.find((s) => s.service.name === name)
  if (found === undefined) throw new Error(`no service ${name}`)
  return found.service
}

/** Every path in a value that holds null or an empty list. */
function emptyPaths (value: unknown, path = ''): string[] {
  if (value === null) return [path]
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => emptyPaths(v, `${path}/${i}`))
  if (typeof value === 'object' && value !== undefined) return Object.entries(value).flatMap(([k, v]) => v === undefined ? [`${path}/${k}`] : emptyPaths(v, `${path}/${k}`))
  return []
}

t.test('maps a helpline to a service of its organisation, with its phone, hours, areas and terms', async (t) => {
  const s = serviceNamed(winter, 'Always Line')
  t.match(s, {
    name: 'Always Line',
    description: 'Round-the-clock support for children, anywhere in the UK.\n\nAnonymity: You do not have to give your name.',
    url: 'https://example.org/chat',
    status: 'active',
    fees: 'Free',
    maximum_age: 18,
    assured_date: '2025-12-01',
    organization: { name: 'Fixture Organisation', description: 'Runs the fixture services.', website: 'https://example.org' }
  })
  t.equal(s.organization_id, s.organization.id)
  t.notOk('minimum_age' in s, 'no minimum age stated, none served')
  t.notOk('email' in s)
  t.same(s.phones?.map((p) => [p.number, p.type]), [['0808 157 0000', 'voice']])
  t.same(s.service_areas?.map((a) => a.name), ['England', 'Wales', 'Scotland', 'Northern Ireland'])
  t.same(s.attributes?.map((a) => [a.link_type, a.taxonomy_term.name]), [
    ['topic', 'Emotional support'], ['topic', 'Abuse and neglect'], ['audience', 'Children'], ['audience', 'Young people']
  ])
  t.ok(s.attributes?.every((a) => a.link_id === s.id && a.taxonomy_term_id === a.taxonomy_term.id))
  t.same(s.schedules?.map((x) => [x.byday, x.opens_at, x.closes_at]), [['MO,TU,WE,TH,FR,SA,SU', '00:00+00:00', '00:00+00:00']], 'always open: midnight to midnight, every day')
  t.same(s.service_at_locations?.map((p) => p.location.location_type), ['virtual'])
})

t.test('writes weekly hours with the offset in force, bounded by the clock changes', async (t) => {
  const [w] = serviceNamed(winter, 'Weekday Line').schedules ?? []
  t.match(w, { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00+00:00', closes_at: '17:00+00:00', valid_from: '2025-10-26', valid_to: '2026-03-28' })
  t.match(w?.description, /^Call the weekday line: Monday to Friday 9am to 5pm; closed on bank holidays\.$/)
  t.match(w?.notes, /from 2026-03-29 the UK is on British Summer Time and the same hours are written \+01:00/)
  const [s] = serviceNamed(summer, 'Weekday Line').schedules ?? []
  t.match(s, { opens_at: '09:00+01:00', closes_at: '17:00+01:00', valid_from: '2026-03-29', valid_to: '2026-10-24' })
  t.equal(s?.id, w?.id, 'the same rule keeps its id when the offset changes')
  t.equal(buildHsdsFeed(catalogue, Date.parse('2026-06-15T12:00:00Z')).validUntil, Date.parse('2026-07-01T00:00:00+01:00'), 'a feed ends when a record passes its review date, if that comes first')
  t.equal(summer.validUntil, Date.parse('2026-10-25T01:00:00Z'), '… and then at the next clock change')
  t.equal(winter.validUntil, Date.parse('2026-03-29T01:00:00Z'), 'the winter feed ends when the clocks change')
})

t.test('says when a span runs past midnight', async (t) => {
  const [x] = serviceNamed(winter, 'Evening Line Scotland').schedules ?? []
  t.match(x, { opens_at: '18:00+00:00', closes_at: '02:00+00:00' })
  t.match(x?.notes, /Closes the next day at 02:00\.$/)
})

t.test('serves only confirmed contacts: an unverified number is neither a phone nor named', async (t) => {
  const s = serviceNamed(winter, 'Evening Line Scotland')
  t.same(s.phones?.map((p) => p.number), ['0808 157 0999'])
  t.notMatch(s.description, /84001|Text/)
  t.same(s.service_areas?.map((a) => a.name), ['Scotland'])
})

t.test('takes the first email as `email` and leaves contacts with no hours without schedules', async (t) => {
  const s = serviceNamed(winter, 'Weekday Line')
  t.equal(s.email, 'help@example.org')
  t.equal(s.schedules?.length, 1, 'the email has no confirmed hours')
})

t.test('alerts on a record past its review date, and only then', async (t) => {
  t.notOk('alert' in serviceNamed(winter, 'Weekday Line'))
  t.match(serviceNamed(summer, 'Weekday Line').alert, /due for review by 2026-06-30 and was last checked on 2025-12-01/)
})

t.test('never sends null or an empty list, in any form of any record', async (t) => {
  for (const feed of [winter, summer]) {
    const all = [
      ...feed.services.flatMap((s) => [s.service, s.listItem, s.serviceAtLocation, s.serviceAtLocationListItem]),
      ...feed.organizations.flatMap((o) => [o.organization, o.summary]),
      ...feed.vocabulary.taxonomies, ...feed.vocabulary.terms
    ]
    t.same(all.flatMap((x) => emptyPaths(x)), [])
  }
})

t.test('gives every record a UUIDv5 id that is the same in every build and shared by no other record', async (t) => {
  const idsOf = (feed: HsdsFeed) => feed.services.flatMap((s) => [
    s.service.id, s.serviceAtLocation.id, s.serviceAtLocation.location_id,
    ...(s.service.phones ?? []).map((p) => p.id), ...(s.service.schedules ?? []).map((x) => x.id),
    ...(s.service.attributes ?? []).map((a) => a.id), ...(s.service.service_areas ?? []).map((a) => a.id)
  ]).concat(feed.organizations.map((o) => o.organization.id), feed.vocabulary.terms.map((x) => x.id), feed.vocabulary.taxonomies.map((x) => x.id))
  const ids = idsOf(winter)
  t.equal(new Set(ids).size, ids.length, 'no two records share an id')
  t.ok(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)), 'all are UUIDv5')
  t.same(idsOf(summer), ids, 'the same ids at another time of year')
  t.same(idsOf(buildHsdsFeed(catalogue, WINTER)), ids, 'and in another build')
})

t.test('lists each organisation with the services it runs', async (t) => {
  t.same(winter.organizations.map((o) => [o.organization.name, o.organization.services?.map((s) => s.name)]), [
    ['Fixture Organisation', ['Always Line', 'Evening Line Scotland', 'Weekday Line']]
  ])
})
