import { Type } from '@sinclair/typebox'
import { ReleaseIdSchema } from './common.js'

const Link = Type.String()

/** GET /: what this API is, which release it serves, where everything is. */
export const ApiRootSchema = Type.Object({
  name: Type.String(),
  version: Type.String({ description: 'API version (package version)' }),
  description: Type.String(),
  emergency: Type.String({ description: 'Always shown: helplines are not emergency services' }),
  latest_release: Type.Object({
    id: ReleaseIdSchema,
    published_at: Type.String({ format: 'date-time' }),
    summary: Type.String()
  }, { additionalProperties: false }),
  releases: Type.Array(ReleaseIdSchema, { description: 'Releases this server holds, newest first' }),
  openapi_url: Link,
  links: Type.Record(Type.String(), Link),
  data_licences: Type.Array(Type.Object({
    name: Type.String(),
    licence: Type.String(),
    licence_url: Type.Union([Type.String(), Type.Null()]),
    attribution: Type.String()
  }, { additionalProperties: false })),
  privacy: Type.String()
}, { $id: 'ApiRoot', additionalProperties: false })

export const LivenessSchema = Type.Object({
  status: Type.Literal('ok')
}, { $id: 'Liveness', additionalProperties: false })

export const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('degraded')], {
    description: 'degraded: serving, but the last data reload was refused (the previous release is still served)'
  }),
  release: ReleaseIdSchema,
  releases: Type.Integer({ minimum: 1 }),
  last_reload: Type.Union([Type.Object({
    at: Type.String({ format: 'date-time' }),
    ok: Type.Boolean(),
    error: Type.Union([Type.String(), Type.Null()])
  }, { additionalProperties: false }), Type.Null()])
}, { $id: 'Readiness', additionalProperties: false })
