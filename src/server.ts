import closeWithGrace from 'close-with-grace'
import { loadData, type CatalogueSet } from './catalogue/index.js'
import { loadConfig, type Config } from './config.js'
import { warmUp } from './http/warm-up.js'

/** Grace period for in-flight requests on SIGTERM/SIGINT before the process exits anyway. */
const CLOSE_GRACE_MS = 10_000

function fail (message: string): never {
  // One line on stderr, then a non-zero exit before anything listens.
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

let config: Config
let catalogues: CatalogueSet
try {
  config = loadConfig()
} catch (err) {
  fail((err as Error).message)
}
try {
  catalogues = await loadData(config.DATA_DIR, config.PUBLIC_BASE_URL ?? '')
} catch (err) {
  fail(`data error: ${(err as Error).message}`)
}

// The app (Fastify and every plugin) is imported only once the data has passed its checks,
// so broken data stops the process as early as possible.
const { buildApp } = await import('./app.js')
const app = await buildApp(config, { catalogues })

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
warm()
