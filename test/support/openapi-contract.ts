import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'

/*
 * An independent check of responses against the CHECKED-IN openapi.yaml. It shares no code
 * with the app: it reads the YAML file, compiles the spec's own components with a fresh
 * Ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect) and picks the response object by path
 * template, method, status and media type, as a client reading the spec would.
 *
 * openapi-response-validator (a devDependency) was tried first: it reads OpenAPI 3.0, uses
 * only the first media type of a response (so a text/csv answer is checked against the
 * JSON schema) and ignores `format`, so it cannot check this 3.1 spec.
 */

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

const here = dirname(fileURLToPath(import.meta.url))
export const SPEC_PATH = join(here, '..', '..', 'openapi.yaml')

type Json = Record<string, unknown>

export interface RequestLike {
  method?: string
  url: string
  headers?: Record<string, string | string[] | undefined>
}

/** What `app.inject` resolves to, or anything shaped like it. */
export interface ResponseLike {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  rawPayload: Buffer
}

export interface Violation {
  /** `operationId` (or `METHOD /path` when the spec has no such operation). */
  operation: string
  status: number
  message: string
  /** Method and URL, cut to 200 characters. */
  request: string
}

export interface CheckOptions {
  /**
   * Check answers the spec does not describe by their own contract (OUTSIDE_SPEC)
   * instead of reporting them: write methods, OPTIONS preflights and unknown methods.
   */
  outsideSpec?: boolean
}

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  schema: Json
}

export interface Operation {
  id: string
  method: string
  template: string
  match: RegExp
  literalSegments: number
  parameters: Parameter[]
  responses: Record<string, Json>
}

const METHODS = ['get', 'head', 'options', 'put', 'post', 'patch', 'delete', 'trace'] as const
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'

/**
 * Answers the spec does not list, and the contract each must meet instead. They are left out
 * of the spec on purpose: documenting POST/PUT/PATCH/DELETE as operations that only fail
 * would describe endpoints that do not exist (and trip OWASP's write-restricted rule); a
 * CORS preflight is answered by the CORS layer for every path alike.
 */
export const OUTSIDE_SPEC = {
  write: 'POST, PUT, PATCH, DELETE: 405 problem details with `Allow: GET, HEAD, OPTIONS`; 400/413/415 problem details when the body cannot be read first',
  preflight: 'OPTIONS: 204 with no body and `Access-Control-Allow-Origin: *`',
  unknownMethod: 'any other method (TRACE, QUERY, PROPFIND…): 405 with Allow, or 501, as problem details'
} as const

function header (headers: ResponseLike['headers'], name: string): string | undefined {
  const value = headers[name]
  if (value === undefined) return undefined
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType (contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase()
}

/** The response body as text, undoing br or gzip. */
export function bodyText (response: ResponseLike): string {
  const encoding = header(response.headers, 'content-encoding')
  const raw = response.rawPayload
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8')
  return raw.toString('utf8')
}

/** `#/components/schemas/X` becomes the id the component was registered under. */
function componentId (ref: string): string {
  return `urn:openapi:${ref.slice(2).replace(/\//g, ':')}`
}

function rewriteRefs (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (node === null || typeof node !== 'object') return node
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/components/')) throw new Error(`unsupported $ref ${value}`)
      out[key] = componentId(value)
    } else {
      out[key] = rewriteRefs(value)
    }
  }
  return out
}

function describeErrors (errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath === '' ? '(body)' : e.instancePath} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String((e.params as Json).additionalProperty)})` : ''}`).join('; ')
}

function templateRegExp (template: string): RegExp {
  // An empty segment (`/v1/releases//bundle`) is an empty parameter: the router answers it
  // from that operation (400), so it is checked against it.
  const source = template.split(/(\{[^}]+\})/).map((part) => part.startsWith('{') ? '([^/]*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('')
  return new RegExp(`^${source}$`)
}

/**
 * Validates `app.inject` responses against openapi.yaml and keeps every violation found:
 * the operation, the status and the validator's message.
 */
export class ContractChecker {
  readonly spec: Json
  readonly operations: Operation[]
  readonly violations: Violation[] = []
  /** `operationId status` of every answer that conformed, to show what was exercised. */
  readonly observed = new Set<string>()
  readonly #ajv: Ajv2020
  readonly #validators = new Map<string, ValidateFunction>()
  /** Bodies already found valid, by operation, status, media type and ETag. */
  readonly #seen = new Set<string>()

