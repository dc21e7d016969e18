import { join } from 'node:path'
import type { GeographyIndex } from '../domain/geography/index.js'
import { crossCheckLinks } from './cross-check-links.js'
import { crossCheck } from './cross-check.js'
import { loadRelease, readManifest, type RawRelease } from './load-release.js'

// The checking code a boot loads only for files the data cache does not hold (boot-data.ts):
// YAML parsing, schema validation, cross-checks, phone numbers.

export { readManifest }

/** Reads a release folder, every file parsed and checked against its schema (load-release.ts). */
export function readRelease (dir: string, root: string, parsed: Map<string, unknown[]>): RawRelease {
  return loadRelease(dir, root, parsed)
}

/** The checks across a release's records and its postcode index (cross-check.ts, cross-check-links.ts). */
export function checkRelease (raw: RawRelease, geography: GeographyIndex | null, today: string): void {
  const labelOf = (file: string) => join('releases', raw.manifest.id, file)
  crossCheck(raw.records, labelOf, today, raw.manifest.format ?? 1)
  crossCheckLinks(raw.records, labelOf, geography)
}
