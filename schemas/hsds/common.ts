import { Type, type TSchema } from '@sinclair/typebox'

/*
 * Open Referral UK (the UK profile of HSDS 3.0): the shapes /hsds serves. Field names, types
 * and formats follow the profile's schemas (OpenReferralUK/uk-profile, commit ecdfabf); an
 * optional field with no value is left out, never sent as null, as the profile asks.
 */

/** Every HSDS id is a UUID (the profile's `format: uuid`); ours are UUIDv5 of our own ids, so they never change. */
export const HsdsIdSchema = Type.String({ format: 'uuid', description: 'UUID, derived from this API\'s own record id (UUIDv5), so it stays the same from release to release' })

export const HsdsUriSchema = Type.String({ format: 'uri' })

/** A time of day as HSDS writes it: HH:MM with the UTC offset in force (see the schedule's notes). */
export const HsdsTimeSchema = Type.String({
  pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d[+-]\\d{2}:\\d{2}$',
  description: 'Local UK time with the UTC offset in force between valid_from and valid_to, e.g. 08:00+00:00 in winter, 08:00+01:00 in summer'
})

export const HsdsDateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' })

/** The profile's paging envelope (`Page` in its OpenAPI), holding one page in `contents`. */
export const HsdsPage = <T extends TSchema>(item: T, $id: string, description: string) => Type.Object({
  total_items: Type.Integer({ minimum: 0, description: 'Records matching the filters, across all pages' }),
  total_pages: Type.Integer({ minimum: 0, description: 'Pages at this per_page (0 when nothing matches)' }),
  page_number: Type.Integer({ minimum: 1, description: 'This page, counting from 1' }),
  size: Type.Integer({ minimum: 0, description: 'Records on this page' }),
  first_page: Type.Boolean(),
  last_page: Type.Boolean(),
  empty: Type.Boolean({ description: 'True when this page holds no records' }),
  contents: Type.Array(item)
}, { $id, description, additionalProperties: false })
