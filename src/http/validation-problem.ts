import type { FastifySchemaValidationError } from 'fastify'
import type { SchemaErrorDataVar } from 'fastify/types/schema.js'
import { parsePostcode } from '../domain/geography/index.js'

interface FieldError { name: string, in: 'query' | 'path' | 'header', reason: string }

const WHERE: Partial<Record<SchemaErrorDataVar, FieldError['in']>> = { querystring: 'query', params: 'path', headers: 'header' }
/**
 * An unknown parameter is named back only when its name looks like a parameter name, and
 * never when it could be a postcode: the answer must be safe to show on a shared screen.
 */
const PARAMETER_NAME = /^[a-z][a-z0-9_]{0,39}$/
const safeToName = (name: string) => PARAMETER_NAME.test(name) && parsePostcode(name) === null

function reasonFor (error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': return 'is not a parameter of this endpoint'
    case 'required': return 'is required'
    case 'enum': return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    case 'type': return params.type === 'integer' ? 'must be a whole number' : `must be a single ${String(params.type)}`
    case 'minimum': return `must be at least ${String(params.limit)}`
    case 'maximum': return `must be at most ${String(params.limit)}`
    case 'minLength': return `must be at least ${String(params.limit)} characters long`
    case 'maxLength': return `must be at most ${String(params.limit)} characters long`
    case 'pattern':
    case 'format': return 'is not in the expected format'
    default: return 'is not valid'
  }
}

function nameFor (error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>
  const raw = error.keyword === 'additionalProperties'
    ? String(params.additionalProperty)
    : error.keyword === 'required'
      ? String(params.missingProperty)
      : error.instancePath.split('/')[1] ?? ''
  return safeToName(raw) ? raw : '(unnamed parameter)'
}

/** One entry per bad parameter (the first fault of each), in the order they were found. */
export function fieldErrors (validation: FastifySchemaValidationError[], context: SchemaErrorDataVar | undefined): FieldError[] {
  const where = (context === undefined ? undefined : WHERE[context]) ?? 'query'
  const byName = new Map<string, FieldError>()
  for (const error of validation) {
    if (error.keyword === 'anyOf' || error.keyword === 'if') continue // summary errors of the ones already listed
    const name = nameFor(error)
    if (!byName.has(name)) byName.set(name, { name, in: where, reason: reasonFor(error) })
  }
  return [...byName.values()]
}

/** "Query parameter `nation` must be one of: …" or a count when several are wrong. */
export function summarise (errors: FieldError[]): string {
  if (errors.length === 1) {
    const [only] = errors as [FieldError]
    const what = only.in === 'path' ? 'Path parameter' : only.in === 'header' ? 'Header' : 'Query parameter'
    return `${what} '${only.name}' ${only.reason}.`
  }
  return `${errors.length} parameters are not valid: ${errors.map((e) => e.name).join(', ')}. See errors for each.`
}
