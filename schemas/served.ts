import { Type } from '@sinclair/typebox'
import { IsoDateSchema, Ref } from './common.js'
import { SelfLinksSchema } from './envelope.js'
import { SourceSchema } from './source.js'

/** The provenance every served record ends with: its sources in full, its dates, and staleness. */
export const ServedRecordFields = {
  sources: Type.Array(Ref(SourceSchema)),
  verified_on: IsoDateSchema,
  review_by: IsoDateSchema,
  stale: Type.Boolean({ description: 'True when the record is past its review date: check with the service before relying on it' }),
  links: Ref(SelfLinksSchema)
}
