import { Type, type Static } from '@sinclair/typebox'
import { NationSchema, Ref, SlugSchema, StringEnum, VerificationSchema } from './common.js'
import { ScheduleRecordSchema, type ScheduleRecord } from './schedule.js'

export const CONTACT_KINDS = [
  'phone', 'text', 'webchat', 'email', 'web_form', 'website', 'textphone', 'relay', 'video_relay', 'app'
] as const
export const ContactKindSchema = StringEnum(CONTACT_KINDS, {
  $id: 'ContactKind',
  description: 'How the contact is made'
})
export type ContactKind = Static<typeof ContactKindSchema>

const LanguageSchema = Type.String({ pattern: '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag' })

/**
 * A contact as written in a data file: `value` is how people write it; the `uri` is
 * derived from it when the release is loaded, so it is never typed twice.
 */
export const ContactRecordSchema = Type.Object({
  kind: ContactKindSchema,
  label: Type.String({ minLength: 1, maxLength: 120, description: 'What this contact is for, in a few words' }),
  value: Type.String({ minLength: 1, maxLength: 300, description: 'As people write it: a number, address or URL' }),
  cost: Type.Optional(Type.String({ maxLength: 200 })),
  languages: Type.Optional(Type.Array(LanguageSchema, { uniqueItems: true })),
  hours: Type.Union([ScheduleRecordSchema, Type.Null()], { description: 'null when the hours are not confirmed' }),
  hours_note: Type.Optional(Type.String({ maxLength: 300 })),
  verification: Type.Optional(VerificationSchema),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
  nations: Type.Optional(Type.Array(NationSchema, {
    minItems: 1,
    uniqueItems: true,
    description: 'Only for people in these nations (GOV.UK\'s council finder, say, is for England and Wales); absent: every nation its service covers'
  })),
  sources: Type.Optional(Type.Array(SlugSchema, { minItems: 1, uniqueItems: true }))
}, { additionalProperties: false })
export type ContactRecord = Static<typeof ContactRecordSchema>

/**
 * A contact as served. `uri` is what a device dials or opens (`tel:+44…` in E.164, `sms:`,
 * `mailto:`, `https:`); it is null for an unverified contact, which is never offered as
 * something to dial. `open_now` and `next_change` are computed for the moment asked about.
 */
export const ContactSchema = Type.Object({
  kind: Ref(ContactKindSchema),
  label: Type.String(),
  value: Type.String(),
  uri: Type.Union([Type.String(), Type.Null()]),
  cost: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  hours: Type.Union([Type.Unsafe<ScheduleRecord & { description: string }>(Type.Ref('Schedule')), Type.Null()], {
    description: 'null when the hours are not confirmed: such a contact is never shown as open'
  }),
  hours_note: Type.Union([Type.String(), Type.Null()]),
  open_now: Type.Union([Type.Boolean(), Type.Null()], { description: 'null when unknown' }),
  next_change: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When it next opens or closes, ISO 8601 with the UK offset; null when it never changes or is unknown'
  }),
  verification: Ref(VerificationSchema),
  notes: Type.Union([Type.String(), Type.Null()]),
  nations: Type.Array(Ref(NationSchema), {
    description: 'The nations this contact serves. An answer for one nation (`nation=`, or a postcode) lists only the contacts that serve it'
  }),
  sources: Type.Array(SlugSchema, { description: 'Sources for this contact in particular; all are listed in full on the record' })
}, { $id: 'Contact', additionalProperties: false })
export type Contact = Static<typeof ContactSchema>
