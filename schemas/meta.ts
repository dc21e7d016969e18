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
  status: Type.Union([Type.Literal('starting'), Type.Literal('ready'), Type.Literal('degraded')], {
    description: 'starting: serving the latest release while older ones are still being checked (a request pinned to one of them gets 503 with Retry-After); degraded: serving, but something is wrong (see reasons), e.g. the last data reload was refused (the previous release is still served), an older release failed its checks (it is never served), or Redis is unreachable (rate-limit counters are kept in memory)'
  }),
  release: ReleaseIdSchema,
  releases: Type.Integer({ minimum: 1, description: 'Releases served (checked)' }),
  reasons: Type.Array(Type.String(), { description: 'Why the status is not ready, one line each; empty when ready' }),
  last_reload: Type.Union([Type.Object({
    at: Type.String({ format: 'date-time' }),
    ok: Type.Boolean(),
    error: Type.Union([Type.String(), Type.Null()])
  }, { additionalProperties: false }), Type.Null()])
}, { $id: 'Readiness', additionalProperties: false })