  constructor (specText: string = readFileSync(SPEC_PATH, 'utf8')) {
    this.spec = parse(specText) as Json
    // `example` and `discriminator` are OpenAPI words, not JSON Schema: allowed, not checked.
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateFormats: true })
    this.#ajv.addKeyword('example')
    addFormats(this.#ajv)
    const components = ((this.spec.components ?? {}) as Json).schemas as Record<string, unknown> ?? {}
    for (const [name, schema] of Object.entries(components)) {
      this.#ajv.addSchema(rewriteRefs(schema) as Json, componentId(`#/components/schemas/${name}`))
    }
    this.operations = []
    for (const [template, item] of Object.entries(this.spec.paths as Record<string, Json>)) {
      for (const method of METHODS) {
        const op = item[method] as Json | undefined
        if (op === undefined) continue
        this.operations.push({
          id: String(op.operationId ?? `${method.toUpperCase()} ${template}`),
          method: method.toUpperCase(),
          template,
          match: templateRegExp(template),
          literalSegments: template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
          parameters: [...(item.parameters as Parameter[] ?? []), ...(op.parameters as Parameter[] ?? [])],
          responses: op.responses as Record<string, Json>
        })
      }
    }
    // `/v1/local-authorities/lookup` before `/v1/local-authorities/{code}`.
    this.operations.sort((a, b) => b.literalSegments - a.literalSegments)
  }

  /** The spec's operation for a method and a path (the path as the server sees it). */
  operationFor (method: string, path: string): Operation | undefined {
    return this.operations.find((op) => op.method === method && op.match.test(path))
  }

  /** Path templates that match a path, whatever the method. */
  templatesFor (path: string): string[] {
    return [...new Set(this.operations.filter((op) => op.match.test(path)).map((op) => op.template))]
  }

  /** Compiles (once) a schema from the spec. */
  validator (key: string, schema: unknown): ValidateFunction {
    let validate = this.#validators.get(key)
    if (validate === undefined) {
      validate = this.#ajv.compile(rewriteRefs(schema) as Json)
      this.#validators.set(key, validate)
    }
    return validate
  }

  /** Validates a value against a component schema, e.g. `Problem`; returns the errors or ''. */
  validateComponent (name: string, value: unknown): string {
    const validate = this.validator(`component:${name}`, { $ref: `#/components/schemas/${name}` })
    return validate(value) ? '' : describeErrors(validate.errors)
  }

  /**
   * Checks one response; returns the violations it adds (also kept in `violations`).
   * `request.url` is what was sent; the path is normalised the way the injector (WHATWG URL)
   * normalises it before the app sees it, so `/v1/helplines/..` is `/v1/`.
   */
  check (request: RequestLike, response: ResponseLike, options: CheckOptions = {}): Violation[] {
    const method = (request.method ?? 'GET').toUpperCase()
    const normalised = new URL(request.url, 'http://localhost').pathname
    // The router treats `/v1/helplines/` as `/v1/helplines` (ignoreTrailingSlash).
    const path = normalised.length > 1 && normalised.endsWith('/') ? normalised.slice(0, -1) : normalised
    const status = response.statusCode
    const found: Violation[] = []
    const operation = this.operationFor(method === 'HEAD' ? 'GET' : method, path)
    const add = (message: string) => found.push({
      operation: operation?.id ?? `${method} ${this.templatesFor(path)[0] ?? path}`,
      status,
      message,
      request: `${method} ${request.url}`.slice(0, 200)
    })
    const type = mediaType(header(response.headers, 'content-type'))

    // Problems are problem+json; an operation's spec may also offer an HTML page for one (the
    // embed's help pages do, for an iframe), checked below like any declared content type.
    const declaredError = status >= 400 && type === 'text/html' && operation !== undefined &&
      (operation.responses[String(status)] as { content?: Record<string, unknown> } | undefined)?.content?.['text/html'] !== undefined
    if (status >= 400 && type !== 'application/problem+json' && !declaredError) add(`a ${status} must be application/problem+json, not ${type ?? 'no content type'}`)

    if (operation !== undefined) {
      this.#checkOperation(operation, method, response, type, add)
    } else if ((method === 'GET' || method === 'HEAD') && this.templatesFor(path).length === 0) {
      // No path of the spec: the only documented answer is the API's own 404.
      if (status !== 404) add(`a path the spec does not have must answer 404, not ${status}`)
      else this.#checkProblem(response, method, add)
    } else if (options.outsideSpec === true) {
      this.#checkOutsideSpec(method, response, type, add)
    } else {
      add(`the spec has no ${method} operation for ${path} (status ${status})`)
    }
    this.violations.push(...found)
    if (found.length === 0 && operation !== undefined) this.observed.add(`${operation.id} ${status}`)
    return found
  }

  #checkOperation (operation: Operation, method: string, response: ResponseLike, type: string | undefined, add: (m: string) => void): void {
    const status = response.statusCode
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => operation.responses[k] !== undefined)
    if (key === undefined) {
      add(`status ${status} is not in the spec (it lists ${Object.keys(operation.responses).join(', ')})`)
      return
    }
    const declared = operation.responses[key] as Json
    this.#checkHeaders(declared, response, add)
    const content = declared.content as Record<string, Json> | undefined
    const empty = response.rawPayload.length === 0
    if (content === undefined) {
      if (!empty) add(`status ${status} has no content in the spec, but a body was sent`)
      return
    }
    if (type === undefined || content[type] === undefined) {
      add(`content type ${type ?? '(none)'} is not among ${Object.keys(content).join(', ')} for ${status}`)
      return
    }
    if (method === 'HEAD') {
      if (!empty) add('a HEAD answer must have no body')
      return
    }
    const etag = header(response.headers, 'etag')
    const memo = etag === undefined ? undefined : `${operation.id}|${status}|${type}|${etag}`
    if (memo !== undefined && this.#seen.has(memo)) return
    let body: unknown
    const text = bodyText(response)
    if (type.endsWith('json')) {
      try {
        body = JSON.parse(text)
      } catch {
        add(`the ${type} body is not JSON`)
        return
      }
    } else {
      body = text
    }
    const schema = content[type]?.schema
    if (schema === undefined) return
    const validate = this.validator(`${operation.id}|${key}|${type}`, schema)
    if (!validate(body)) add(`body does not match the ${type} schema for ${key}: ${describeErrors(validate.errors)}`)
    else if (memo !== undefined) this.#seen.add(memo)
    if (status >= 400 && type.endsWith('json')) this.#checkProblemFields(body, status, add)
  }

  #checkHeaders (declared: Json, response: ResponseLike, add: (m: string) => void): void {
    const headers = (declared.headers ?? {}) as Record<string, Json>
    for (const [name, spec] of Object.entries(headers)) {
      const value = header(response.headers, name.toLowerCase())
      if (value === undefined) {
        if (spec.required === true) add(`header ${name} is required by the spec but missing`)
        continue
      }
      if (spec.schema === undefined) continue
      const schema = spec.schema as Json
      const coerced = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value
      const validate = this.validator(`header|${name}|${JSON.stringify(schema)}`, schema)
      if (!validate(coerced)) add(`header ${name} does not match its schema: ${describeErrors(validate.errors)}`)
    }
  }

  #checkProblem (response: ResponseLike, method: string, add: (m: string) => void): void {
    if (method === 'HEAD') return
    let body: unknown
    try {
      body = JSON.parse(bodyText(response))
    } catch {
      add('the problem body is not JSON')
      return
    }
    const errors = this.validateComponent('Problem', body)
    if (errors !== '') add(`problem body does not match Problem: ${errors}`)
    this.#checkProblemFields(body, response.statusCode, add)
  }

  #checkProblemFields (body: unknown, status: number, add: (m: string) => void): void {
    const problem = body as { status?: unknown, instance?: unknown }
    if (problem.status !== status) add(`problem status ${String(problem.status)} differs from the HTTP status ${status}`)
    if (typeof problem.instance === 'string' && problem.instance.includes('?')) add('problem instance carries a query string')
  }

  #checkOutsideSpec (method: string, response: ResponseLike, type: string | undefined, add: (m: string) => void): void {
    const status = response.statusCode
    if (method === 'OPTIONS') {
      if (status !== 204) add(`a preflight must answer 204, not ${status}`)
      if (response.rawPayload.length > 0) add('a preflight must have no body')
      if (header(response.headers, 'access-control-allow-origin') !== '*') add('a preflight must allow any origin')
      return
    }
    if (WRITE_METHODS.has(method)) {
      if (![405, 400, 413, 415].includes(status)) add(`${method} on a read-only API must answer 405, not ${status}`)
      if (status === 405 && header(response.headers, 'allow') !== ALLOWED_METHODS) add(`a 405 must carry Allow: ${ALLOWED_METHODS}`)
    } else {
      if (status !== 405 && status !== 501) add(`${method} must answer 405 (with Allow) or 501, not ${status}`)
      if (status === 405 && header(response.headers, 'allow') !== ALLOWED_METHODS) add(`a 405 must carry Allow: ${ALLOWED_METHODS}`)
    }
    if (type === 'application/problem+json') this.#checkProblem(response, method, add)
  }

  /** The violations so far, one line each, for a test's failure message. */
  report (limit = 20): string {
    const lines = this.violations.slice(0, limit).map((v) => `${v.operation} ${v.status}: ${v.message} [${v.request}]`)
    if (this.violations.length > limit) lines.push(`… and ${this.violations.length - limit} more`)
    return lines.join('\n')
  }
}

let shared: ContractChecker | undefined

/** A checker over openapi.yaml, made once per process. */
export function contract (): ContractChecker {
  shared ??= new ContractChecker()
  return shared
}

/**
 * Validates one `app.inject` response against openapi.yaml and returns its violations
 * (none when it conforms). For other test files:
 *   t.same(checkResponse({ url }, await app.inject(url)), [])
 */
export function checkResponse (request: RequestLike | string, response: ResponseLike, options: CheckOptions = {}): Violation[] {
  return contract().check(typeof request === 'string' ? { url: request } : request, response, options)
}
