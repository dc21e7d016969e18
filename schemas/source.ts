import { Type, type Static } from '@sinclair/typebox'
import { IsoDateSchema, PartialDateSchema, SlugSchema, StringEnum } from './common.js'

export const SOURCE_KINDS = [
  'primary', 'official-secondary', 'secondary', 'code-reference', 'dataset',
  'council-page', 'council-run-site', 'childrens-trust', 'safeguarding-partnership'
] as const

/**
 * One page or dataset a fact was seen in. The URL is the page as it was seen, so an
 * old page may be `http:`; it is a citation, not a link we send people to.
 */
export const SourceRecordSchema = Type.Object({
  id: SlugSchema,
  publisher: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048 }),
  published: Type.Union([PartialDateSchema, Type.Null()], { description: 'The date the page states, as precisely as it states it; null when it shows none' }),
  published_note: Type.Optional(Type.String({ maxLength: 300 })),
  accessed: IsoDateSchema,
  kind: StringEnum(SOURCE_KINDS, {
    description: 'primary: the operator or publisher itself; official-secondary: another official body; secondary: press or third party; code-reference: public code linking to the URL; dataset: a published data file. For council contacts: council-page (the council\'s own site), council-run-site (another site the council runs, e.g. its procedures manual), childrens-trust (the trust that runs the council\'s children\'s services), safeguarding-partnership (the local safeguarding children partnership)'
  }),
  licence: Type.Optional(Type.String({ maxLength: 200 })),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
  quotes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 400 }), {
    minItems: 1,
    description: 'Short verbatim passages of the page holding the facts cited from it (for council numbers, the number itself), so a reviewer can check them'
  }))
}, { $id: 'SourceRecord', additionalProperties: false })
export type SourceRecord = Static<typeof SourceRecordSchema>

/** A source as served: the record plus a link to itself. */
export const SourceSchema = Type.Object({
  id: SlugSchema,
  publisher: Type.String(),
  title: Type.String(),
  url: Type.String({ format: 'uri' }),
  published: Type.Union([Type.String(), Type.Null()]),
  published_note: Type.Union([Type.String(), Type.Null()]),
  accessed: IsoDateSchema,
  kind: StringEnum(SOURCE_KINDS),
  licence: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  quotes: Type.Array(Type.String(), { description: 'Short verbatim passages of the page holding the facts cited from it' }),
  links: Type.Object({ self: Type.String() }, { additionalProperties: false })
}, { $id: 'Source', additionalProperties: false })
export type Source = Static<typeof SourceSchema>
