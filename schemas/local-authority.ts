import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, NationSchema, ProvenanceFields, Ref, SlugSchema, StringEnum } from './common.js'
import { CouncilContactRecordSchema, CouncilContactSchema } from './council-contact.js'
import { AuthorityCodeSchema } from './local-authority-ref.js'
import { ServedRecordFields } from './served.js'

/** ONS GSS code of a council or district (`E09000033`). */
export const GssCodeSchema = Type.String({
  pattern: '^[EWSN]\\d{8}$',
  description: 'ONS GSS code',
  examples: ['E09000033']
})

export const BODY_TYPES = [
  'county', 'unitary-authority', 'metropolitan-district', 'london-borough', 'city-corporation',
  'welsh-unitary-authority', 'scottish-council', 'hsc-trust'
] as const
export const BodyTypeSchema = StringEnum(BODY_TYPES, {
  $id: 'LocalAuthorityBodyType',
  description: 'Kind of body: an English county, unitary, metropolitan district, London borough or the City of London; a Welsh or Scottish council; or a Northern Ireland Health and Social Care Trust'
})
export type BodyType = Static<typeof BodyTypeSchema>

/**
 * A body responsible for children's social care, as written in local-authorities.yaml.
 * Contacts are listed only where a source was found (each quoting the number); otherwise
 * `contacts_note` says so and people are sent to the homepage, GOV.UK's council finder and
 * the national routes. A team several councils share is written once in council-teams.yaml
 * and named in `shared_teams`.
 */
export const LocalAuthorityRecordSchema = Type.Object({
  code: AuthorityCodeSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  short_name: Type.String({ minLength: 1, maxLength: 80 }),
  nation: NationSchema,
  body_type: BodyTypeSchema,
  alias_codes: Type.Array(GssCodeSchema, {
    uniqueItems: true,
    description: 'Older or other GSS codes that refer to the same body (e.g. before an ONS re-coding)'
  }),
  homepage_url: Type.Union([HttpsUrlSchema, Type.Null()], {
    description: 'The body\'s website; null where the only listed address is not https or is not yet confirmed'
  }),
  homepage_note: Type.Optional(Type.String({ maxLength: 400 })),
  report_url: Type.Union([HttpsUrlSchema, Type.Null()], {
    description: 'The council\'s own page on reporting a concern about a child; null where none with https was found'
  }),
  govuk_slug: Type.Union([Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 }), Type.Null()], {
    description: 'GOV.UK local authority slug; null for bodies GOV.UK does not list (NI trusts)'
  }),
  find_your_council_url: Type.Union([
    Type.String({ pattern: '^https://www\\.gov\\.uk/find-local-council/[a-z0-9-]+$', maxLength: 200 }),
    Type.Null()
  ]),
  lad_codes: Type.Array(GssCodeSchema, {
    minItems: 1,
    uniqueItems: true,
    description: 'Current local authority districts it serves (for an NI trust, council areas wholly or partly within it)'
  }),
  lad_codes_note: Type.Optional(Type.String({ maxLength: 400 })),
  contacts: Type.Array(CouncilContactRecordSchema, { description: 'Sourced children\'s social care contacts only' }),
  shared_teams: Type.Array(SlugSchema, { uniqueItems: true, description: 'Teams in council-teams.yaml that also serve this council' }),
  contacts_note: Type.String({ minLength: 1, maxLength: 600 }),
  ...ProvenanceFields
}, { $id: 'LocalAuthorityRecord', additionalProperties: false })
export type LocalAuthorityRecord = Static<typeof LocalAuthorityRecordSchema>

/** A body responsible for children's social care, as served. */
export const LocalAuthoritySchema = Type.Object({
  code: AuthorityCodeSchema,
  name: Type.String(),
  short_name: Type.String(),
  nation: Ref(NationSchema),
  body_type: Ref(BodyTypeSchema),
  alias_codes: Type.Array(Type.String()),
  homepage_url: Type.Union([Type.String(), Type.Null()]),
  homepage_note: Type.Union([Type.String(), Type.Null()]),
  report_url: Type.Union([Type.String(), Type.Null()], { description: 'The council\'s own page on reporting a concern about a child' }),
  govuk_slug: Type.Union([Type.String(), Type.Null()]),
  find_your_council_url: Type.Union([Type.String(), Type.Null()]),
  lad_codes: Type.Array(Type.String()),
  lad_codes_note: Type.Union([Type.String(), Type.Null()]),
  contacts: Type.Array(Ref(CouncilContactSchema), {
    description: 'Sourced children\'s social care contacts only (see contacts_note): the public\'s first, then professionals\'; within each, front door, all hours, out of hours'
  }),
  contacts_note: Type.String(),
  ...ServedRecordFields
}, { $id: 'LocalAuthority', additionalProperties: false })
export type LocalAuthority = Static<typeof LocalAuthoritySchema>

export { AuthorityCodeSchema, LocalAuthorityRefSchema, type LocalAuthorityRef } from './local-authority-ref.js'
