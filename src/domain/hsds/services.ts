import type { Nation } from '../../../schemas/common.js'
import type { ContactKind } from '../../../schemas/contact.js'
import type { CouncilContactRole } from '../../../schemas/council-contact.js'
import type { Audience, Topic } from '../../../schemas/helpline.js'
import type { HsdsPlace } from '../../../schemas/hsds/location.js'
import type { HsdsServiceAtLocation, HsdsServiceAtLocationListItem } from '../../../schemas/hsds/service-at-location.js'
import type { HsdsAttribute } from '../../../schemas/hsds/taxonomy.js'
import type { HsdsContact, HsdsLanguage, HsdsPhone, HsdsSchedule, HsdsService, HsdsServiceArea, HsdsServiceListItem } from '../../../schemas/hsds/service.js'
import type { ContactBase } from '../../catalogue/build-common.js'
import { searchKey } from '../../catalogue/build-common.js'
import { staleness } from '../moment.js'
import type { ClockPeriod } from './clock-period.js'
import { hsdsId } from './ids.js'
import { organizationSummary, type OrganizationBase } from './organizations.js'
import { isConfirmed, languageOf, phoneOf } from './phones.js'
import { schedulesOf, type OpeningSpan } from './schedules.js'
import { VOCABULARY, type TaxonomyKind } from './taxonomies.js'

/** Where a service is for: whole nations, or one council's area. */
export type ServiceArea = { kind: 'nations', nations: readonly Nation[] } | { kind: 'authority', code: string, name: string, shortName: string }

/** A contact, and what a council's record adds to it: its role, the team that answers it, and the councils that share that team. */
export interface SourceContact {
  contact: ContactBase
  /** The nations it alone serves, when narrower than its service's. */
  only?: readonly Nation[] | null
  role?: CouncilContactRole
  team?: string
  sharedWith?: readonly string[]
}

/** What one of our records says, gathered for the mapping (service-sources.ts). */
export interface ServiceSource {
  /** Our own kind and id, e.g. `helpline/childline`: the seed of every HSDS id of the service. */
  key: string
  name: string
  organization: OrganizationBase
  /** The description, paragraph by paragraph. */
  paragraphs: readonly string[]
  /** The service's own web page, preferred to any contact's. */
  website: string | null
  /** Web pages to fall back on when no contact is one (a council's homepage, GOV.UK's finder). */
  fallbackUrls: readonly string[]
  fees?: string
  ageRange: { min: number | null, max: number | null } | null
  verifiedOn: string
  reviewBy: string
  contacts: readonly SourceContact[]
  topics: readonly Topic[]
  audiences: readonly Audience[]
  area: ServiceArea
  /** A council's lines for professionals: listed only when professionals are asked for (filters.ts). */
  professionalsOnly?: boolean
}

/** A service in every form the HSDS endpoints serve, and what the filters read. */
export interface HsdsServiceEntry {
  key: string
  service: HsdsService
  listItem: HsdsServiceListItem
  serviceAtLocation: HsdsServiceAtLocation
  serviceAtLocationListItem: HsdsServiceAtLocationListItem
  area: ServiceArea
  search: string
  termIds: ReadonlySet<string>
  taxonomyIds: ReadonlySet<string>
  spans: readonly OpeningSpan[]
  professionalsOnly: boolean
  /** When the answer next changes on its own (the record becomes stale). */
  validUntil: number
}

const NATION_NAMES: Record<Nation, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' }

