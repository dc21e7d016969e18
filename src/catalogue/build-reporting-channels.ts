import type { OrganisationRecord } from '../../schemas/organisation.js'
import type { ReportingChannel, ReportingChannelRecord } from '../../schemas/reporting-channel.js'
import { collectSources, presentContact, presentOrganisationRef, searchKey } from './build-common.js'
import type { BuildContext } from './build-helplines.js'
import type { ServiceEntry } from './entries.js'

export type ReportingChannelEntry = ServiceEntry<Omit<ReportingChannel, 'contacts' | 'stale'>>

/** A reporting channel as served, minus its clock-dependent fields. */
export function buildReportingChannel (record: ReportingChannelRecord, ctx: BuildContext): ReportingChannelEntry {
  return {
    base: {
      id: record.id,
      name: record.name,
      organisation: presentOrganisationRef(ctx.organisations.get(record.organisation) as OrganisationRecord),
      summary: record.summary,
      website: record.website,
      report_here: record.report_here,
      not_for: record.not_for,
      who_can_report: record.who_can_report,
      who_can_report_note: record.who_can_report_note ?? null,
      anonymity: record.anonymity,
      urgency: record.urgency,
      what_happens_next: record.what_happens_next,
      do_not: record.do_not,
      topics: record.topics,
      nations: record.nations,
      scope: record.scope,
      notes: record.notes ?? [],
      nation_notes: record.nation_notes ?? [],
      sources: collectSources(record.sources, record.contacts, ctx.sources),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self: ctx.links.to(`/v1/reporting-channels/${record.id}`) }
    },
    contacts: record.contacts.map((c) => presentContact(c, record.nations, ctx.describeSchedule)),
    nations: record.nations,
    search: searchKey(record.name, record.summary, ...record.report_here)
  }
}
