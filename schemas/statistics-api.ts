import { Type } from '@sinclair/typebox'
import { Ref, StringEnum } from './common.js'
import { ItemEnvelope, ListEnvelope, ListMetaSchema } from './envelope.js'
import { TOPICS } from './helpline.js'
import { FormatQueryFields, PageQueryFields, ReleaseQueryFields } from './query.js'
import { CITATION_STYLES, CitationSchema, GEOGRAPHIES, StatisticSchema } from './statistic.js'

const Year = (description: string) => Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100, format: 'int32', description }))

export const StatisticListQuerySchema = Type.Object({
  topic: Type.Optional(StringEnum(TOPICS, { description: 'Only statistics about this topic' })),
  geography: Type.Optional(StringEnum(GEOGRAPHIES, { description: 'Only statistics for exactly this area (england does not include england-and-wales)' })),
  year_from: Year('Only statistics whose period reaches into this year or later'),
  year_to: Year('Only statistics whose period starts in this year or earlier'),
  publisher: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'Case-insensitive text in the publisher\'s name, e.g. "nspcc"' })),
  current_only: Type.Optional(Type.Boolean({ description: 'true: leave out figures a newer one has replaced' })),
  ...PageQueryFields,
  ...FormatQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const StatisticItemQuerySchema = Type.Object({ ...ReleaseQueryFields }, { additionalProperties: false })

export const CitationQuerySchema = Type.Object({
  style: Type.Optional(StringEnum(CITATION_STYLES, { description: 'apa (default), harvard, bibtex or csl-json', default: 'apa' })),
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const StatisticListSchema = ListEnvelope(Ref(StatisticSchema), 'StatisticList', Ref(ListMetaSchema))
export const StatisticItemSchema = ItemEnvelope(Ref(StatisticSchema), 'StatisticItem')
export const CitationItemSchema = ItemEnvelope(Ref(CitationSchema), 'CitationItem')
