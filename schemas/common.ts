import { Type, type Static, type TSchema } from '@sinclair/typebox'

/**
 * Reference a schema registered at the root by its `$id`, keeping its static type.
 * The `$id` is also the OpenAPI component name.
 */
export const Ref = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Unsafe<Static<T>>(Type.Ref(schema.$id as string, options))

/**
 * A string enum as plain JSON Schema `enum` (not TypeBox's anyOf of literals), so OpenAPI
 * shows a real enum and a bad value yields one validation error naming the allowed values.
 */
export const StringEnum = <const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] })

/** Stable kebab-case record id (`nspcc-helpline`). */
export const SlugSchema = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 80,
  description: 'Stable kebab-case identifier',
  examples: ['nspcc-helpline']
})

export const IsoDateSchema = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Calendar date, ISO 8601 (YYYY-MM-DD)'
})

/** A date as precise as the publisher states it: year, year-month or full date. */
export const PartialDateSchema = Type.String({
  pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$',
  description: 'Date as precise as the page states it: YYYY, YYYY-MM or YYYY-MM-DD'
})

export const HttpsUrlSchema = Type.String({
  format: 'uri',
  pattern: '^https://',
  maxLength: 2048,
  description: 'An https URL'
})

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const
export const NationSchema = StringEnum(NATIONS, {
  $id: 'Nation',
  description: 'A UK nation'
})
export type Nation = Static<typeof NationSchema>

/**
 * Whether a fact was seen on a cited page (`confirmed`) or not (`unverified`).
 * Unverified contacts are never served as something to dial: their `uri` is null.
 */
export const VerificationSchema = StringEnum(['confirmed', 'unverified'], {
  $id: 'Verification',
  description: 'confirmed: seen on a cited page; unverified: not confirmed, never to be dialled without checking'
})

/** Fields every data record carries: provenance and review. */
export const ProvenanceFields = {
  sources: Type.Array(SlugSchema, {
    minItems: 1,
    uniqueItems: true,
    description: 'Ids of entries in sources.yaml that support this record'
  }),
  verified_on: IsoDateSchema,
  review_by: IsoDateSchema
}

/** Free-text search over names and summaries; personal data, never logged. */
export const SearchQuerySchema = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[^\\u0000-\\u001F\\u007F]+$',
  description: 'Case-insensitive text to find in names and summaries'
})

export const ReleaseIdSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(?:\\.\\d+)?$',
  maxLength: 16,
  description: 'Data release id; defaults to the latest release',
  examples: ['2026-11-28']
})
