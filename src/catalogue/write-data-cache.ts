import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTACT_KINDS, type ContactKind } from '../../schemas/contact.js'
import { BANK_HOLIDAYS_FILE } from '../domain/schedule/calendar-file.js'
import { contactUri, type UriResult } from './contact-uri.js'
import { DATA_CACHE_FORMAT, writeDataCache, type DataCache } from './data-cache.js'
import type { CatalogueSet } from './load-catalogues.js'
import { hashReleaseFiles, sha256 } from './release-files.js'

const kinds = new Set<string>(CONTACT_KINDS)

/** Every contact in some records (any object with a contact kind and a value), wherever it sits. */
function contactsIn (value: unknown, found: Array<[string, string]>): void {
  if (Array.isArray(value)) {
    for (const item of value) contactsIn(item, found)
  } else if (value !== null && typeof value === 'object') {
    const { kind, value: text } = value as { kind?: unknown, value?: unknown }
    if (typeof kind === 'string' && kinds.has(kind) && typeof text === 'string') found.push([kind, text])
    for (const item of Object.values(value)) contactsIn(item, found)
  }
}

/**
 * The data cache (data-cache.ts) for a data folder, from its releases loaded and checked
 * in full (loadData). `npm run build` writes it next to the bundle.
 */
export function dataCacheOf (dataDir: string, set: CatalogueSet): DataCache {
  const releases: DataCache['releases'] = {}
  const geography: DataCache['geography'] = {}
  const contacts: Array<[string, string]> = []
  for (const id of set.ids) {
    const catalogue = set.byId.get(id)
    if (catalogue === undefined) continue
    const dir = join(dataDir, 'releases', id)
    releases[id] = {
      manifest: catalogue.release.hash,
      files: hashReleaseFiles(dir),
      raw: { manifest: catalogue.release.manifest, hash: catalogue.release.hash, records: catalogue.records }
    }
    const edition = catalogue.release.manifest.geography
    if (edition !== undefined && catalogue.geography !== null && geography[edition] === undefined) {
      const geo = join(dataDir, 'geography', edition)
      geography[edition] = { meta: sha256(readFileSync(join(geo, 'index.json'))), bin: sha256(readFileSync(join(geo, 'index.bin.br'))), index: catalogue.geography }
    }
    contactsIn(catalogue.records, contacts)
  }
  const uris = new Map<string, [string, string, UriResult]>()
  for (const [kind, value] of contacts) uris.set(`${kind}\n${value}`, [kind, value, contactUri(kind as ContactKind, value)])
  return {
    format: DATA_CACHE_FORMAT,
    order: [...set.ids],
    releases,
    geography,
    calendars: { sha256: sha256(readFileSync(join(dataDir, BANK_HOLIDAYS_FILE))), file: set.bankHolidays },
    uris: [...uris.values()]
  }
}

export { writeDataCache }
