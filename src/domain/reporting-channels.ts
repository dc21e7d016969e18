import type { Nation } from '../../schemas/common.js'
import type { ContactKind } from '../../schemas/contact.js'
import type { Topic } from '../../schemas/helpline.js'
import type { ReportingChannel } from '../../schemas/reporting-channel.js'
import type { Catalogue, ReportingChannelEntry } from '../catalogue/build-catalogue.js'
import { searchKey } from './search-key.js'
import { findServices } from './find-services.js'
import { serviceAt, type Moment } from './moment.js'

export interface ReportingChannelFilters {
  nation?: Nation
  topic?: Topic
  anonymous?: boolean
  urgency?: ReportingChannel['urgency']
  contact_kind?: ContactKind
  q?: string
  open_now?: boolean
}

/** Only what applies in the nation asked about (all, when none is). */
function forNation (channel: ReportingChannel, nation: Nation | undefined): ReportingChannel {
  return nation === undefined ? channel : { ...channel, nation_notes: channel.nation_notes.filter((n) => n.nations.includes(nation)) }
}

/** A reporting channel with its contacts' open-now status and staleness at a moment. */
export function reportingChannelAt (entry: ReportingChannelEntry, moment: Moment): { item: ReportingChannel, validUntil: number } {
  const { item, validUntil } = serviceAt(entry, moment)
  return { item: forNation(item, moment.nation), validUntil }
}

function matchesStatic (entry: ReportingChannelEntry, filters: ReportingChannelFilters, needle: string | undefined): boolean {
  const { base } = entry
  return (filters.nation === undefined || base.nations.includes(filters.nation)) &&
    (filters.topic === undefined || base.topics.includes(filters.topic)) &&
    // `anonymous=true` means "I can report without giving my name": an unknown (null) never matches.
    (filters.anonymous === undefined || base.anonymity.anonymous === filters.anonymous) &&
    (filters.urgency === undefined || base.urgency === filters.urgency) &&
    (filters.contact_kind === undefined || entry.contacts.some((c) => c.base.kind === filters.contact_kind && (filters.nation === undefined || c.only === null || c.only.includes(filters.nation)))) &&
    (needle === undefined || entry.search.includes(needle))
}

/** Reporting channels matching the filters at a moment, by name, and until when that holds. */
export function findReportingChannels (catalogue: Pick<Catalogue, 'reportingChannels'>, filters: ReportingChannelFilters, moment: Moment): { items: ReportingChannel[], validUntil: number } {
  const needle = filters.q === undefined ? undefined : searchKey(filters.q.trim())
  const found = findServices(catalogue.reportingChannels, (entry) => matchesStatic(entry, filters, needle), filters, moment)
  return { items: found.items.map((c) => forNation(c, moment.nation)), validUntil: found.validUntil }
}
