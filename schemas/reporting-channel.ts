import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, NationSchema, ProvenanceFields, SlugSchema, StringEnum } from './common.js'
import { ContactRecordSchema } from './contact.js'
import { AnonymitySchema, AudienceSchema, TopicSchema } from './helpline.js'

export const URGENCIES = ['emergency', 'urgent', 'standard'] as const
export const UrgencySchema = StringEnum(URGENCIES, {
  $id: 'Urgency',
  description: 'emergency: a child in immediate danger (999); urgent: needs action today, including out of hours; standard: a concern to report that is not an emergency'
})

const Sentences = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 400 }), { description })

/** A place to report, as written in reporting-channels.yaml. */
export const ReportingChannelRecordSchema = Type.Object({
  id: SlugSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  organisation: SlugSchema,
  summary: Type.String({ minLength: 1, maxLength: 600 }),
  website: Type.Union([HttpsUrlSchema, Type.Null()]),
  report_here: Sentences('What to report here'),
  not_for: Sentences('What this channel does not deal with, and where to go instead'),
  who_can_report: Type.Array(AudienceSchema, { minItems: 1, uniqueItems: true }),
  who_can_report_note: Type.Optional(Type.String({ maxLength: 400 })),
  anonymity: AnonymitySchema,
  urgency: UrgencySchema,
  what_happens_next: Type.String({ minLength: 1, maxLength: 800 }),
  do_not: Sentences('What not to do, e.g. never download or forward images'),
  topics: Type.Array(TopicSchema, { minItems: 1, uniqueItems: true }),
  nations: Type.Array(NationSchema, { minItems: 1, uniqueItems: true }),
  scope: Type.Union([Type.Literal('national'), Type.Literal('local')], {
    description: 'local: the contacts depend on where the child lives (resolved per local authority)'
  }),
  contacts: Type.Array(ContactRecordSchema),
  notes: Type.Optional(Sentences('Caveats and nation differences')),
  ...ProvenanceFields
}, { additionalProperties: false })
export type ReportingChannelRecord = Static<typeof ReportingChannelRecordSchema>
