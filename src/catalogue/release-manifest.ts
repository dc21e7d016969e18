import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { Manifest } from '../../schemas/release.js'
import { hashReleaseFiles, sha256 } from './release-files.js'

/** Writes a release's manifest.yaml with the current hash of every data file in its folder. */
export function writeManifest (dir: string, fields: Omit<Manifest, 'files'>): Manifest {
  const manifest: Manifest = { ...fields, files: hashReleaseFiles(dir) }
  const header = '# Written by scripts/release.ts. A published release never changes: the hashes below,\n# and the next release\'s previous_sha256, are checked at every boot.\n'
  writeFileSync(join(dir, 'manifest.yaml'), header + stringify(manifest, { lineWidth: 0 }))
  return manifest
}

/** SHA-256 of a release's manifest.yaml as it is on disk. */
export function manifestHash (dir: string): string {
  return sha256(readFileSync(join(dir, 'manifest.yaml')))
}
