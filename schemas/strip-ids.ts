import type { TSchema } from '@sinclair/typebox'

/**
 * A plain JSON copy of a schema without the `$id`s of schemas nested inside it. Nested ids
 * name OpenAPI components; a validator that meets the same id twice refuses the schema, so
 * only the outermost `$id` is kept.
 */
export function stripNestedIds<T extends TSchema> (schema: T): T {
  const strip = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => strip(item, depth + 1))
    if (value === null || typeof value !== 'object') return value
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$id' && depth > 0) continue
      out[key] = strip(inner, depth + 1)
    }
    return out
  }
  return strip(schema, 0) as T
}
