import { Type, type TSchema } from '@sinclair/typebox'
import { CSV_FLATTENING } from './csv-flattening.js'

/** A JSON success response. */
export const jsonResponse = <T extends TSchema>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } }
})

/** A list: JSON by default, CSV with `Accept: text/csv` or `?format=csv`. */
export const listResponse = <T extends TSchema>(schema: T, description: string) => ({
  description,
  content: {
    'application/json': { schema },
    'text/csv': { schema: Type.String({ description: CSV_FLATTENING }) }
  }
})
