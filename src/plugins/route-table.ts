import type { FastifyInstance, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'

export interface RouteRecord {
  method: string
  /** The template as registered, e.g. `/v1/helplines/:id`. */
  url: string
  querystring: Record<string, unknown> | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as registered: the static export derives its URLs from it. */
    readonly routeTable: readonly RouteRecord[]
  }
}

/** Records every route as it is added, so tools (the static export) can list them. */
async function routeTablePlugin (app: FastifyInstance) {
  const routes: RouteRecord[] = []
  app.decorate('routeTable', { getter: () => routes })
  app.addHook('onRoute', function recordRoute (route: RouteOptions) {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, querystring: route.schema?.querystring as Record<string, unknown> | undefined })
    }
  })
}

export default fp(routeTablePlugin, { name: 'route-table' })
