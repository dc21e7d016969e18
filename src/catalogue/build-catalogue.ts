import type { Helpline } from '../../schemas/helpline.js'
import type { OrganisationRecord } from '../../schemas/organisation.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import type { Source } from '../../schemas/source.js'
import type { Manifest } from '../../schemas/release.js'
import { collectSources, presentContact, presentOrganisationRef, presentSource, searchKey, type ContactEntry } from './build-common.js'
import { linkBuilder, type LinkBuilder } from './links.js'
import type { RawRelease } from './load-release.js'

/** A helpline with everything but its clock-dependent fields (open now, stale). */
export interface HelplineEntry {
  base: Omit<Helpline, 'contacts' | 'stale'>
  contacts: ContactEntry[]
  search: string
}

export interface ReleaseInfo {
  id: string
  published_at: string
  previous: string | null
  summary: string
  hash: string
  manifest: Manifest
}

/** Everything one release serves, built once and never changed. */
export interface Catalogue {
  release: ReleaseInfo
  isLatest: boolean
  links: LinkBuilder
  sources: ReadonlyMap<string, Source>
  organisations: ReadonlyMap<string, OrganisationRecord>
  helplines: readonly HelplineEntry[]
  helplineById: ReadonlyMap<string, HelplineEntry>
}

export interface BuildOptions {
  /** Absolute public base URL, or '' for path-only links. */
  linkBase: string
  isLatest: boolean
  describeSchedule: (schedule: ScheduleRecord) => string
}

const byName = <T extends { base: { name: string, id: string } }>(a: T, b: T) =>
  a.base.name.localeCompare(b.base.name, 'en-GB') || a.base.id.localeCompare(b.base.id)

/** Builds the immutable catalogue of a checked release. */
export function buildCatalogue (raw: RawRelease, options: BuildOptions): Catalogue {
  const { manifest, records } = raw
  const links = linkBuilder(options.linkBase, manifest.id, options.isLatest)
  const sources = new Map(records.sources.map((s) => [s.id, { ...presentSource(s), links: { self: links.to(`/v1/sources/${s.id}`) } }]))
  const organisations = new Map(records.organisations.map((o) => [o.id, o]))

  const helplines = records.helplines.map((record): HelplineEntry => ({
    base: {
      id: record.id,
      name: record.name,
      organisation: presentOrganisationRef(organisations.get(record.organisation) as OrganisationRecord),
      summary: record.summary,
      audiences: record.audiences,
      topics: record.topics,
      nations: record.nations,
      age_range: record.age_range === undefined ? null : { min: record.age_range.min ?? null, max: record.age_range.max ?? null },
      anonymity: record.anonymity,
      cost: record.cost,
      notes: record.notes ?? [],
      sources: collectSources(record.sources, record.contacts, sources),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self: links.to(`/v1/helplines/${record.id}`) }
    },
    contacts: record.contacts.map((c) => presentContact(c, options.describeSchedule)),
    search: searchKey(record.name, record.summary)
  })).sort(byName)

  return Object.freeze({
    release: {
      id: manifest.id,
      published_at: manifest.published_at,
      previous: manifest.previous,
      summary: manifest.summary,
      hash: raw.hash,
      manifest
    },
    isLatest: options.isLatest,
    links,
    sources,
    organisations,
    helplines,
    helplineById: new Map(helplines.map((h) => [h.base.id, h]))
  })
}
