import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { Manifest } from '../../schemas/release.js'
import { manifestHash, writeManifest } from '../../src/catalogue/release-manifest.js'
import { FIXTURE_DATA } from '../helper.js'

/** The one release of the fixture data. */
export const FIXTURE_RELEASE = '2026-01-01'

/** Copies the fixture data folder (releases and calendars) into `dir`; returns `dir`. */
export function copyFixtureData (dir: string): string {
  cpSync(FIXTURE_DATA, dir, { recursive: true })
  return dir
}

/** The folder of one release in a data folder. */
export function releaseDir (dataDir: string, id: string): string {
  return join(dataDir, 'releases', id)
}

/** Rewrites one file of a release with `change`. */
export function editFile (dataDir: string, id: string, file: string, change: (text: string) => string): void {
  const path = join(releaseDir(dataDir, id), file)
  const before = readFileSync(path, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`the edit changed nothing in ${file}`)
  writeFileSync(path, after)
}

/** Re-hashes a release's files into its manifest, as `npm run data:seal` would after an edit. */
export function reseal (dataDir: string, id: string): Manifest {
  const dir = releaseDir(dataDir, id)
  const { files: _files, ...fields } = parse(readFileSync(join(dir, 'manifest.yaml'), 'utf8')) as Manifest
  return writeManifest(dir, fields)
}

/**
 * Publishes a new release `id` after `previous`: a copy of its files with `edits` applied,
 * sealed with a manifest chained to the previous one (previous_sha256), as a data editor would.
 */
export function addRelease (dataDir: string, options: {
  id: string
  previous: string
  publishedAt: string
  summary?: string
  edits?: Record<string, (text: string) => string>
}): Manifest {
  const from = releaseDir(dataDir, options.previous)
  const dir = releaseDir(dataDir, options.id)
  cpSync(from, dir, { recursive: true })
  for (const [file, change] of Object.entries(options.edits ?? {})) editFile(dataDir, options.id, file, change)
  return writeManifest(dir, {
    id: options.id,
    published_at: options.publishedAt,
    previous: options.previous,
    previous_sha256: manifestHash(from),
    summary: options.summary ?? `Release ${options.id}.`
  })
}
