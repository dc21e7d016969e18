import { readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { ManifestSchema, type Manifest } from '../../schemas/release.js'
import { DataError } from './data-error.js'
import { DATASETS, LEGACY_SCHEMAS, type DatasetName, type DatasetRecords } from './datasets.js'
import { upgradeRecords } from './upgrade-records.js'
import { readYaml } from './read-yaml.js'
import { sha256 } from './release-files.js'
import { validateRecords, validateValue } from './validate-records.js'

export interface RawRelease {
  manifest: Manifest
  /** sha256 of manifest.yaml: changes whenever any file of the release changes. */
  hash: string
  records: DatasetRecords
}

function checkFilesMatchManifest (dir: string, label: (f: string) => string, manifest: Manifest): void {
  const listed = new Set(Object.keys(manifest.files))
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.yaml') && file !== 'manifest.yaml' && !listed.has(file)) {
      throw new DataError(label(file), null, '', 'manifest-lists-file', 'file is in the release folder but not in manifest.yaml')
    }
  }
  for (const [file, expected] of Object.entries(manifest.files)) {
    let bytes: Buffer
    try {
      bytes = readFileSync(join(dir, file))
    } catch {
      throw new DataError(label(file), null, '', 'file-exists', 'listed in manifest.yaml but missing')
    }
    if (sha256(bytes) !== expected) {
      throw new DataError(label(file), null, '', 'manifest-hash', `sha256 ${sha256(bytes)} does not match manifest.yaml (${expected}): published files must not change`)
    }
  }
}

/**
 * Reads one release folder: the manifest, the hash of every file, and every data file
 * parsed and checked against its schema. Cross-record checks come after (cross-check.ts).
 * `root` is only used to print paths relative to the data folder; `parsed` holds the records
 * of files already read, by hash.
 */
export function loadRelease (dir: string, root: string, parsed: Map<string, unknown[]> = new Map()): RawRelease {
  const label = (file: string) => relative(root, join(dir, file)) || file
  const { manifest, hash: manifestHash } = readManifest(dir, root)
  checkFilesMatchManifest(dir, label, manifest)

  const known = new Set(Object.values(DATASETS).map((d) => d.file))
  for (const file of Object.keys(manifest.files)) {
    if (!known.has(file)) throw new DataError(label(file), null, '', 'known-file', 'not a data file this server knows')
  }
  const records: Partial<DatasetRecords> = {}
  const format = manifest.format ?? 1
  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    const { file, required } = DATASETS[name]
    const schema = LEGACY_SCHEMAS[format]?.[name] ?? DATASETS[name].schema
    if (!(file in manifest.files)) {
      if (required) throw new DataError(label(file), null, '', 'file-exists', 'a release must include this file')
      records[name] = [] // an optional dataset this release does not have yet
      continue
    }
    // A file unchanged since an earlier release (same hash) is parsed and checked once.
    const hash = manifest.files[file] as string
    const key = schema === DATASETS[name].schema ? hash : `format-${format}:${hash}`
    let valid = parsed.get(key)
    if (valid === undefined) {
      valid = validateRecords(label(file), readYaml(join(dir, file), label(file)), schema)
      parsed.set(key, valid)
    }
    records[name] = valid as never
  }
  return { manifest, hash: manifestHash, records: upgradeRecords(format, records as DatasetRecords) }
}

/** A release folder's manifest, read and checked against its schema, with the SHA-256 of its bytes. */
export function readManifest (dir: string, root: string): { manifest: Manifest, hash: string } {
  const manifestLabel = relative(root, join(dir, 'manifest.yaml')) || 'manifest.yaml'
  const manifestBytes = readFileOrFail(join(dir, 'manifest.yaml'), manifestLabel)
  const manifestData = readYaml(join(dir, 'manifest.yaml'), manifestLabel)
  validateValue(manifestLabel, null, '', manifestData, ManifestSchema)
  const manifest = manifestData as Manifest
  if (manifest.id !== basename(dir)) {
    throw new DataError(manifestLabel, null, '/id', 'release-id-matches-folder', `id "${manifest.id}" differs from the folder name "${basename(dir)}"`)
  }
  return { manifest, hash: sha256(manifestBytes) }
}

function readFileOrFail (path: string, label: string): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw new DataError(label, null, '', 'file-exists', 'every release needs a manifest.yaml')
  }
}
