import { Type } from '@sinclair/typebox'
import { Ref, StringEnum } from './common.js'
import { ItemEnvelope, ListEnvelope, ListMetaSchema } from './envelope.js'
import { FormatQueryFields, PageQueryFields, ReleaseQueryFields, SearchQueryFields } from './query.js'
import { SOURCE_KINDS, SourceSchema } from './source.js'

export const SourceListQuerySchema = Type.Object({
  kind: Type.Optional(StringEnum(SOURCE_KINDS, { description: 'Only sources of this kind' })),
  ...SearchQueryFields,
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const SourceItemQuerySchema = Type.Object({ ...ReleaseQueryFields }, { additionalProperties: false })

export const SourceListSchema = ListEnvelope(Ref(SourceSchema), 'SourceList', Ref(ListMetaSchema))
export const SourceItemSchema = ItemEnvelope(Ref(SourceSchema), 'SourceItem')
