import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import { unknownRelease } from '../http/errors.js'

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
  }
}

const RELEASE_QUERY = { name: 'release', in: 'query' as const }

export interface CatalogueOptions {
  initial: CatalogueSet
  load: () => Promise<CatalogueSet>
  clock: () => number
}

/** Holds the current set of releases. The first set is loaded before the app is built. */
async function cataloguePlugin (app: FastifyInstance, { initial, load, clock }: CatalogueOptions) {
  let current = initial
  let lastReload: ReloadOutcome | null = null
  app.decorate('catalogues', { getter: () => current })
  app.decorate('lastReload', { getter: () => lastReload })
  app.decorate('clock', clock)
  app.decorate('catalogueFor', function catalogueFor (releaseId: string | undefined, where = RELEASE_QUERY): Catalogue {
    if (releaseId === undefined) return current.latest
    const found = current.byId.get(releaseId)
    if (found === undefined) throw unknownRelease(where)
    return found
  })
  app.decorate('reloadData', async function reloadData (): Promise<ReloadOutcome> {
    const at = new Date(clock()).toISOString()
    try {
      current = await load()
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
