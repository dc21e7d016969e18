import type { TSchema } from '@sinclair/typebox'

type Json = Record<string, unknown>

/**
 * A plain JSON copy of a schema without the `$id`s of schemas nested inside it. Nested ids
 * name OpenAPI components; a validator that meets the same id twice refuses the schema, so
 * only the outermost `$id` is kept.
 */
export function stripNestedIds<T extends TSchema> (schema: T): T {
  const strip = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => strip(item, depth + 1))
    if (value === null || typeof value !== 'object') return value
    const out: Json = {}
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$id' && depth > 0) continue
      out[key] = strip(inner, depth + 1)
    }
    return out
  }
  return strip(schema, 0) as T
}

/**
 * A plain JSON copy of a schema where every nested schema with an `$id` is replaced by a
 * `$ref` to it, and `shared` collects each of them once (themselves written the same way).
 * A validator given the shared schemas first compiles each one once, not at every use.
 */
export function nestedIdsAsRefs (schema: TSchema, shared: Map<string, Json>): Json {
  const rewrite = (value: unknown, root: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, false))
    if (value === null || typeof value !== 'object') return value
    const id = (value as Json).$id
    if (!root && typeof id === 'string') {
      if (!shared.has(id)) {
        shared.set(id, {}) // reserved first, so a schema that contains itself ends
        shared.set(id, rewrite(value, true) as Json)
      }
      return { $ref: id }
    }
    const out: Json = {}
    for (const [key, inner] of Object.entries(value)) out[key] = rewrite(inner, false)
    return out
  }
  return rewrite(schema, true) as Json
}
