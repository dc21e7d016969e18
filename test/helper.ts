import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from '../src/app.js'
import { testConfig, type Config } from '../src/config.js'

const here = dirname(fileURLToPath(import.meta.url))
/** A small data folder of invented services with known hours, for route tests. */
export const FIXTURE_DATA = join(here, 'fixtures', 'data')
export const REAL_DATA = join(here, '..', 'data')
/** The newest release in data/: what the real data serves when no `?release=` is given. */
export const LATEST_RELEASE = '2026-12-01.2'

interface Teardown { teardown: (fn: () => unknown) => void }

/** Builds the app on the fixture data (unless overridden) and closes it after the test. */
export async function build (t: Teardown, overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<FastifyInstance> {
  // The overload guard is off (testConfig): tests build apps side by side on a busy host,
  // which stalls the loop; only the overload tests turn it on.
  const app = await buildApp(testConfig({ DATA_DIR: FIXTURE_DATA, ...overrides }), options)
  t.teardown(() => app.close())
  return app
}

/** A clock stopped at an instant (ISO 8601), for answers about a known moment. */
export function clockAt (iso: string): () => number {
  const instant = Date.parse(iso)
  return () => instant
}

/** A log destination that keeps every line, for reading what the app logged. */
export function captureLog (): { stream: Writable, text: () => string, lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    }
  })
  const text = () => chunks.join('')
  return { stream, text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) }
}
