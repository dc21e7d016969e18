import { Type, type Static } from '@sinclair/typebox'
import { Ref } from '../common.js'
import { HsdsPlaceSchema } from './location.js'
import { HsdsServiceListItemSchema, HsdsServiceSchema } from './service.js'

/** A service at its location, with the whole service (GET /hsds/service_at_locations/{id}). */
export const HsdsServiceAtLocationSchema = Type.Object({
  ...HsdsPlaceSchema.properties,
  service: Ref(HsdsServiceSchema)
}, { $id: 'HsdsServiceAtLocation', additionalProperties: false })
export type HsdsServiceAtLocation = Static<typeof HsdsServiceAtLocationSchema>

/** A service at its location in a list: the service's own fields only. */
export const HsdsServiceAtLocationListItemSchema = Type.Object({
  ...HsdsPlaceSchema.properties,
  service: Ref(HsdsServiceListItemSchema)
}, { $id: 'HsdsServiceAtLocationListItem', additionalProperties: false })
export type HsdsServiceAtLocationListItem = Static<typeof HsdsServiceAtLocationListItemSchema>
