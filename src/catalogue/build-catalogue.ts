import type { OrganisationRecord } from '../../schemas/organisation.js'
import type { Manifest } from '../../schemas/release.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import type { Source } from '../../schemas/source.js'
import type { GeographyIndex } from '../domain/geography/index.js'
import { presentSource } from './build-common.js'
import { buildHelpline, type BuildContext, type HelplineEntry } from './build-helplines.js'
import { buildLocalAuthority, councilTeams, type LocalAuthorityEntry } from './build-local-authorities.js'
import { buildReportingChannel, type ReportingChannelEntry } from './build-reporting-channels.js'
import { buildRoute, type RouteEntry } from './build-routes.js'
import { buildStatistic, type StatisticEntry } from './build-statistics.js'
import { linkBuilder, type LinkBuilder } from './links.js'
import type { DatasetRecords } from './datasets.js'
import type { RawRelease } from './load-release.js'
import { compareStatistics } from '../domain/statistics.js'

export type { HelplineEntry } from './build-helplines.js'
export type { LocalAuthorityEntry } from './build-local-authorities.js'
export type { ReportingChannelEntry } from './build-reporting-channels.js'
export type { RouteEntry } from './build-routes.js'
export type { StatisticEntry } from './build-statistics.js'

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
  reportingChannels: readonly ReportingChannelEntry[]
  reportingChannelById: ReadonlyMap<string, ReportingChannelEntry>
  localAuthorities: readonly LocalAuthorityEntry[]
  /** By current code and by every alias code. */
  localAuthorityByCode: ReadonlyMap<string, LocalAuthorityEntry>
  routes: readonly RouteEntry[]
  routeById: ReadonlyMap<string, RouteEntry>
  /** Newest period first (see compareStatistics). */
  statistics: readonly StatisticEntry[]
  statisticById: ReadonlyMap<string, StatisticEntry>
  /** The postcode index this release names, if any. */
  geography: GeographyIndex | null
  /** The records exactly as published in the release's files, for diffs and bundles. */
  records: DatasetRecords
}

export interface BuildOptions {
  /** Absolute public base URL, or '' for path-only links. */
  linkBase: string
  isLatest: boolean
  describeSchedule: (schedule: ScheduleRecord) => string
  geography: GeographyIndex | null
}

const byName = <T extends { base: { name: string } }>(a: T, b: T) => a.base.name.localeCompare(b.base.name, 'en-GB')
const byKey = <T>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]))

/** Builds the immutable catalogue of a checked release. */
export function buildCatalogue (raw: RawRelease, options: BuildOptions): Catalogue {
  const { manifest, records } = raw
  const links = linkBuilder(options.linkBase, manifest.id, options.isLatest)
  // Council pages are kept in their own file (written by npm run data:council-contacts) but are sources like any other.
  const sources = new Map([...records.sources, ...records.councilSources].map((s) => [s.id, { ...presentSource(s), links: { self: links.to(`/v1/sources/${s.id}`) } }]))
  const ctx: BuildContext = { links, sources, organisations: byKey(records.organisations, (o) => o.id), describeSchedule: options.describeSchedule }

  const helplines = records.helplines.map((r) => buildHelpline(r, ctx)).sort(byName)
  const reportingChannels = records.reportingChannels.map((r) => buildReportingChannel(r, ctx)).sort(byName)
  const teams = councilTeams(records.localAuthorities, records.councilTeams, links)
  const localAuthorities = records.localAuthorities.map((r) => buildLocalAuthority(r, ctx, teams)).sort(byName)
  const localAuthorityByCode = new Map<string, LocalAuthorityEntry>()
  for (const la of localAuthorities) for (const code of [la.base.code, ...la.base.alias_codes]) localAuthorityByCode.set(code, la)
  // Routes keep the order they are written in: it is the order people meet situations in.
  const routes = records.reportingRoutes.map((r) => buildRoute(r, links))
  const statistics = [...records.statistics].sort(compareStatistics).map((r) => buildStatistic(r, sources, links))

  return Object.freeze({
    release: { id: manifest.id, published_at: manifest.published_at, previous: manifest.previous, summary: manifest.summary, hash: raw.hash, manifest },
    isLatest: options.isLatest,
    links,
    sources,
    organisations: ctx.organisations,
    helplines,
    helplineById: byKey(helplines, (h) => h.base.id),
    reportingChannels,
    reportingChannelById: byKey(reportingChannels, (c) => c.base.id),
    localAuthorities,
    localAuthorityByCode,
    routes,
    routeById: byKey(routes, (r) => r.situation.id),
    statistics,
    statisticById: byKey(statistics, (s) => s.base.id),
    geography: options.geography,
    records
  })
}
