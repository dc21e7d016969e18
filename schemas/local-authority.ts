import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, NationSchema, ProvenanceFields, Ref, StringEnum } from './common.js'
import { ContactRecordSchema, ContactSchema } from './contact.js'
import { SelfLinksSchema } from './envelope.js'
import { ServedRecordFields } from './served.js'

/** ONS GSS code of a council or district (`E09000033`). */
export const GssCodeSchema = Type.String({
  pattern: '^[EWSN]\\d{8}$',
  description: 'ONS GSS code',
  examples: ['E09000033']
})

/**
 * Code of a body responsible for children's social care: its ONS GSS code, or for a
 * Northern Ireland HSC Trust the code of the Local Commissioning Group with the same
 * boundary (ZC010–ZC050), as ONSPD and postcodes.io return in their `ccg` field.
 */
export const AuthorityCodeSchema = Type.String({
  pattern: '^(?:[EWSN]\\d{8}|ZC0[1-5]0)$',
  maxLength: 9,
  description: 'ONS GSS code, or ZC010–ZC050 for a Northern Ireland HSC Trust',
  examples: ['E09000033', 'ZC010']
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
 * Contacts are listed only where a source was found; otherwise `contacts_note` says so and
 * people are sent to the homepage, GOV.UK's council finder and the national routes.
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
  contacts: Type.Array(ContactRecordSchema, { description: 'Sourced children\'s social care contacts only' }),
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
  govuk_slug: Type.Union([Type.String(), Type.Null()]),
  find_your_council_url: Type.Union([Type.String(), Type.Null()]),
  lad_codes: Type.Array(Type.String()),
  lad_codes_note: Type.Union([Type.String(), Type.Null()]),
  contacts: Type.Array(Ref(ContactSchema), { description: 'Sourced children\'s social care contacts only; see contacts_note' }),
  contacts_note: Type.String(),
  ...ServedRecordFields
}, { $id: 'LocalAuthority', additionalProperties: false })
export type LocalAuthority = Static<typeof LocalAuthoritySchema>

/** The few fields that name an authority inside other answers (alternatives in a split area). */
export const LocalAuthorityRefSchema = Type.Object({
  code: AuthorityCodeSchema,
  name: Type.String(),
  nation: Ref(NationSchema),
  links: Ref(SelfLinksSchema)
}, { $id: 'LocalAuthorityRef', additionalProperties: false })
export type LocalAuthorityRef = Static<typeof LocalAuthorityRefSchema>
