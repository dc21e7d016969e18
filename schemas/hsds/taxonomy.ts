import { Type, type Static } from '@sinclair/typebox'
import { Ref } from '../common.js'
import { HsdsIdSchema } from './common.js'

/** One term of a taxonomy: a topic or an audience of this API. */
export const HsdsTaxonomyTermSchema = Type.Object({
  id: HsdsIdSchema,
  name: Type.String(),
  description: Type.String(),
  taxonomy_id: HsdsIdSchema,
  taxonomy: Type.String({ description: 'The name of the taxonomy the term belongs to' }),
  term: Type.String({ description: 'The term itself (as `name`)' })
}, { $id: 'HsdsTaxonomyTerm', additionalProperties: false })
export type HsdsTaxonomyTerm = Static<typeof HsdsTaxonomyTermSchema>

/** A taxonomy; the list leaves its terms out, the item has them all. */
export const HsdsTaxonomySchema = Type.Object({
  id: HsdsIdSchema,
  name: Type.String(),
  description: Type.String(),
  taxonomy_terms: Type.Optional(Type.Array(Ref(HsdsTaxonomyTermSchema)))
}, { $id: 'HsdsTaxonomy', additionalProperties: false })
export type HsdsTaxonomy = Static<typeof HsdsTaxonomySchema>

/** A service's link to a taxonomy term (HSDS `attribute`). */
export const HsdsAttributeSchema = Type.Object({
  id: HsdsIdSchema,
  link_id: HsdsIdSchema,
  link_type: Type.String({ description: 'What the term describes: `topic` or `audience`' }),
  taxonomy_term_id: HsdsIdSchema,
  taxonomy_term: Ref(HsdsTaxonomyTermSchema)
}, { $id: 'HsdsAttribute', additionalProperties: false })
export type HsdsAttribute = Static<typeof HsdsAttributeSchema>
