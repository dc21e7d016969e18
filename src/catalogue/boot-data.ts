import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Manifest } from '../../schemas/release.js'
import { loadGeographyIndex, type GeographyIndex } from '../domain/geography/index.js'
import type { BankHolidayCalendarFile } from '../../schemas/schedule.js'
import { BANK_HOLIDAYS_FILE, loadBankHolidayFile } from '../domain/schedule/calendar-file.js'
import { buildCatalogue, type Catalogue } from './build-catalogue.js'
import { catalogueSet } from './catalogue-set.js'
import { rememberUris, UriNotKnown } from './contact-uris.js'
import type { DataCache } from './data-cache.js'
import { DataError } from './data-error.js'
import type { CatalogueSet, LoadOptions } from './load-catalogues.js'
import type { RawRelease } from './load-release.js'
import { sha256 } from './release-files.js'

/** The data a server needs to answer, and the rest to check once it does. */
export interface BootData {
  /** The latest release alone, checked, with its postcode index and the bank holidays. */
  set: CatalogueSet
  /** The other releases, newest first, not checked yet. */
  later: readonly string[]
  /**
   * Checks the other releases and builds the whole set (the latest built afresh, so nothing
   * cached for the first set outlives it). A release that fails its checks is left out and
   * named with its fault: it is never served.
   */
  finish: () => Promise<{ set: CatalogueSet, faults: Array<{ id: string, error: string }> }>
}

/** The checking code: YAML, schemas, cross-checks. Loaded only when a file is not in the cache. */
const checking = () => import('./release-check.js')

/**
 * Loads the latest release and its postcode index, checked, for a server to listen with at
 * once; the older releases are checked by `finish`, after it listens, so the time to the
 * first answer does not grow with their number. What the data cache holds for unchanged
 * files is taken from it (see DataCache); anything else is read and checked as loadData does.
 * Throws a DataError when the latest release, its index or the calendars fail.
 */
