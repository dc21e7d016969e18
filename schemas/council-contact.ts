import { Type, type Static } from '@sinclair/typebox'
import { ProvenanceFields, Ref, SlugSchema, StringEnum } from './common.js'
import { ContactRecordSchema, ContactSchema } from './contact.js'
import { LocalAuthorityRefSchema } from './local-authority-ref.js'

export const COUNCIL_CONTACT_ROLES = ['front-door', 'all-hours', 'out-of-hours'] as const
export const CouncilContactRoleSchema = StringEnum(COUNCIL_CONTACT_ROLES, {
  $id: 'CouncilContactRole',
  description: 'front-door: the daytime team that takes concerns about a child; out-of-hours: the emergency team when it is closed; all-hours: one line at any time'
})
export type CouncilContactRole = Static<typeof CouncilContactRoleSchema>

export const COUNCIL_CONTACT_AUDIENCES = ['public', 'professionals'] as const
export const CouncilContactAudienceSchema = StringEnum(COUNCIL_CONTACT_AUDIENCES, {
  $id: 'CouncilContactAudience',
  description: 'public: for anyone worried about a child; professionals: a line the council gives practitioners (never the way a member of the public should report)'
})
export type CouncilContactAudience = Static<typeof CouncilContactAudienceSchema>

/**
 * Hours that are the rest of the week outside the council's own front-door hours. Councils
 * describe out-of-hours teams that way ("evenings, weekends and bank holidays"), and a shared
 * team covers each council outside that council's own hours, so the schedule is computed per
 * council from its front door rather than copied.
 */
export const HoursOutsideFrontDoorSchema = Type.Object({
  bank_holidays: StringEnum(['all-day', 'unknown'], {
    description: 'all-day: a source says the team covers bank holidays (and the front door is then closed); unknown: no source says'
  })
}, { additionalProperties: false })
export type HoursOutsideFrontDoor = Static<typeof HoursOutsideFrontDoorSchema>

/**
 * A council's children's-services contact as written in a data file. Its `sources` are
 * pages in council-sources.yaml (or sources.yaml) whose `quotes` hold the number, so a
 * reviewer — and the boot check — can see it on the page.
 */
export const CouncilContactRecordSchema = Type.Object({
  role: CouncilContactRoleSchema,
  audience: CouncilContactAudienceSchema,
  team: Type.Optional(Type.String({ minLength: 1, maxLength: 160, description: 'The team as the council names it' })),
  ...Type.Pick(ContactRecordSchema, ['kind', 'label', 'value', 'cost', 'languages', 'hours']).properties,
  hours_outside_front_door: Type.Optional(HoursOutsideFrontDoorSchema),
  ...Type.Pick(ContactRecordSchema, ['hours_note', 'verification', 'notes']).properties,
  // A council's contacts serve its own nation: no `nations` here.
  sources: Type.Array(SlugSchema, { minItems: 1, uniqueItems: true })
}, { additionalProperties: false })
export type CouncilContactRecord = Static<typeof CouncilContactRecordSchema>

/** A council's children's-services contact as served. */
export const CouncilContactSchema = Type.Object({
  role: Ref(CouncilContactRoleSchema),
  audience: Ref(CouncilContactAudienceSchema),
  team: Type.Union([Type.String(), Type.Null()], { description: 'The team as the council names it' }),
  ...ContactSchema.properties,
  shared_with: Type.Array(Ref(LocalAuthorityRefSchema), {
    description: 'Other councils served by the same shared team (an out-of-hours team several councils run together); empty when not shared'
  })
}, { $id: 'CouncilContact', additionalProperties: false })
export type CouncilContact = Static<typeof CouncilContactSchema>

/**
 * An out-of-hours (or other) team several councils share, written once in
 * council-teams.yaml and referenced by each council it serves (`shared_teams`).
 */
export const CouncilTeamRecordSchema = Type.Object({
  id: SlugSchema,
  name: Type.String({ minLength: 1, maxLength: 160, description: 'The team as its councils name it' }),
  contacts: Type.Array(CouncilContactRecordSchema, { minItems: 1 }),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
  ...ProvenanceFields
}, { $id: 'CouncilTeamRecord', additionalProperties: false })
export type CouncilTeamRecord = Static<typeof CouncilTeamRecordSchema>
