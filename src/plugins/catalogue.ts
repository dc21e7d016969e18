import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import { releaseStarting, unknownRelease } from '../http/errors.js'

export interface ReloadOutcome {
  at: string
  ok: boolean
  /** One line naming file, record, pointer and rule; null when the reload worked. */
  error: string | null
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The releases being served. Swapped as one reference on reload, never mutated. */
    readonly catalogues: CatalogueSet
    /**
     * The catalogue for a release id, or the latest; throws a 404 problem for an unknown id,
     * naming where it came from (default: the `release` query parameter).
     */
    catalogueFor: (releaseId: string | undefined, where?: { name: string, in: 'query' | 'path' }) => Catalogue
    /** Milliseconds since the epoch; injectable so tests can stand at any moment. */
    clock: () => number
    /**
     * Loads the data folder again. A good set replaces the served one in one step; a broken
     * one is refused and the last good one keeps serving.
     */
    reloadData: () => Promise<ReloadOutcome>
    /** The outcome of the last reload, if any. */
    readonly lastReload: ReloadOutcome | null
    /**
     * Checks the releases left for after start-up (CatalogueOptions.later) and serves them
     * with the rest; a broken one is left out, and readiness says so. Resolves when done.
     */
    checkLaterReleases: () => Promise<void>
  }
}

const RELEASE_QUERY = { name: 'release', in: 'query' as const }

export interface CatalogueOptions {
  initial: CatalogueSet
  load: () => Promise<CatalogueSet>
  clock: () => number
  /** Releases the server holds but `initial` leaves out until they are checked (after listening), and how to check them. */
  later?: LaterReleases
}

export interface LaterReleases {
  ids: readonly string[]
  finish: () => Promise<{ set: CatalogueSet, faults: ReadonlyArray<{ id: string, error: string }> }>
}

/** Seconds a request pinned to a release still being checked is told to wait. */
const STARTING_RETRY_AFTER = 2

/** Holds the current set of releases. The first set is loaded before the app is built. */
async function cataloguePlugin (app: FastifyInstance, { initial, load, clock, later }: CatalogueOptions) {
  let current = initial
  let lastReload: ReloadOutcome | null = null
  let pending = new Set(later?.ids ?? [])
  let broken: string[] = []
  if (pending.size > 0) app.readiness.starting('releases', `checking the older releases: ${[...pending].join(', ')}`)
  app.decorate('catalogues', { getter: () => current })
  app.decorate('lastReload', { getter: () => lastReload })
  app.decorate('clock', clock)
  app.decorate('catalogueFor', function catalogueFor (releaseId: string | undefined, where = RELEASE_QUERY): Catalogue {
    if (releaseId === undefined) return current.latest
    const found = current.byId.get(releaseId)
    if (found !== undefined) return found
    if (pending.has(releaseId)) throw releaseStarting(releaseId, STARTING_RETRY_AFTER)
    throw unknownRelease(where)
  })
  app.decorate('checkLaterReleases', async function checkLaterReleases (): Promise<void> {
    if (later === undefined || pending.size === 0) return
    let outcome: Awaited<ReturnType<LaterReleases['finish']>>
    try {
      outcome = await later.finish()
    } catch (err) {
      // Not a fault in the data (those are listed in faults): the older releases stay out.
      outcome = { set: current, faults: [...pending].map((id) => ({ id, error: `could not be checked: ${(err as Error).message}` })) }
    }
    const { set, faults } = outcome
    // A reload that worked meanwhile brought every release in already: its set stands.
    if (lastReload?.ok !== true) current = set
    pending = new Set()
    broken = faults.map((f) => f.id)
    for (const { id, error } of faults) {
      app.readiness.problem(`release ${id}`, `release ${id} failed its checks and is not served: ${error}`)
      app.log.error({ release: id, problem: error }, 'an older release failed its checks and is not served')
    }
    app.readiness.started('releases')
    if (app.hasDecorator('ignoreLoadSpike')) app.ignoreLoadSpike()
  })
  app.decorate('reloadData', async function reloadData (): Promise<ReloadOutcome> {
    const at = new Date(clock()).toISOString()
    try {
      current = await load()
      // Every release is in the new set and passed its checks.
      pending = new Set()
      app.readiness.started('releases')
      for (const id of broken) app.readiness.problem(`release ${id}`, null)
      broken = []
      lastReload = { at, ok: true, error: null }
      app.readiness.problem('reload', null)
      if (app.hasDecorator('ignoreLoadSpike')) app.ignoreLoadSpike()
      app.log.info({ release: current.latest.release.id }, 'data reloaded')
    } catch (err) {
      lastReload = { at, ok: false, error: (err as Error).message }
      app.readiness.problem('reload', `data reload refused, still serving the previous data: ${lastReload.error}`)
      if (app.hasDecorator('ignoreLoadSpike')) app.ignoreLoadSpike()
      app.log.error({ problem: lastReload.error }, 'data reload refused; still serving the previous data')
    }
    return lastReload
  })
}

export default fp(cataloguePlugin, { name: 'catalogue', dependencies: ['readiness'] })
