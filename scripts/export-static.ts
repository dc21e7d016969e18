/**
 * npm run export:static -- --out DIR --port P
 * Writes the static mirror of the latest release (see src/static-export/) into DIR, with an
 * nginx.conf that serves it on 127.0.0.1:P. Reads the same environment as the server.
 */
import { parseArgs } from 'node:util'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { exportStatic } from '../src/static-export/export.js'

const { values } = parseArgs({ options: { out: { type: 'string' }, port: { type: 'string', default: '8080' } } })
if (values.out === undefined || !/^\d+$/.test(values.port)) {
  process.stderr.write('usage: npm run export:static -- --out DIR [--port P]\n')
  process.exit(2)
}
const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' })
// The export asks hundreds of questions in a row: the overload guard must not take that for a stall.
const app = await buildApp(config, { maxEventLoopDelay: 60_000 })
const result = await exportStatic(app, { out: values.out, port: Number(values.port), base: config.PUBLIC_BASE_URL ?? '', releasedAt: app.catalogues.latest.release.published_at })
await app.close()
process.stdout.write(`wrote ${result.urls.length} answers of release ${app.catalogues.latest.release.id} to ${result.out} (left out: ${result.excluded.length} answers that change with the clock, are private or are not release data)\n`)
if (result.unreached.length > 0) process.stdout.write(`routes with no URL found: ${result.unreached.join(', ')}\n`)
