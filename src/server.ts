import { fileURLToPath } from 'node:url'
import closeWithGrace from 'close-with-grace'
import { loadLatestFirst, type BootData } from './catalogue/boot-data.js'
import { readDataCache } from './catalogue/data-cache.js'
import { londonToday } from './catalogue/today.js'
import { loadConfig, type Config } from './config.js'
import { describeSchedule } from './domain/schedule/index.js'
import { warmUp } from './http/warm-up.js'

/** Grace period for in-flight requests on SIGTERM/SIGINT before the process exits anyway. */
const CLOSE_GRACE_MS = 10_000

// Made by `npm run build` beside the bundle: what checking the bundled data found, and the
// route validators and serialisers compiled (data-cache.ts, compile-cache.ts). Absent when
// running the sources: then everything is checked and compiled here.
const DATA_CACHE = fileURLToPath(new URL('data-cache.bin', import.meta.url))
const COMPILED = fileURLToPath(new URL('compiled/', import.meta.url))

function fail (message: string): never {
  // One line on stderr, then a non-zero exit before anything listens.
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

let config: Config
let boot: BootData
try {
  config = loadConfig()
} catch (err) {
  fail((err as Error).message)
}
try {
  // The latest release and its postcode index are checked before listening; the older ones
  // just after (checkLaterReleases), so the first answer does not wait for them.
  boot = await loadLatestFirst(config.DATA_DIR, { linkBase: config.PUBLIC_BASE_URL ?? '', today: londonToday(Date.now()), describeSchedule }, readDataCache(DATA_CACHE))
} catch (err) {
  fail(`data error: ${(err as Error).message}`)
}

// The app (Fastify and every plugin) is imported only once the data has passed its checks,
// so broken data stops the process as early as possible.
const { buildApp } = await import('./app.js')
const app = await buildApp(config, {
  catalogues: boot.set,
  laterReleases: { ids: boot.later, finish: boot.finish },
  compiledCode: { dir: COMPILED, write: false }
})

// SIGHUP reloads (below): close-with-grace would otherwise treat it as a signal to stop.
closeWithGrace({ delay: CLOSE_GRACE_MS, skip: ['SIGHUP'] }, async ({ signal, err }) => {
  if (err !== undefined) app.log.error({ err }, 'closing after an error')
  else app.log.info({ signal }, 'closing: finishing requests in flight')
  await app.close()
})

/** Prepares every unfiltered answer in the background; a failure only costs speed. */
function warm (): void {
  warmUp(app).then(
    (count) => app.log.info({ responses: count }, 'responses prepared'),
    (err: unknown) => app.log.warn({ err }, 'warm-up stopped')
  )
}

// SIGHUP reloads the data folder; a broken release is refused and the old one keeps serving.
process.on('SIGHUP', () => {
  app.reloadData().then((outcome) => { if (outcome.ok) warm() }, (err: unknown) => app.log.error({ err }, 'reload failed'))
})

await app.listen({ host: config.HOST, port: config.PORT })
// The older releases are checked now, then the answers worth having ready are prepared.
app.checkLaterReleases().then(warm, (err: unknown) => app.log.error({ err }, 'checking the older releases failed'))
