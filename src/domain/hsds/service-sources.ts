import type { CouncilContactAudience } from '../../../schemas/council-contact.js'
import type { HelplineEntry, LocalAuthorityEntry, ReportingChannelEntry } from '../../catalogue/build-catalogue.js'
import { councilKey, type OrganizationBase } from './organizations.js'
import { nationWords, type ServiceSource } from './services.js'

const line = (label: string, parts: readonly string[]) => parts.length === 0 ? [] : [`${label}: ${parts.join(' ')}`]
const optional = (text: string | null) => text === null ? [] : [text]

/** A helpline, as the mapping reads it. */
export function helplineSource (entry: HelplineEntry, organization: OrganizationBase): ServiceSource {
  const h = entry.base
  return {
    key: `helpline/${h.id}`,
    name: h.name,
    organization,
    paragraphs: [h.summary, `Anonymity: ${h.anonymity.note}`, ...h.notes],
    website: null,
    fallbackUrls: [],
    fees: h.cost,
    ageRange: h.age_range,
    verifiedOn: h.verified_on,
    reviewBy: h.review_by,
    contacts: entry.contacts.map((c) => ({ contact: c.base, only: c.only })),
    topics: h.topics,
    audiences: h.audiences,
    area: { kind: 'nations', nations: h.nations }
  }
}

/** A reporting channel: what to report there, what not, and what happens next go into the description. */
export function reportingChannelSource (entry: ReportingChannelEntry, organization: OrganizationBase): ServiceSource {
  const r = entry.base
  return {
    key: `reporting-channel/${r.id}`,
    name: r.name,
    organization,
    paragraphs: [
      r.summary,
      ...line('What to report here', r.report_here),
      ...line('Not for', r.not_for),
      ...line('Do not', r.do_not),
      `What happens next: ${r.what_happens_next}`,
      `Anonymity: ${r.anonymity.note}`,
      ...optional(r.who_can_report_note),
      ...r.notes,
      ...r.nation_notes.map((n) => `In ${nationWords(n.nations)}: ${n.text}`)
    ],
    website: r.website,
    fallbackUrls: [],
    ageRange: null,
    verifiedOn: r.verified_on,
    reviewBy: r.review_by,
    contacts: entry.contacts.map((c) => ({ contact: c.base, only: c.only })),
    topics: r.topics,
    audiences: r.who_can_report,
    area: { kind: 'nations', nations: r.nations }
  }
}

/**
 * A council's children's social care front door: the local reporting channel, for one
 * council's area. Its topics, audiences and "not for" come from that channel; its contacts,
 * report page, links and notes from the council's own record. The lines a council gives
 * professionals are a service of their own, for professionals only, so no directory shows
 * them to the public as the way to report (as the API's routes never do by default).
 */
export function councilSources (entry: LocalAuthorityEntry, organization: OrganizationBase, channel: ReportingChannelEntry | undefined): ServiceSource[] {
  const la = entry.base
  const contactsFor = (audience: CouncilContactAudience) => entry.contacts.filter((c) => c.base.audience === audience).map((c) => ({
    contact: c.base,
    role: c.base.role,
    ...(c.base.team === null ? {} : { team: c.base.team }),
    sharedWith: c.base.shared_with.map((other) => other.name)
  }))
  const common = {
    organization,
    website: la.report_url,
    fallbackUrls: [la.homepage_url, la.find_your_council_url].filter((u): u is string => u !== null),
    ageRange: null,
    verifiedOn: la.verified_on,
    reviewBy: la.review_by,
    topics: channel?.base.topics ?? [],
    area: { kind: 'authority' as const, code: la.code, name: la.name, shortName: la.short_name }
  }
  const notes = [la.contacts_note, ...optional(la.homepage_note), ...optional(la.lad_codes_note)]
  const name = `${la.name} children's social care`
  const forPublic: ServiceSource = {
    ...common,
    key: councilKey(la.code),
    name,
    paragraphs: [
      `The children's social care (social work) team of ${la.name}, for children who live in ${la.short_name}. It takes and acts on reports that a child may be at risk of harm, abuse or neglect.`,
      ...line('Not for', channel?.base.not_for ?? []),
      // How reporting works in the council's own nation, as the local reporting channel says.
      ...(channel?.base.nation_notes ?? []).filter((n) => n.nations.includes(la.nation)).map((n) => n.text),
      ...notes
    ],
    contacts: contactsFor('public'),
    audiences: channel?.base.who_can_report ?? []
  }
  const professional = contactsFor('professionals')
  if (professional.length === 0) return [forPublic]
  const told = { ...forPublic, paragraphs: [...forPublic.paragraphs, 'The lines the council gives professionals are a separate service, for professionals only.'] }
  return [told, {
    ...common,
    key: `${councilKey(la.code)}/professionals`,
    name: `${name}: lines for professionals`,
    paragraphs: [
      `For professionals only: the lines ${la.name} gives people who work with children, to refer a concern about a child who lives in ${la.short_name}. Members of the public: see ${name}.`,
      ...notes
    ],
    contacts: professional,
    audiences: ['professionals'],
    professionalsOnly: true
  }]
}
