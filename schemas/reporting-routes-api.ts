import { Type } from '@sinclair/typebox'
import { Ref, StringEnum } from './common.js'
import { COUNCIL_CONTACT_AUDIENCES } from './council-contact.js'
import { ItemEnvelope, ListEnvelope, ListMetaSchema } from './envelope.js'
import { PostcodeQuerySchema } from './postcode.js'
import { AtQueryFields, FormatQueryFields, NationQueryField, PageQueryFields, ReleaseQueryFields } from './query.js'
import { ReportingRouteSchema, SituationSchema } from './reporting-route.js'

export const SituationListQuerySchema = Type.Object({
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const SituationItemQuerySchema = Type.Object({
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const ReportingRouteQuerySchema = Type.Object({
  situation: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80, description: 'The situation (see /v1/situations)' }),
  ...NationQueryField,
  postcode: Type.Optional(PostcodeQuerySchema),
  audience: Type.Optional(StringEnum(COUNCIL_CONTACT_AUDIENCES, {
    description: 'Whose council numbers to list in the council step: public (default) or professionals (practitioners\' own lines)'
  })),
  ...AtQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const SituationListSchema = ListEnvelope(Ref(SituationSchema), 'SituationList', Ref(ListMetaSchema))
export const SituationItemSchema = ItemEnvelope(Ref(SituationSchema), 'SituationItem')
export const ReportingRouteItemSchema = ItemEnvelope(Ref(ReportingRouteSchema), 'ReportingRouteItem')
