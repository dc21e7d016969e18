/**
 * Starting and sealing data releases.
 *   npm run data:new-release -- [--id 2026-12-01] [--summary "What changes"]
 *     copies the latest release to a new folder (previous = latest) to be edited;
 *   npm run data:seal -- <id> [--summary "..."]
 *     re-hashes an edited release that has not been published (committed) yet.
 * Then `npm run data:check`, and commit: from then on the release never changes.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import type { Manifest } from '../schemas/release.js'
import { CURRENT_FORMAT } from '../src/catalogue/datasets.js'
import { loadData, londonToday } from '../src/catalogue/index.js'
import { manifestHash, writeManifest } from '../src/catalogue/release-manifest.js'
import { loadConfig } from '../src/config.js'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, summary: { type: 'string' } } })
const [command, target] = positionals
const releases = join(loadConfig().DATA_DIR, 'releases')
const readManifest = (id: string) => parse(readFileSync(join(releases, id, 'manifest.yaml'), 'utf8')) as Manifest

function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function isCommitted (dir: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', join(dir, 'manifest.yaml')], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Today's date, or today with .2, .3 … when a release already has that id. */
function nextId (): string {
  const today = londonToday(Date.now())
  let id = today
  for (let n = 2; existsSync(join(releases, id)); n++) id = `${today}.${n}`
  return id
}

if (command === 'new') {
  const latest = (await loadData(loadConfig().DATA_DIR, '')).latest.release
  const id = values.id ?? nextId()
  const dir = join(releases, id)
  if (existsSync(dir)) fail(`release ${id} already exists`)
  cpSync(join(releases, latest.id), dir, { recursive: true })
  writeManifest(dir, {
    id,
    published_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    previous: latest.id,
    previous_sha256: manifestHash(join(releases, latest.id)),
    summary: values.summary ?? 'Describe what this release changes.',
    format: CURRENT_FORMAT,
    ...(latest.manifest.geography === undefined ? {} : { geography: latest.manifest.geography })
  })
  process.stdout.write(`started release ${id} from ${latest.id} in ${dir}\nedit its files, then: npm run data:seal -- ${id}\n`)
} else if (command === 'seal' && target !== undefined) {
  const dir = join(releases, target)
  if (!existsSync(dir)) fail(`no release ${target}`)
  if (isCommitted(dir)) fail(`release ${target} is published (committed): it must not change; start a new one with npm run data:new-release`)
  const { files: _files, ...fields } = readManifest(target)
  writeManifest(dir, { ...fields, ...(values.summary === undefined ? {} : { summary: values.summary }) })
  process.stdout.write(`sealed ${target}; now run npm run data:check\n`)
} else {
  fail('usage: tsx scripts/release.ts new [--id ID] [--summary TEXT] | seal ID [--summary TEXT]')
}
