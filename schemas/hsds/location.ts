import { Type, type Static } from '@sinclair/typebox'
import { HsdsIdSchema } from './common.js'

/**
 * Where a service is delivered. Every service here is reached by phone or online, so each
 * has one virtual location; this API lists no premises to visit.
 */
export const HsdsLocationSchema = Type.Object({
  id: HsdsIdSchema,
  location_type: Type.Literal('virtual'),
  name: Type.String(),
  description: Type.String()
}, { $id: 'HsdsLocation', additionalProperties: false })
export type HsdsLocation = Static<typeof HsdsLocationSchema>

/** A service at a location, without the service (as it appears inside a service). */
export const HsdsPlaceSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: HsdsIdSchema,
  location_id: HsdsIdSchema,
  location: Type.Unsafe<HsdsLocation>(Type.Ref('HsdsLocation'))
}, { $id: 'HsdsServiceAtLocationPlace', additionalProperties: false })
export type HsdsPlace = Static<typeof HsdsPlaceSchema>
