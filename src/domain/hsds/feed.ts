import type { HsdsOrganization, HsdsOrganizationSummary } from '../../../schemas/hsds/organization.js'
import type { OrganisationRecord } from '../../../schemas/organisation.js'
import type { Catalogue } from '../../catalogue/build-catalogue.js'
import { searchKey } from '../../catalogue/build-common.js'
import { clockPeriod, type ClockPeriod } from './clock-period.js'
import { organizationFromCouncil, organizationFromRecord, organizationSummary, type OrganizationBase } from './organizations.js'
import { councilSources, helplineSource, reportingChannelSource } from './service-sources.js'
import { serviceEntry, type HsdsServiceEntry } from './services.js'
import { VOCABULARY, type Vocabulary } from './taxonomies.js'

export interface HsdsOrganizationEntry {
  organization: HsdsOrganization
  summary: HsdsOrganizationSummary
  search: string
}

/** A release in the HSDS view, right from `validFrom` until `validUntil`. */
export interface HsdsFeed {
  period: ClockPeriod
  validFrom: number
  /** The next clock change, or the next record to pass its review date, whichever is first. */
  validUntil: number
  /** Sorted by name. */
  services: readonly HsdsServiceEntry[]
  serviceById: ReadonlyMap<string, HsdsServiceEntry>
  serviceAtLocationById: ReadonlyMap<string, HsdsServiceEntry>
  /** Sorted by name. */
  organizations: readonly HsdsOrganizationEntry[]
  organizationById: ReadonlyMap<string, HsdsOrganizationEntry>
  vocabulary: Vocabulary
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB')

/**
 * Maps a release to HSDS at an instant: every helpline and reporting channel as a service of
 * its organisation, and every council's children's social care as a service of that council.
 * The instant decides the UTC offset the times carry and which records are past review.
 */
export function buildHsdsFeed (catalogue: Catalogue, instant: number): HsdsFeed {
  const period = clockPeriod(instant)
  const orgs = new Map<string, OrganizationBase>()
  const orgOf = (record: OrganisationRecord | undefined): OrganizationBase => {
    /* c8 ignore next -- cross-check.ts makes sure every organisation a service names exists */
    if (record === undefined) throw new Error('a service names an unknown organisation')
    let org = orgs.get(record.id)
    if (org === undefined) orgs.set(record.id, org = organizationFromRecord(record))
    return org
  }
  for (const record of catalogue.organisations.values()) orgOf(record)
  const localChannel = catalogue.reportingChannels.find((c) => c.base.scope === 'local')
  const sources = [
    ...catalogue.helplines.map((h) => helplineSource(h, orgOf(catalogue.organisations.get(h.base.organisation.id)))),
    ...catalogue.reportingChannels.map((r) => reportingChannelSource(r, orgOf(catalogue.organisations.get(r.base.organisation.id)))),
    ...catalogue.localAuthorities.flatMap((la) => {
      const org = organizationFromCouncil(la.base)
      orgs.set(`council/${la.base.code}`, org)
      return councilSources(la, org, localChannel)
    })
  ]
  const services = sources.map((s) => serviceEntry(s, period, instant)).sort((a, b) => byName(a.service, b.service))
  const organizations = [...orgs.values()].sort(byName).map((org): HsdsOrganizationEntry => {
    // As in the lists: a council's lines for professionals are found by asking for them (filters.ts).
    const runs = services.filter((s) => s.service.organization_id === org.id && !s.professionalsOnly).map((s) => s.listItem)
    return {
      organization: runs.length === 0 ? org : { ...org, services: runs },
      summary: organizationSummary(org),
      search: searchKey(org.name, org.description)
    }
  })
  return {
    period,
    validFrom: instant,
    validUntil: Math.min(period.until, ...services.map((s) => s.validUntil)),
    services,
    serviceById: new Map(services.map((s) => [s.service.id, s])),
    serviceAtLocationById: new Map(services.map((s) => [s.serviceAtLocation.id, s])),
    organizations,
    organizationById: new Map(organizations.map((o) => [o.organization.id, o])),
    vocabulary: VOCABULARY
  }
}

const feeds = new WeakMap<Catalogue, HsdsFeed>()

/** The release's HSDS view at an instant, built once and kept while it stays right. */
export function hsdsFeedFor (catalogue: Catalogue, instant: number): HsdsFeed {
  const kept = feeds.get(catalogue)
  if (kept !== undefined && instant >= kept.validFrom && instant < kept.validUntil) return kept
  const feed = buildHsdsFeed(catalogue, instant)
  feeds.set(catalogue, feed)
  return feed
}
