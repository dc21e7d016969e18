import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, NationSchema, ProvenanceFields, Ref, SlugSchema, StringEnum } from './common.js'
import { ContactRecordSchema, ContactSchema } from './contact.js'
import { AnonymitySchema, AudienceSchema, TopicSchema } from './helpline.js'
import { OrganisationRefSchema } from './organisation.js'
import { ServedRecordFields } from './served.js'

export const URGENCIES = ['emergency', 'urgent', 'standard'] as const
export const UrgencySchema = StringEnum(URGENCIES, {
  $id: 'Urgency',
  description: 'emergency: a child in immediate danger (999); urgent: needs action today, including out of hours; standard: a concern to report that is not an emergency'
})

const Sentences = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 400 }), { description })

/** What applies in some nations only: how reporting differs there, with its sources. */
export const NationNoteRecordSchema = Type.Object({
  nations: Type.Array(NationSchema, { minItems: 1, uniqueItems: true }),
  text: Type.String({ minLength: 1, maxLength: 600 }),
  sources: Type.Array(SlugSchema, { minItems: 1, uniqueItems: true })
}, { additionalProperties: false })

export const NationNoteSchema = Type.Object({
  nations: Type.Array(Ref(NationSchema)),
  text: Type.String(),
  sources: Type.Array(SlugSchema)
}, { $id: 'NationNote', additionalProperties: false, description: 'What applies in these nations only' })
export type NationNote = Static<typeof NationNoteSchema>

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
  nation_notes: Type.Optional(Type.Array(NationNoteRecordSchema, { description: 'How reporting here differs by nation: shown in a route for the nations named' })),
  ...ProvenanceFields
}, { $id: 'ReportingChannelRecord', additionalProperties: false })
export type ReportingChannelRecord = Static<typeof ReportingChannelRecordSchema>

/** A reporting channel as served: organisation and sources expanded, contacts with open-now status. */
export const ReportingChannelSchema = Type.Object({
  id: SlugSchema,
  name: Type.String(),
  organisation: Ref(OrganisationRefSchema),
  summary: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  report_here: Type.Array(Type.String(), { description: 'What to report here' }),
  not_for: Type.Array(Type.String(), { description: 'What this channel does not deal with' }),
  who_can_report: Type.Array(Ref(AudienceSchema)),
  who_can_report_note: Type.Union([Type.String(), Type.Null()]),
  anonymity: Ref(AnonymitySchema),
  urgency: Ref(UrgencySchema),
  what_happens_next: Type.String(),
  do_not: Type.Array(Type.String(), { description: 'What not to do, e.g. never download or forward images' }),
  topics: Type.Array(Ref(TopicSchema)),
  nations: Type.Array(Ref(NationSchema)),
  scope: StringEnum(['national', 'local'], { description: 'local: contacts depend on where the child lives; see /v1/local-authorities/lookup' }),
  contacts: Type.Array(Ref(ContactSchema)),
  notes: Type.Array(Type.String()),
  nation_notes: Type.Array(Ref(NationNoteSchema), { description: 'How reporting here differs by nation (only the nation asked about, when one is)' }),
  ...ServedRecordFields
}, { $id: 'ReportingChannel', additionalProperties: false })
export type ReportingChannel = Static<typeof ReportingChannelSchema>
