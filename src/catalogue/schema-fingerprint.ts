import { createHash } from 'node:crypto'
import type { TSchema } from '@sinclair/typebox'

/** A short hash of a schema's JSON: the name its precompiled validator is exported under. */
export function schemaFingerprint (schema: TSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)
}
