import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Hex SHA-256 of some bytes. */
export function sha256 (bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The data files of a release folder (every .yaml but the manifest) with their hashes, by name. */
export function hashReleaseFiles (dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.yaml') && file !== 'manifest.yaml') files[file] = sha256(readFileSync(join(dir, file)))
  }
  return files
}
