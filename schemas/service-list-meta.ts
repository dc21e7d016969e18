import { Type } from '@sinclair/typebox'
import { Ref } from './common.js'
import { ListMetaSchema } from './envelope.js'
import { ServiceSummarySchema } from './reporting-route.js'

/**
 * List metadata of helplines and reporting channels. When `open_now=true` finds nothing, an
 * empty list is no help to someone in crisis: `open_now_alternatives` says what is open.
 */
export const ServiceListMetaSchema = Type.Object({
  ...ListMetaSchema.properties,
  open_now_alternatives: Type.Optional(Type.Array(Ref(ServiceSummarySchema), {
    description: 'Only when open_now=true matched nothing: every helpline and reporting channel (of the nation asked about) open at that moment, with only its open contacts'
  }))
}, { $id: 'ServiceListMeta', additionalProperties: false })
