import type { HelplineEntry, LocalAuthorityEntry, ReportingChannelEntry } from '../../catalogue/build-catalogue.js'
import { councilKey, type OrganizationBase } from './organizations.js'
import type { ServiceSource } from './services.js'

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
    contacts: entry.contacts.map((c) => ({ contact: c.base })),
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
      ...r.notes
    ],
    website: r.website,
    fallbackUrls: [],
    ageRange: null,
    verifiedOn: r.verified_on,
    reviewBy: r.review_by,
    contacts: entry.contacts.map((c) => ({ contact: c.base })),
    topics: r.topics,
    audiences: r.who_can_report,
    area: { kind: 'nations', nations: r.nations }
  }
}

/**
 * A council's children's social care front door: the local reporting channel, for one
 * council's area. Its topics, audiences and "not for" come from that channel; its contacts,
 * links and notes from the council's own record.
 */
export function councilSource (entry: LocalAuthorityEntry, organization: OrganizationBase, channel: ReportingChannelEntry | undefined): ServiceSource {
  const la = entry.base
  return {
    key: councilKey(la.code),
    name: `${la.name} children's social care`,
    organization,
    paragraphs: [
      `The children's social care (social work) team of ${la.name}, for children who live in ${la.short_name}. It takes and acts on reports that a child may be at risk of harm, abuse or neglect.`,
      ...line('Not for', channel?.base.not_for ?? []),
      la.contacts_note,
      ...optional(la.homepage_note),
      ...optional(la.lad_codes_note)
    ],
    website: null,
    fallbackUrls: [la.homepage_url, la.find_your_council_url].filter((u): u is string => u !== null),
    ageRange: null,
    verifiedOn: la.verified_on,
    reviewBy: la.review_by,
    contacts: entry.contacts.map((c) => ({ contact: c.base })),
    topics: channel?.base.topics ?? [],
    audiences: channel?.base.who_can_report ?? [],
    area: { kind: 'authority', code: la.code, name: la.name, shortName: la.short_name }
  }
}
