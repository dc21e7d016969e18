import { Type, type Static } from '@sinclair/typebox'
import { IsoDateSchema, PartialDateSchema, ProvenanceFields, Ref, SlugSchema, StringEnum, VerificationSchema } from './common.js'
import { TopicSchema } from './helpline.js'
import { SourceSchema } from './source.js'

export const STATISTIC_UNITS = [
  'people', 'offences', 'offences-per-day', 'crimes', 'referrals', 'arrests', 'arrests-per-month',
  'reports', 'urls', 'percent', 'counselling-sessions', 'contacts'
] as const
export const StatisticUnitSchema = StringEnum(STATISTIC_UNITS, { description: 'What one unit of `value` is' })

/**
 * How the publisher worded the figure. Kept so a number is never quoted more precisely or
 * more strongly than its source put it ("around 80,000" must not become "80,000").
 */
export const QUALIFIERS = ['exact', 'around', 'at-least', 'up-to', 'more-than', 'nearly', 'range'] as const
export const QualifierSchema = StringEnum(QUALIFIERS, {
  description: 'exact: a count stated as a plain figure; around: hedged by the source, or an estimate it gave rounded (8.5 million, 15%); at-least / up-to / more-than / nearly: as the source put it; range: from `value` to `value_high`'
})

export const GEOGRAPHIES = ['uk', 'england-and-wales', 'england', 'wales', 'scotland', 'northern-ireland', 'global'] as const
export const GeographySchema = StringEnum(GEOGRAPHIES, { $id: 'Geography', description: 'The area a statistic covers' })
export type Geography = Static<typeof GeographySchema>

export const SOURCE_TIERS = ['primary', 'secondary-only'] as const
export const SourceTierSchema = StringEnum(SOURCE_TIERS, {
  description: "primary: seen on the publisher's own page; secondary-only: seen only in press or other reproductions, so check the original before relying on it"
})

const PeriodFields = {
  label: Type.String({ minLength: 1, maxLength: 200, description: 'The period in words, as the source gives it' }),
  start: PartialDateSchema,
  end: PartialDateSchema
}
const PERIOD_DESCRIPTION = 'The time the figure covers, from the start of `start` to the end of `end` (a year, month or day)'

const ChangeFields = {
  value: Type.Number({ description: 'Change as stated by the source, e.g. 700 for "a 700% increase"' }),
  unit: StringEnum(['percent'] as const),
  since: Type.String({ minLength: 1, maxLength: 100, description: 'The earlier period the change is measured from' })
}

/** A cited statistic, as written in statistics.yaml. */
export const StatisticRecordSchema = Type.Object({
  id: SlugSchema,
  title: Type.String({ minLength: 1, maxLength: 300, description: 'What is counted, in plain words' }),
  value: Type.Number(),
  value_high: Type.Optional(Type.Number({ description: 'Upper end when the figure is a range' })),
  unit: StatisticUnitSchema,
  qualifier: QualifierSchema,
  period: Type.Object(PeriodFields, { additionalProperties: false, description: PERIOD_DESCRIPTION }),
  geography: GeographySchema,
  topics: Type.Array(TopicSchema, { minItems: 1, uniqueItems: true }),
  publisher: Type.String({ minLength: 1, maxLength: 200, description: 'Who produced the figure (not who reported it)' }),
  source_tier: SourceTierSchema,
  verification: VerificationSchema,
  superseded_by: Type.Union([SlugSchema, Type.Null()], { description: 'Id of the newer figure that replaces this one' }),
  comparability_note: Type.Optional(Type.String({ minLength: 1, maxLength: 600 })),
  change: Type.Optional(Type.Object(ChangeFields, { additionalProperties: false })),
  notes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }))),
  ...ProvenanceFields
}, { $id: 'StatisticRecord', additionalProperties: false })
export type StatisticRecord = Static<typeof StatisticRecordSchema>

/** A statistic as served: optional fields made explicit, sources expanded, staleness computed. */
export const StatisticSchema = Type.Object({
  id: SlugSchema,
  title: Type.String(),
  value: Type.Number(),
  value_high: Type.Union([Type.Number(), Type.Null()]),
  unit: StatisticUnitSchema,
  qualifier: QualifierSchema,
  period: Type.Object(PeriodFields, { additionalProperties: false, description: PERIOD_DESCRIPTION }),
  geography: Ref(GeographySchema),
  topics: Type.Array(Ref(TopicSchema)),
  publisher: Type.String(),
  source_tier: SourceTierSchema,
  verification: Ref(VerificationSchema),
  superseded_by: Type.Union([SlugSchema, Type.Null()], { description: 'Id of the newer figure that replaces this one; null when this is the latest' }),
  comparability_note: Type.Union([Type.String(), Type.Null()], { description: 'Why this figure must not be compared directly with related ones' }),
  change: Type.Union([Type.Object(ChangeFields, { additionalProperties: false }), Type.Null()]),
  notes: Type.Array(Type.String()),
  sources: Type.Array(Ref(SourceSchema)),
  verified_on: IsoDateSchema,
  review_by: IsoDateSchema,
  stale: Type.Boolean({ description: 'True when the record is past its review date: a newer figure may exist' }),
  links: Type.Object({
    self: Type.String(),
    citation: Type.String({ description: 'Where to get this statistic formatted as a citation' })
  }, { additionalProperties: false })
}, { $id: 'Statistic', additionalProperties: false })
export type Statistic = Static<typeof StatisticSchema>

export const CITATION_STYLES = ['apa', 'harvard', 'bibtex', 'csl-json'] as const
export const CitationStyleSchema = StringEnum(CITATION_STYLES, { $id: 'CitationStyle', description: 'Citation format' })
export type CitationStyle = Static<typeof CitationStyleSchema>

/** A statistic's source formatted for a reference list. */
export const CitationSchema = Type.Object({
  style: Ref(CitationStyleSchema),
  content_type: Type.String({ description: 'The media type of `text`, for serving it on its own' }),
  text: Type.String({ description: 'The formatted citation (for csl-json, a JSON array as text)' })
}, { $id: 'Citation', additionalProperties: false })
export type Citation = Static<typeof CitationSchema>
