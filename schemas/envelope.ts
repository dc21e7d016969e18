import { Type, type TSchema } from '@sinclair/typebox'
import { Ref, ReleaseIdSchema } from './common.js'

const LinkSchema = Type.String({ description: 'A URL: absolute when the server knows its public base URL, else a path' })
const NullableLink = Type.Union([LinkSchema, Type.Null()])

export const ListMetaSchema = Type.Object({
  release: ReleaseIdSchema,
  total: Type.Integer({ minimum: 0, description: 'Records matching the filters, across all pages' }),
  page: Type.Integer({ minimum: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: 100 })
}, { $id: 'ListMeta', additionalProperties: false })

export const ListLinksSchema = Type.Object({
  self: LinkSchema,
  first: LinkSchema,
  last: LinkSchema,
  next: NullableLink,
  prev: NullableLink
}, { $id: 'ListLinks', additionalProperties: false })

export const ItemMetaSchema = Type.Object({
  release: ReleaseIdSchema
}, { $id: 'ItemMeta', additionalProperties: false })

export const SelfLinksSchema = Type.Object({
  self: LinkSchema
}, { $id: 'SelfLinks', additionalProperties: false })

/** `{ data: [...], meta, links }`: the shape of every list; `meta` is ListMeta or extends it. */
export const ListEnvelope = <T extends TSchema, M extends TSchema>(item: T, $id: string, meta: M) => Type.Object({
  data: Type.Array(item),
  meta,
  links: Ref(ListLinksSchema)
}, { $id, additionalProperties: false })

/** `{ data: {...}, meta }`: the shape of every single item. */
export const ItemEnvelope = <T extends TSchema>(item: T, $id: string) => Type.Object({
  data: item,
  meta: Ref(ItemMetaSchema)
}, { $id, additionalProperties: false })