/** Nations in words: "England and Wales", "England, Wales and Scotland". */
export function nationWords (nations: readonly Nation[]): string {
  const names = nations.map((n) => NATION_NAMES[n])
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`
}
/** A council contact's role, in words. */
const ROLE_WORDS: Record<CouncilContactRole, string> = {
  'front-door': 'The council\'s front door, where it takes concerns about a child',
  'out-of-hours': 'Out of hours: for urgent concerns when the front door is closed',
  'all-hours': 'At any time, day or night'
}
/** Web contacts, in the order one is taken as the service's `url`. */
const WEB_KINDS: readonly ContactKind[] = ['website', 'webchat', 'web_form']

/** Drops the fields with no value (undefined or an empty list): the profile never wants null. */
function withoutEmpty<T extends object> (value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T
}

function areasOf (serviceId: string, key: string, area: ServiceArea): HsdsServiceArea[] {
  if (area.kind === 'authority') {
    return [{ id: hsdsId('service_area', key, area.code), service_id: serviceId, name: area.shortName, service_area: `The area ${area.name} serves (ONS code ${area.code})` }]
  }
  return area.nations.map((n) => ({ id: hsdsId('service_area', key, n), service_id: serviceId, name: NATION_NAMES[n], service_area: NATION_NAMES[n] }))
}

function attributesOf (serviceId: string, key: string, source: ServiceSource): HsdsAttribute[] {
  const linked: Array<[TaxonomyKind, Topic | Audience]> = [...source.topics.map((t) => ['topic', t] as [TaxonomyKind, Topic]), ...source.audiences.map((a) => ['audience', a] as [TaxonomyKind, Audience])]
  return linked.map(([kind, slug]) => {
    const term = VOCABULARY.term(kind, slug)
    return { id: hsdsId('attribute', key, kind, slug), link_id: serviceId, link_type: kind, taxonomy_term_id: term.id, taxonomy_term: term }
  })
}

const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href

/** The first confirmed web contact, by the order of WEB_KINDS. */
function firstWeb (contacts: readonly ContactBase[]): ContactBase | undefined {
  for (const kind of WEB_KINDS) {
    const found = contacts.find((c) => c.kind === kind && isConfirmed(c))
    if (found !== undefined) return found
  }
  return undefined
}

/** Builds a service, its place and list forms from what our record says, at a clock period. */
export function serviceEntry (source: ServiceSource, period: ClockPeriod, instant: number): HsdsServiceEntry {
  const { key } = source
  const id = hsdsId('service', key)
  const confirmed = source.contacts.filter((c) => c.contact.verification === 'confirmed')
  const contacts = confirmed.map((c) => c.contact)
  const teams = [...new Set(confirmed.flatMap((c) => c.team === undefined ? [] : [c.team]))]
  const hsdsContacts: HsdsContact[] = teams.map((team) => ({ id: hsdsId('contact', key, team), service_id: id, name: team }))

  const phones: HsdsPhone[] = []
  const schedules: HsdsSchedule[] = []
  const spans: OpeningSpan[] = []
  /** Contacts the structured fields carry (a phone, the email, the url); the rest are named in the description. */
  const carried = new Set<ContactBase>()
  for (const c of confirmed) {
    const { contact } = c
    // A council may give one number two roles (front door and out of hours): each is its own phone.
    const contactKey = [contact.kind, contact.value, ...(c.role === undefined ? [] : [c.role])].join('/')
    const phone = phoneOf(id, key, contact, {
      contactKey,
      contactId: c.team === undefined ? undefined : hsdsId('contact', key, c.team),
      about: [
        // HSDS has no area for one phone: a number for some of the service's nations says so.
        ...(c.only === undefined || c.only === null ? [] : [`For ${nationWords(c.only)} only`]),
        ...(c.role === undefined ? [] : [ROLE_WORDS[c.role]]),
        ...(c.team === undefined ? [] : [`Team: ${c.team}`]),
        ...(c.sharedWith === undefined || c.sharedWith.length === 0 ? [] : [`The same team serves ${c.sharedWith.join(', ')}`])
      ]
    })
    if (phone !== undefined) {
      phones.push(phone)
      carried.add(contact)
    }
    const own = schedulesOf(id, key, contactKey, contact, period)
    schedules.push(...own.schedules)
    spans.push(...own.spans)
  }
  const email = contacts.find((c) => c.kind === 'email' && isConfirmed(c))
  const { website } = source
  const webPage = website === null ? firstWeb(contacts) : contacts.find((c) => c.uri !== null && sameUrl(c.uri, website))
  const url = website ?? webPage?.uri ?? source.fallbackUrls[0]
  for (const c of [email, webPage]) if (c !== undefined) carried.add(c)
  // HSDS has no place for a chat, a form or an app beside `url`: they are named in the description.
  const onlyIn = new Map(confirmed.flatMap((c) => c.only === undefined || c.only === null ? [] : [[c.contact, nationWords(c.only)] as const]))
  const others = contacts.filter((c) => !carried.has(c)).map((c) => {
    const only = onlyIn.get(c)
    return `${c.label}${c.uri === null ? '' : `: ${c.uri}`}${only === undefined ? '' : ` (${only} only)`}`
  })
  const pageOnly = webPage === undefined ? undefined : onlyIn.get(webPage)
  const description = [
    ...source.paragraphs,
    ...(pageOnly === undefined ? [] : [`The web page given is for ${pageOnly} only.`]),
    ...(others.length === 0 ? [] : [`Other ways to get in touch: ${others.join('; ')}.`])
  ].join('\n\n')
  const languages: HsdsLanguage[] = [...new Set(contacts.flatMap((c) => c.languages))].map((code) => languageOf(code, { service_id: id }))
  const attributes = attributesOf(id, key, source)
  const stale = staleness(source.reviewBy, instant)

  const listItem: HsdsServiceListItem = withoutEmpty({
    id,
    organization_id: source.organization.id,
    name: source.name,
    description,
    url,
    email: email?.value,
    status: 'active' as const,
    fees: source.fees,
    minimum_age: source.ageRange?.min ?? undefined,
    maximum_age: source.ageRange?.max ?? undefined,
    assured_date: source.verifiedOn,
    alert: stale.stale ? `This record was due for review by ${source.reviewBy} and was last checked on ${source.verifiedOn}: check with the service before relying on it.` : undefined,
    organization: organizationSummary(source.organization)
  })
  const place: HsdsPlace = {
    id: hsdsId('service_at_location', key),
    service_id: id,
    location_id: hsdsId('location', key),
    location: { id: hsdsId('location', key), location_type: 'virtual', name: source.name, description: 'Reached by phone or online, as the service lists: this API lists no premises to visit.' }
  }
  const service: HsdsService = withoutEmpty({
    ...listItem,
    phones,
    schedules,
    service_areas: areasOf(id, key, source.area),
    service_at_locations: [place],
    languages,
    contacts: hsdsContacts,
    attributes
  })
  return {
    key,
    service,
    listItem,
    serviceAtLocation: { ...place, service },
    serviceAtLocationListItem: { ...place, service: listItem },
    area: source.area,
    search: searchKey(source.name, description, source.organization.name),
    termIds: new Set(attributes.map((a) => a.taxonomy_term_id)),
    taxonomyIds: new Set(attributes.map((a) => a.taxonomy_term.taxonomy_id)),
    spans,
    professionalsOnly: source.professionalsOnly === true,
    validUntil: stale.validUntil
  }
}
