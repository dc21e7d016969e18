import type { Helpline, HelplineRecord } from '../../schemas/helpline.js'
import type { OrganisationRecord } from '../../schemas/organisation.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import type { Source } from '../../schemas/source.js'
import { collectSources, presentContact, presentOrganisationRef, searchKey } from './build-common.js'
import type { ServiceEntry } from './entries.js'
import type { LinkBuilder } from './links.js'

export type HelplineEntry = ServiceEntry<Omit<Helpline, 'contacts' | 'stale'>>

export interface BuildContext {
  links: LinkBuilder
  sources: ReadonlyMap<string, Source>
  organisations: ReadonlyMap<string, OrganisationRecord>
  describeSchedule: (schedule: ScheduleRecord) => string
}

/** A helpline as served, minus its clock-dependent fields. */
export function buildHelpline (record: HelplineRecord, ctx: BuildContext): HelplineEntry {
  return {
    base: {
      id: record.id,
      name: record.name,
      organisation: presentOrganisationRef(ctx.organisations.get(record.organisation) as OrganisationRecord),
      summary: record.summary,
      audiences: record.audiences,
      topics: record.topics,
      nations: record.nations,
      age_range: record.age_range === undefined ? null : { min: record.age_range.min ?? null, max: record.age_range.max ?? null },
      anonymity: record.anonymity,
      cost: record.cost,
      notes: record.notes ?? [],
      sources: collectSources(record.sources, record.contacts, ctx.sources),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self: ctx.links.to(`/v1/helplines/${record.id}`) }
    },
    contacts: record.contacts.map((c) => presentContact(c, record.nations, ctx.describeSchedule)),
    nations: record.nations,
    search: searchKey(record.name, record.summary)
  }
}