export async function loadLatestFirst (dataDir: string, options: LoadOptions, cache: DataCache | undefined): Promise<BootData> {
  const releasesDir = join(dataDir, 'releases')
  if (!existsSync(releasesDir)) throw new DataError('releases', null, '', 'file-exists', `no releases folder in ${dataDir}`)
  const ids = readdirSync(releasesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  if (ids.length === 0) throw new DataError('releases', null, '', 'release-exists', 'no release to serve')
  const manifestHashes = new Map(ids.map((id) => [id, manifestHash(releasesDir, id)]))
  if (cache !== undefined) rememberUris(cache.uris)

  const order = await newestFirst(dataDir, ids, manifestHashes, cache)
  const geographies = new Map<string, GeographyIndex>()
  const geographyOf = async (manifest: Manifest, label: string) => {
    const edition = manifest.geography
    if (edition === undefined) return null
    let index = geographies.get(edition)
    if (index === undefined) {
      index = await loadGeography(dataDir, edition, label, cache)
      geographies.set(edition, index)
    }
    return index
  }
  const parsed = new Map<string, unknown[]>()
  const check = async (id: string): Promise<{ raw: RawRelease, geography: GeographyIndex | null }> => {
    const cached = cachedRelease(releasesDir, id, manifestHashes.get(id), cache)
    const raw = cached ?? (await checking()).readRelease(join(releasesDir, id), dataDir, parsed)
    const geography = await geographyOf(raw.manifest, `releases/${id}/manifest.yaml`)
    if (cached === undefined) (await checking()).checkRelease(raw, geography, options.today)
    checkPrevious(raw.manifest, manifestHashes)
    return { raw, geography }
  }
  const build = async (checked: { raw: RawRelease, geography: GeographyIndex | null }, isLatest: boolean): Promise<Catalogue> => {
    const make = () => buildCatalogue(checked.raw, { linkBase: options.linkBase, describeSchedule: options.describeSchedule, isLatest, geography: checked.geography })
    try {
      return make()
    } catch (err) {
      if (!(err instanceof UriNotKnown)) throw err
      // A contact the cache has no URI for: load the code that works them out.
      await import('./contact-uri.js')
      return make()
    }
  }

  const [latestId, ...later] = order as [string, ...string[]]
  const latest = await check(latestId)
  const bankHolidays = loadCalendars(dataDir, cache)
  const set = catalogueSet([await build(latest, true)], bankHolidays)

  return {
    set,
    later,
    async finish () {
      const faults: Array<{ id: string, error: string }> = []
      const catalogues = [await build(latest, true)]
      for (const id of later) {
        try {
          catalogues.push(await build(await check(id), false))
        } catch (err) {
          if (!(err instanceof DataError)) throw err
          faults.push({ id, error: err.message })
        }
      }
      return { set: catalogueSet(catalogues, bankHolidays), faults }
    }
  }
}

function manifestHash (releasesDir: string, id: string): string | undefined {
  try {
    return sha256(readFileSync(join(releasesDir, id, 'manifest.yaml')))
  } catch {
    return undefined
  }
}

/** Release ids by publication, newest first: from the cache when every manifest is the one it saw, else from the manifests. */
async function newestFirst (dataDir: string, ids: string[], hashes: Map<string, string | undefined>, cache: DataCache | undefined): Promise<string[]> {
  const known = cache !== undefined && cache.order.length === ids.length &&
    ids.every((id) => hashes.get(id) !== undefined && cache.releases[id]?.manifest === hashes.get(id))
  if (known) return [...cache.order]
  const { readManifest } = await checking()
  const manifests = ids.map((id) => readManifest(join(dataDir, 'releases', id), dataDir).manifest)
  return manifests.sort((a, b) => b.published_at.localeCompare(a.published_at) || b.id.localeCompare(a.id)).map((m) => m.id)
}

/** The cached release, if its manifest and every data file of its folder are the ones checked. */
function cachedRelease (releasesDir: string, id: string, hash: string | undefined, cache: DataCache | undefined): RawRelease | undefined {
  const cached = cache?.releases[id]
  if (cached === undefined || hash === undefined || cached.manifest !== hash) return undefined
  const dir = join(releasesDir, id)
  const files = readdirSync(dir).filter((file) => file.endsWith('.yaml') && file !== 'manifest.yaml').sort()
  const same = files.length === Object.keys(cached.files).length &&
    files.every((file) => cached.files[file] === sha256(readFileSync(join(dir, file))))
  return same ? cached.raw : undefined
}

/** Each manifest names the release before it, present and unchanged (its manifest's hash). */
function checkPrevious (manifest: Manifest, hashes: Map<string, string | undefined>): void {
  if (manifest.previous === null) return
  const label = `releases/${manifest.id}/manifest.yaml`
  if (!hashes.has(manifest.previous)) throw new DataError(label, null, '/previous', 'previous-exists', `previous release "${manifest.previous}" is not in the releases folder`)
  const previous = hashes.get(manifest.previous)
  if (manifest.previous_sha256 !== previous) {
    throw new DataError(label, null, '/previous_sha256', 'previous-hash', `does not match the manifest of ${manifest.previous} (${previous ?? 'missing'}): published releases must not change`)
  }
}

async function loadGeography (dataDir: string, edition: string, label: string, cache: DataCache | undefined): Promise<GeographyIndex> {
  const dir = join(dataDir, 'geography', edition)
  if (!existsSync(dir)) throw new DataError(label, null, '/geography', 'geography-exists', `no geography index ${edition} in ${relative(dataDir, dir)}`)
  const cached = cache?.geography[edition]
  if (cached !== undefined) {
    const meta = sha256(readFileSync(join(dir, 'index.json')))
    const bin = sha256(readFileSync(join(dir, 'index.bin.br')))
    if (meta === cached.meta && bin === cached.bin) return freezeIndex(cached.index)
  }
  return await loadGeographyIndex(dir)
}

/** A deserialised index, frozen as the loader freezes it. */
function freezeIndex (index: GeographyIndex): GeographyIndex {
  Object.freeze(index.attribution)
  Object.freeze(index.lads)
  return Object.freeze(index)
}

/** The bank-holiday file: from the cache when it is the one checked, else read and checked. */
function loadCalendars (dataDir: string, cache: DataCache | undefined): BankHolidayCalendarFile {
  if (cache !== undefined && sha256(readFileSync(join(dataDir, BANK_HOLIDAYS_FILE))) === cache.calendars.sha256) return cache.calendars.file
  return loadBankHolidayFile(dataDir)
}
