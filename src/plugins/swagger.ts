import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { licencesMarkdown } from '../attribution.js'
import { packageInfo } from '../package-info.js'

export interface SwaggerOptions {
  publicBaseUrl: string | undefined
}

const DESCRIPTION = [
  'Where to turn in the UK when a child may be at risk: helplines, reporting channels and cited statistics, served from versioned data releases. **If a child is in immediate danger, call 999.** Every record names its sources and the date it was checked.',
  'Conventions: lists are `{data, meta, links}`; errors are RFC 9457 `application/problem+json`; every data endpoint takes `?release=`; responses carry `ETag` and answer `If-None-Match` with 304; open-now answers expire when the status next changes. No cookies, no tracking, no key.',
  '## Data licences and attribution'
].join('\n\n') + `\n\n${licencesMarkdown()}`

/** OpenAPI 3.1 generated from the route schemas; components are named by `$id`. */
async function swaggerPlugin (app: FastifyInstance, { publicBaseUrl }: SwaggerOptions) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Safeguarding API',
        version: packageInfo.version,
        description: DESCRIPTION,
        license: { name: 'MIT (code); data licences in the description', identifier: 'MIT' }
      },
      // Open data: no key, no login. An empty list says so explicitly.
      security: [],
      // OpenAPI extensions are allowed on a server object; the types do not list them.
      servers: [{
        url: publicBaseUrl ?? '/',
        description: publicBaseUrl === undefined ? 'This server (production)' : 'Production',
        'x-internal': false
      } as { url: string, description: string }],
      tags: [
        { name: 'helplines', description: 'Services to contact for advice or support' },
        { name: 'reporting', description: 'Where to report a concern, and in what order' },
        { name: 'local authorities', description: 'The bodies responsible for children\'s social care, and postcode lookup' },
        { name: 'statistics', description: 'Cited figures, with citations in APA, Harvard, BibTeX and CSL-JSON' },
        { name: 'sources', description: 'The bibliography: every page and dataset a fact was seen on' },
        { name: 'releases', description: 'Data versions, what changed, and whole releases for offline use' },
        { name: 'embed', description: 'Help for any website: a web component, and pages without JavaScript for an iframe' },
        { name: 'open referral uk', description: 'The same data as HSDS 3.0 (Open Referral UK profile): services, their locations, organisations and taxonomies, with the profile\'s paging' },
        { name: 'meta', description: 'About the API and its data' },
        { name: 'operations', description: 'Health checks' }
      ]
    },
    refResolver: {
      buildLocalReference (json, _baseUri, _fragment, i) {
        return typeof json.$id === 'string' ? json.$id : `def-${i}`
      }
    },
    hideUntagged: true,
    exposeHeadRoutes: false
  })
}

export default fp(swaggerPlugin, { name: 'swagger', dependencies: ['schemas'] })
