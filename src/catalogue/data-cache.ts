import { readFileSync, writeFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import type { GeographyIndex } from '../domain/geography/index.js'
import type { BankHolidayCalendarFile } from '../../schemas/schedule.js'
import type { UriResult } from './contact-uri.js'
import type { RawRelease } from './load-release.js'

/**
 * What checking the data found, kept so that a boot on the same files skips the checking
 * (YAML parsing, schema validation, cross-checks: ~0.3 s for two releases) and loads the
 * records as they were checked. `npm run build` writes it next to the bundle for the data
 * it bundles. Everything in it is keyed by the SHA-256 of the files it came from, and the
 * boot hashes the files it would read: a changed file is checked afresh. Made by the same
 * build as the code that reads it, so the checks it stands for are that code's.
 */
export interface DataCache {
  format: typeof DATA_CACHE_FORMAT
  /** Release ids, newest first. */
  order: string[]
  releases: Record<string, CachedRelease>
  /** Postcode indexes by edition, with the hashes of their two files. */
  geography: Record<string, { meta: string, bin: string, index: GeographyIndex }>
  /** The bank-holiday file as checked. */
  calendars: { sha256: string, file: BankHolidayCalendarFile }
  /** Every contact's URI: [kind, value, result]. */
  uris: Array<[string, string, UriResult]>
}

export interface CachedRelease {
  /** SHA-256 of manifest.yaml. */
  manifest: string
  /** SHA-256 of every data file of the folder, by name. */
  files: Record<string, string>
  /** The release as read and checked (schemas, cross-checks, the postcode index's authorities). */
  raw: RawRelease
}

export const DATA_CACHE_FORMAT = 2

/** The cache in a file, if the file is there and of this format. */
export function readDataCache (file: string): DataCache | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const cache = deserialize(bytes) as DataCache
  return cache.format === DATA_CACHE_FORMAT ? cache : undefined
}

export function writeDataCache (file: string, cache: DataCache): void {
  writeFileSync(file, serialize(cache))
}
