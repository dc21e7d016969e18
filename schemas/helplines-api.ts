import { Type, type Static } from '@sinclair/typebox'
import { Ref, StringEnum } from './common.js'
import { CONTACT_KINDS } from './contact.js'
import { ItemEnvelope, ListEnvelope } from './envelope.js'
import { AUDIENCES, HelplineSchema, TOPICS } from './helpline.js'
import { ServiceListMetaSchema } from './service-list-meta.js'
import { AtQueryFields, FormatQueryFields, CalendarNationQueryField, NationQueryField, PageQueryFields, ReleaseQueryFields, SearchQueryFields } from './query.js'

export const HelplineListQuerySchema = Type.Object({
  ...NationQueryField,
  audience: Type.Optional(StringEnum(AUDIENCES, { description: 'Only helplines for this audience' })),
  topic: Type.Optional(StringEnum(TOPICS, { description: 'Only helplines about this topic' })),
  contact_kind: Type.Optional(StringEnum(CONTACT_KINDS, { description: 'Only helplines with this way of getting in touch' })),
  open_now: Type.Optional(Type.Boolean({ description: 'true: only helplines with a contact open at `at` (of `contact_kind` if given); false: only those with none' })),
  ...AtQueryFields,
  ...SearchQueryFields,
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })
export type HelplineListQuery = Static<typeof HelplineListQuerySchema>

export const HelplineItemQuerySchema = Type.Object({
  ...CalendarNationQueryField,
  ...AtQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const HelplineListSchema = ListEnvelope(Ref(HelplineSchema), 'HelplineList', Ref(ServiceListMetaSchema))
export const HelplineItemSchema = ItemEnvelope(Ref(HelplineSchema), 'HelplineItem')
