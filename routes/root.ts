import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ApiRootSchema } from '../schemas/meta.js'
import { NotModifiedResponse } from '../schemas/problem.js'
import { DATA_LICENCES } from '../src/attribution.js'
import { packageInfo } from '../src/package-info.js'
import { respond } from '../src/http/respond.js'

/** GET /: the front door. */
const root: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: {
      operationId: 'getApiRoot',
      tags: ['meta'],
      summary: 'About this API, its latest data release and its links',
      description: 'The API\'s name and version, the latest data release, links to every list and to the docs, and the licences and attribution of the data. Start here.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: ApiRootSchema, 304: NotModifiedResponse }
    }
  }, async function getApiRoot (request, reply) {
    const { latest, ids } = this.catalogues
    const link = (path: string) => latest.links.to(path)
    return respond(request, reply, {
      owner: latest,
      key: 'root',
      pinned: true,
      now: this.clock(),
      followsClock: false,
      build: () => ({
        validUntil: Number.POSITIVE_INFINITY,
        payload: {
          name: 'Safeguarding API',
          version: packageInfo.version,
          description: 'Where to turn in the UK when a child may be at risk: helplines, reporting channels and cited statistics, each with its sources.',
          emergency: 'If a child is in immediate danger, call 999.',
          latest_release: { id: latest.release.id, published_at: latest.release.published_at, summary: latest.release.summary },
          releases: [...ids],
          openapi_url: link('/openapi.json'),
          links: {
            self: link('/'),
            helplines: link('/v1/helplines'),
            releases: link('/v1/releases'),
            releases_feed: link('/v1/releases.atom'),
            open_referral_uk: link('/hsds/'),
            docs: link('/docs'),
            openapi_json: link('/openapi.json'),
            openapi_yaml: link('/openapi.yaml'),
            health_live: link('/health/live'),
            health_ready: link('/health/ready')
          },
          data_licences: DATA_LICENCES.map((l) => ({ ...l })),
          privacy: 'No cookies, no tracking. Postcodes, search text, IP addresses and user agents are never logged.'
        }
      })
    })
  })
}

export default root
