import type { TSchema } from '@sinclair/typebox'
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'
import { nestedIdsAsRefs } from '../../schemas/strip-ids.js'
import { DataError, pointer } from './data-error.js'
import { dataAjv } from './data-ajv.js'
import * as precompiled from './generated/data-validators.js'
import { schemaFingerprint } from './schema-fingerprint.js'

const compiled = new WeakMap<TSchema, ValidateFunction>()
let ajv: { instance: Ajv, registered: Set<string> } | undefined

/** Compiles a schema no precompiled validator matches (a schema changed since `npm run data:validators`). */
function compileNow (schema: TSchema): ValidateFunction {
  ajv ??= { instance: dataAjv(false), registered: new Set() }
  // Shared parts (contacts, schedules, enums) are added once and referenced, so each is
  // compiled once however many record schemas use it.
  const shared = new Map<string, Record<string, unknown>>()
  const root = nestedIdsAsRefs(schema, shared)
  for (const [id, sub] of shared) {
    if (!ajv.registered.has(id)) { ajv.instance.addSchema(sub, id); ajv.registered.add(id) }
  }
  return ajv.instance.compile(root)
}

/** The validator for a schema: precompiled at build time when it matches, else compiled once now. */
function validatorFor (schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema)
  if (validate === undefined) {
    validate = (precompiled as unknown as Record<string, ValidateFunction | undefined>)[`v${schemaFingerprint(schema)}`] ?? compileNow(schema)
    compiled.set(schema, validate)
  }
  return validate
}

function describe (error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'additionalProperties') return `unknown field "${String(params.additionalProperty)}"`
  if (error.keyword === 'required') return `missing field "${String(params.missingProperty)}"`
  if (error.keyword === 'enum') return `${error.message ?? 'invalid'}: ${(params.allowedValues as unknown[]).join(', ')}`
  return error.message ?? 'invalid'
}

/** The id a person would search the file for: the record's `id` or `code`, else its index. */
export function recordLabel (record: unknown, index: number): string {
  if (record !== null && typeof record === 'object') {
    const { id, code } = record as { id?: unknown, code?: unknown }
    if (typeof id === 'string') return id
    if (typeof code === 'string') return code
  }
  return `#${index}`
}

/** Checks one value against a schema; throws a DataError at the first fault. */
export function validateValue (label: string, record: string | null, base: string, value: unknown, schema: TSchema): void {
  const validate = validatorFor(schema)
  if (validate(value)) return
  const [error] = validate.errors as ErrorObject[]
  /* c8 ignore next */
  if (error === undefined) throw new DataError(label, record, base, 'schema', 'invalid')
  throw new DataError(label, record, base + error.instancePath, `schema:${error.keyword}`, describe(error))
}

/** Checks that a parsed file is a list whose every record matches the schema. */
export function validateRecords<T> (label: string, data: unknown, schema: TSchema): T[] {
  if (!Array.isArray(data)) throw new DataError(label, null, '', 'schema:type', 'the file must be a YAML list of records')
  data.forEach((record, index) => validateValue(label, recordLabel(record, index), pointer(index), record, schema))
  return data as T[]
}
