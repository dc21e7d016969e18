import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, NationSchema, ProvenanceFields } from '../common.js'
import { ContactRecordSchema } from '../contact.js'
import { AuthorityCodeSchema, BodyTypeSchema, GssCodeSchema } from '../local-authority.js'

/**
 * local-authorities.yaml as written in releases of format 1 (before 2026-12-01), frozen so
 * those published releases keep loading. Its contacts had no role, audience or team;
 * `upgrade-records.ts` brings them into the current shape when a release is loaded.
 */
export const LocalAuthorityRecordV1Schema = Type.Object({
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
}, { $id: 'LocalAuthorityRecordV1', additionalProperties: false })
export type LocalAuthorityRecordV1 = Static<typeof LocalAuthorityRecordV1Schema>
