import { Type, type Static } from '@sinclair/typebox'
import { NationSchema, ProvenanceFields, Ref, SlugSchema, StringEnum } from './common.js'
import { ContactRecordSchema, ContactSchema } from './contact.js'
import { OrganisationRefSchema } from './organisation.js'
import { ServedRecordFields } from './served.js'

export const AUDIENCES = [
  'children', 'young-people', 'parents-and-carers', 'concerned-adults', 'professionals',
  'adult-survivors', 'people-worried-about-their-own-thoughts', 'deaf-or-speech-impaired', 'anyone'
] as const
export const AudienceSchema = StringEnum(AUDIENCES, { $id: 'Audience' })
export type Audience = Static<typeof AudienceSchema>

export const TOPICS = [
  'abuse-and-neglect', 'sexual-abuse', 'online-safety', 'online-grooming', 'child-sexual-abuse-imagery',
  'nude-image-sharing', 'emotional-support', 'suicide-and-self-harm', 'parenting-and-family',
  'whistleblowing', 'harmful-sexual-thoughts-or-behaviour', 'non-recent-abuse', 'crime', 'emergency',
  'advice-and-advocacy', 'sexual-extortion'
] as const
export const TopicSchema = StringEnum(TOPICS, { $id: 'Topic' })
export type Topic = Static<typeof TopicSchema>

export const AnonymitySchema = Type.Object({
  anonymous: Type.Union([Type.Boolean(), Type.Null()], { description: 'Whether you can get help without giving your name; null when not stated' }),
  note: Type.String({ minLength: 1, maxLength: 400 })
}, { $id: 'Anonymity', additionalProperties: false })

/** A service you contact for advice or support, as written in helplines.yaml. */
export const HelplineRecordSchema = Type.Object({
  id: SlugSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  organisation: SlugSchema,
  summary: Type.String({ minLength: 1, maxLength: 600 }),
  audiences: Type.Array(AudienceSchema, { minItems: 1, uniqueItems: true }),
  topics: Type.Array(TopicSchema, { minItems: 1, uniqueItems: true }),
  nations: Type.Array(NationSchema, { minItems: 1, uniqueItems: true }),
  age_range: Type.Optional(Type.Object({
    min: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    max: Type.Optional(Type.Integer({ minimum: 0, maximum: 120, description: 'Inclusive upper age' }))
  }, { additionalProperties: false })),
  anonymity: AnonymitySchema,
  cost: Type.String({ minLength: 1, maxLength: 300 }),
  contacts: Type.Array(ContactRecordSchema, { minItems: 1 }),
  notes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }))),
  ...ProvenanceFields
}, { $id: 'HelplineRecord', additionalProperties: false })
export type HelplineRecord = Static<typeof HelplineRecordSchema>

/** A helpline as served: organisation and sources expanded, contacts with open-now status. */
export const HelplineSchema = Type.Object({
  id: SlugSchema,
  name: Type.String(),
  organisation: Ref(OrganisationRefSchema),
  summary: Type.String(),
  audiences: Type.Array(Ref(AudienceSchema)),
  topics: Type.Array(Ref(TopicSchema)),
  nations: Type.Array(Ref(NationSchema)),
  age_range: Type.Union([Type.Object({
    min: Type.Union([Type.Integer(), Type.Null()]),
    max: Type.Union([Type.Integer(), Type.Null()], { description: 'Inclusive upper age' })
  }, { additionalProperties: false }), Type.Null()]),
  anonymity: Ref(AnonymitySchema),
  cost: Type.String(),
  contacts: Type.Array(Ref(ContactSchema)),
  notes: Type.Array(Type.String()),
  ...ServedRecordFields
}, { $id: 'Helpline', additionalProperties: false })
export type Helpline = Static<typeof HelplineSchema>
