import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import { loadGeographyIndex, type GeographyIndex } from '../domain/geography/index.js'
import type { BankHolidayCalendarFile } from '../../schemas/schedule.js'
import { loadBankHolidayFile, type BankHolidayCalendars } from '../domain/schedule/index.js'
import { buildCatalogue, type Catalogue } from './build-catalogue.js'
import { catalogueSet } from './catalogue-set.js'
import { crossCheckLinks } from './cross-check-links.js'
import { crossCheck } from './cross-check.js'
import { DataError } from './data-error.js'
import { loadRelease, type RawRelease } from './load-release.js'

/** Every release the server holds, newest first. Immutable; a reload builds a new one. */
export interface CatalogueSet {
  latest: Catalogue
  byId: ReadonlyMap<string, Catalogue>
  /** Release ids, newest first. */
  ids: readonly string[]
  /** Bank holidays of the UK's three divisions (data/calendars), for opening hours. */
  calendars: BankHolidayCalendars
  /** The same calendar file as written, provenance included (served for offline apps). */
  bankHolidays: BankHolidayCalendarFile
}

export interface LoadOptions {
  linkBase: string
  /** YYYY-MM-DD: no record may claim to be verified after this date. */
  today: string
  describeSchedule: (schedule: ScheduleRecord) => string
}

/** Reads, checks and builds every release under `<dataDir>/releases`. Throws DataError. */
export async function loadCatalogueSet (dataDir: string, options: LoadOptions): Promise<CatalogueSet> {
  const releasesDir = join(dataDir, 'releases')
  if (!existsSync(releasesDir)) throw new DataError('releases', null, '', 'file-exists', `no releases folder in ${dataDir}`)
  const parsed = new Map<string, unknown[]>()
  const raws = readdirSync(releasesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => loadRelease(join(releasesDir, entry.name), dataDir, parsed))
  if (raws.length === 0) throw new DataError('releases', null, '', 'release-exists', 'no release to serve')

  // Releases usually share a geography edition: each is loaded once.
  const editions = new Map<string, GeographyIndex>()
  for (const raw of raws) {
    const edition = raw.manifest.geography
    if (edition === undefined || editions.has(edition)) continue
    const dir = join(dataDir, 'geography', edition)
    if (!existsSync(dir)) throw new DataError(`releases/${raw.manifest.id}/manifest.yaml`, null, '/geography', 'geography-exists', `no geography index ${edition} in ${relative(dataDir, dir)}`)
    editions.set(edition, await loadGeographyIndex(dir))
  }

  for (const raw of raws) {
    const labelOf = (file: string) => join('releases', raw.manifest.id, file)
    const geography = raw.manifest.geography === undefined ? null : editions.get(raw.manifest.geography) ?? null
    crossCheck(raw.records, labelOf, options.today, raw.manifest.format ?? 1)
    crossCheckLinks(raw.records, labelOf, geography)
  }
  const ordered = orderReleases(raws)
  const catalogues = ordered.map((raw, i) => buildCatalogue(raw, {
    linkBase: options.linkBase,
    describeSchedule: options.describeSchedule,
    isLatest: i === 0,
    geography: raw.manifest.geography === undefined ? null : editions.get(raw.manifest.geography) ?? null
  }))
  return catalogueSet(catalogues, loadBankHolidayFile(dataDir))
}

/** Newest first by publication time; every `previous` must name a present, unchanged release. */
function orderReleases (raws: RawRelease[]): RawRelease[] {
  const byId = new Map(raws.map((r) => [r.manifest.id, r]))
  for (const { manifest } of raws) {
    if (manifest.previous === null) continue
    const label = `releases/${manifest.id}/manifest.yaml`
    const previous = byId.get(manifest.previous)
    if (previous === undefined) throw new DataError(label, null, '/previous', 'previous-exists', `previous release "${manifest.previous}" is not in the releases folder`)
    // Each manifest holds the hash of the one before: a published release edited later is caught.
    if (manifest.previous_sha256 !== previous.hash) {
      throw new DataError(label, null, '/previous_sha256', 'previous-hash', `does not match the manifest of ${manifest.previous} (${previous.hash}): published releases must not change`)
    }
  }
  return [...raws].sort((a, b) =>
    b.manifest.published_at.localeCompare(a.manifest.published_at) || b.manifest.id.localeCompare(a.manifest.id))
}
