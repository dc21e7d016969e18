import { Type, type Static } from '@sinclair/typebox'
import { Ref, StringEnum } from '../common.js'
import { HsdsDateSchema, HsdsIdSchema, HsdsTimeSchema, HsdsUriSchema } from './common.js'
import { HsdsPlaceSchema } from './location.js'
import { HsdsOrganizationSummarySchema } from './organization.js'
import { HsdsAttributeSchema } from './taxonomy.js'

/** HSDS phone types this API uses (HSDS 3.0's own list also has fax, cell and pager). */
export const HSDS_PHONE_TYPES = ['voice', 'text', 'textphone', 'video'] as const

export const HsdsLanguageSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: Type.Optional(HsdsIdSchema),
  phone_id: Type.Optional(HsdsIdSchema),
  name: Type.Optional(Type.String({ description: 'The language in English, e.g. Welsh (HSDS 3.0 core; the UK profile leaves it out)' })),
  code: Type.String({ description: 'ISO 639 code, e.g. cy (HSDS 3.0 core; the UK profile leaves it out)' })
}, { $id: 'HsdsLanguage', additionalProperties: false })

export const HsdsPhoneSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: HsdsIdSchema,
  contact_id: Type.Optional({ ...HsdsIdSchema, description: 'The team (in `contacts`) that answers this number' }),
  number: Type.String({ description: 'As people write it, e.g. 0808 800 5000' }),
  type: StringEnum(HSDS_PHONE_TYPES, { description: 'voice, text (SMS), textphone (including Relay UK numbers) or video (HSDS 3.0 core; the UK profile leaves it out)' }),
  description: Type.Optional(Type.String({ description: 'What the number is for, its cost and hours, in words' })),
  languages: Type.Optional(Type.Array(Ref(HsdsLanguageSchema)))
}, {
  $id: 'HsdsPhone',
  additionalProperties: false,
  description: 'A number to call or text. The UK profile (commit ecdfabf) drops phones from services; they are served as HSDS 3.0 core defines them, because a helpline without its number helps no one.'
})

export const HsdsScheduleSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: HsdsIdSchema,
  freq: Type.Literal('WEEKLY'),
  byday: Type.String({ description: 'Comma-separated days: MO,TU,WE,TH,FR,SA,SU' }),
  opens_at: HsdsTimeSchema,
  closes_at: { ...HsdsTimeSchema, description: 'At or before opens_at: closes the next day (00:00 is midnight at the end of the day)' },
  valid_from: { ...HsdsDateSchema, description: 'First day the offset in opens_at and closes_at is right (the last clock change)' },
  valid_to: { ...HsdsDateSchema, description: 'Last day the offset is right: the UK clocks change the next day, and so does this feed' },
  description: Type.String({ description: 'Which contact these are the hours of, and the hours in words (bank holidays and dated exceptions included)' }),
  notes: Type.String({ description: 'How the times are written: UK time with the offset in force' })
}, { $id: 'HsdsSchedule', additionalProperties: false })
export type HsdsSchedule = Static<typeof HsdsScheduleSchema>

export const HsdsServiceAreaSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: HsdsIdSchema,
  name: Type.String(),
  service_area: Type.String()
}, { $id: 'HsdsServiceArea', additionalProperties: false })

export const HsdsContactSchema = Type.Object({
  id: HsdsIdSchema,
  service_id: HsdsIdSchema,
  name: Type.String({ description: 'The team, as the organisation names it' })
}, { $id: 'HsdsContact', additionalProperties: false })

/** A service's own (one-to-one) fields: what lists carry. */
const ServiceFields = {
  id: HsdsIdSchema,
  organization_id: HsdsIdSchema,
  name: Type.String(),
  description: Type.String({ description: 'What the service is for, what to expect, and other ways to reach it' }),
  url: Type.Optional({ ...HsdsUriSchema, description: 'The service\'s web page (https)' }),
  email: Type.Optional(Type.String({ format: 'email' })),
  status: StringEnum(['active', 'inactive', 'defunct', 'temporarily closed']),
  fees: Type.Optional(Type.String({ description: 'What it costs, in words' })),
  minimum_age: Type.Optional(Type.Integer({ minimum: 0 })),
  maximum_age: Type.Optional(Type.Integer({ minimum: 0, description: 'Inclusive: the oldest age served' })),
  assured_date: { ...HsdsDateSchema, description: 'The day the record was last checked against its sources (verified_on)' },
  alert: Type.Optional(Type.String({ description: 'Set when the record is past its review date: check with the service first' }))
}

export const HsdsServiceListItemSchema = Type.Object({
  ...ServiceFields,
  organization: Ref(HsdsOrganizationSummarySchema)
}, { $id: 'HsdsServiceListItem', additionalProperties: false })
export type HsdsServiceListItem = Static<typeof HsdsServiceListItemSchema>

export const HsdsServiceSchema = Type.Object({
  ...ServiceFields,
  organization: Ref(HsdsOrganizationSummarySchema),
  phones: Type.Optional(Type.Array(Ref(HsdsPhoneSchema))),
  schedules: Type.Optional(Type.Array(Ref(HsdsScheduleSchema))),
  service_areas: Type.Optional(Type.Array(Ref(HsdsServiceAreaSchema))),
  service_at_locations: Type.Optional(Type.Array(Ref(HsdsPlaceSchema))),
  languages: Type.Optional(Type.Array(Ref(HsdsLanguageSchema))),
  contacts: Type.Optional(Type.Array(Ref(HsdsContactSchema))),
  attributes: Type.Optional(Type.Array(Ref(HsdsAttributeSchema)))
}, { $id: 'HsdsService', additionalProperties: false })
export type HsdsService = Static<typeof HsdsServiceSchema>
export type HsdsPhone = Static<typeof HsdsPhoneSchema>
export type HsdsLanguage = Static<typeof HsdsLanguageSchema>
export type HsdsServiceArea = Static<typeof HsdsServiceAreaSchema>
export type HsdsContact = Static<typeof HsdsContactSchema>
