import { Type, type Static } from '@sinclair/typebox'
import { NATIONS, Ref, StringEnum } from './common.js'
import { ItemMetaSchema } from './envelope.js'
import { LocalAuthorityRefSchema, LocalAuthoritySchema } from './local-authority.js'
import { PostcodeQuerySchema } from './postcode.js'
import { AtQueryFields, ReleaseQueryFields } from './query.js'

const LEVELS = ['unit', 'sector', 'district'] as const

/**
 * How a postcode was placed. It never repeats the postcode: the client knows what it sent,
 * and this answer must be safe to show on a shared screen.
 */
export const PostcodeMatchSchema = Type.Object({
  status: StringEnum(['matched', 'not-matched']),
  query_kind: Type.Union([StringEnum(LEVELS), Type.Null()], { description: 'What was given: a full postcode (unit), a sector (SW1A 1) or an outward code (SW1A)' }),
  level: Type.Union([StringEnum(LEVELS), Type.Null()], { description: 'What it matched: the full postcode, else its sector, else its outward code' }),
  confidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: '1 when every postcode of the matched area lies with one authority; else the share that lies with the first authority. Below 1: show the alternatives'
  }),
  nation: Type.Union([StringEnum(NATIONS), Type.Null()]),
  district: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }), Type.Null()], {
    description: 'The local authority district (lower tier) the postcode lies in'
  }),
  via: Type.Union([StringEnum(['index', 'upstream']), Type.Null()], { description: 'The bundled ONS index, or the configured postcodes.io-compatible service' }),
  dataset: Type.Union([Type.String(), Type.Null()], { description: 'The geography edition used, e.g. onspd-2025-11' }),
  reason: Type.Union([StringEnum(['invalid', 'northern-ireland', 'channel-islands', 'isle-of-man', 'unknown-district']), Type.Null()]),
  fallback: Type.Union([StringEnum(['national', 'choose-ni-trust']), Type.Null()], {
    description: 'When not matched: national routes only, or national routes and a choice of Northern Ireland HSC Trust'
  }),
  detail: Type.String({ description: 'The match in one sentence, for people' })
}, { $id: 'PostcodeMatch', additionalProperties: false })
export type PostcodeMatchView = Static<typeof PostcodeMatchSchema>

export const PostcodeLookupSchema = Type.Object({
  data: Type.Object({
    match: Ref(PostcodeMatchSchema),
    authorities: Type.Array(Ref(LocalAuthoritySchema), { description: 'The responsible body, most likely first (two only where an area is split and cannot be settled)' }),
    alternatives: Type.Array(Ref(LocalAuthorityRefSchema), { description: 'Other bodies with postcodes in the matched sector or district; or, in Northern Ireland, the trusts to choose from' }),
    national_routes: Type.String({ description: 'Routes that apply wherever the child is' })
  }, { additionalProperties: false }),
  meta: Ref(ItemMetaSchema)
}, { $id: 'PostcodeLookup', additionalProperties: false })

export const LookupQuerySchema = Type.Object({
  postcode: PostcodeQuerySchema,
  ...AtQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })
