import { Type } from '@sinclair/typebox'
import { Ref } from './common.js'
import { ItemEnvelope, ListEnvelope, ListMetaSchema } from './envelope.js'
import { AuthorityCodeSchema, LocalAuthoritySchema } from './local-authority.js'
import { AtQueryFields, FormatQueryFields, NationQueryField, PageQueryFields, ReleaseQueryFields, SearchQueryFields } from './query.js'

export const LocalAuthorityListQuerySchema = Type.Object({
  ...NationQueryField,
  ...SearchQueryFields,
  has_contacts: Type.Optional(Type.Boolean({ description: 'true: only authorities with at least one sourced contact (for the public or for professionals); false: only those with none yet' })),
  ...AtQueryFields,
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const LocalAuthorityItemQuerySchema = Type.Object({
  ...AtQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const LocalAuthorityParamsSchema = Type.Object({
  code: AuthorityCodeSchema
}, { additionalProperties: false })

export const LocalAuthorityListSchema = ListEnvelope(Ref(LocalAuthoritySchema), 'LocalAuthorityList', Ref(ListMetaSchema))
export const LocalAuthorityItemSchema = ItemEnvelope(Ref(LocalAuthoritySchema), 'LocalAuthorityItem')
