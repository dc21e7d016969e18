import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import { loadBankHolidayCalendars, type BankHolidayCalendars } from '../domain/schedule/index.js'
import { buildCatalogue, type Catalogue } from './build-catalogue.js'
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
}

export interface LoadOptions {
  linkBase: string
  /** YYYY-MM-DD: no record may claim to be verified after this date. */
  today: string
  describeSchedule: (schedule: ScheduleRecord) => string
}

/** Reads, checks and builds every release under `<dataDir>/releases`. Throws DataError. */
export function loadCatalogueSet (dataDir: string, options: LoadOptions): CatalogueSet {
  const releasesDir = join(dataDir, 'releases')
  const label = relative(process.cwd(), releasesDir) || releasesDir
  if (!existsSync(releasesDir)) throw new DataError(label, null, '', 'file-exists', 'no releases folder')
  const raws = readdirSync(releasesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(releasesDir, entry.name)
      const raw = loadRelease(dir, dataDir)
      crossCheck(raw.records, (file) => relative(dataDir, join(dir, file)), options.today)
      return raw
    })
  if (raws.length === 0) throw new DataError(label, null, '', 'release-exists', 'no release to serve')
  const ordered = orderReleases(raws, label)
  const catalogues = ordered.map((raw, i) => buildCatalogue(raw, { ...options, linkBase: options.linkBase, isLatest: i === 0 }))
  return Object.freeze({
    latest: catalogues[0] as Catalogue,
    byId: new Map(catalogues.map((c) => [c.release.id, c])),
    ids: catalogues.map((c) => c.release.id),
    calendars: loadBankHolidayCalendars(dataDir)
  })
}

/** Newest first by publication time; every `previous` must name a release that is present. */
function orderReleases (raws: RawRelease[], label: string): RawRelease[] {
  const ids = new Set(raws.map((r) => r.manifest.id))
  for (const { manifest } of raws) {
    if (manifest.previous !== null && !ids.has(manifest.previous)) {
      throw new DataError(`${label}/${manifest.id}/manifest.yaml`, null, '/previous', 'previous-exists', `previous release "${manifest.previous}" is not in the releases folder`)
    }
  }
  return [...raws].sort((a, b) =>
    b.manifest.published_at.localeCompare(a.manifest.published_at) || b.manifest.id.localeCompare(a.manifest.id))
}
