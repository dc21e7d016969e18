import { Type } from '@sinclair/typebox'
import { Ref, StringEnum } from './common.js'
import { CONTACT_KINDS } from './contact.js'
import { ItemEnvelope, ListEnvelope } from './envelope.js'
import { TOPICS } from './helpline.js'
import { ServiceListMetaSchema } from './service-list-meta.js'
import { AtQueryFields, FormatQueryFields, CalendarNationQueryField, NationQueryField, PageQueryFields, ReleaseQueryFields, SearchQueryFields } from './query.js'
import { ReportingChannelSchema, URGENCIES } from './reporting-channel.js'

export const ReportingChannelListQuerySchema = Type.Object({
  ...NationQueryField,
  topic: Type.Optional(StringEnum(TOPICS, { description: 'Only channels for this topic' })),
  anonymous: Type.Optional(Type.Boolean({ description: 'true: only channels where you can report without giving your name; false: only those where you cannot' })),
  urgency: Type.Optional(StringEnum(URGENCIES, { description: 'Only channels of this urgency' })),
  contact_kind: Type.Optional(StringEnum(CONTACT_KINDS, { description: 'Only channels with this way of getting in touch' })),
  open_now: Type.Optional(Type.Boolean({ description: 'true: only channels with a contact open at `at`; false: only those with none' })),
  ...AtQueryFields,
  ...SearchQueryFields,
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const ReportingChannelItemQuerySchema = Type.Object({
  ...CalendarNationQueryField,
  ...AtQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const ReportingChannelListSchema = ListEnvelope(Ref(ReportingChannelSchema), 'ReportingChannelList', Ref(ServiceListMetaSchema))
export const ReportingChannelItemSchema = ItemEnvelope(Ref(ReportingChannelSchema), 'ReportingChannelItem')
