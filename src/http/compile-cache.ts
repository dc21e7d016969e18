import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import AjvCompiler from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type RouteSchema = { schema: unknown, httpPart?: string, httpStatus?: string, contentType?: string }
type Build<O> = (externalSchemas: unknown, options: O) => (route: RouteSchema) => unknown

type Compiled = ((data: unknown) => unknown) & { errors?: unknown }

/**
 * Compiled validators and serialisers kept as code between runs: `npm run build` writes the
 * code of every route's schemas next to the bundle, and the server runs it instead of
 * compiling (a list's serialiser takes ~0.3 s to compile). A file is named by a hash of what
 * names the compiled function in memory too (the schema, the names of the shared schemas, the
 * compiler options): the folder is written afresh by each build, from the same schemas as
 * the bundle beside it, so what the names leave out (the shared schemas' content, the
 * libraries) is the same too. A schema without its file is compiled as before.
 */
export interface CompiledCode {
  dir: string
  /** Write the code of everything compiled (the build), not only read it. */
  write: boolean
}

/** The generated code's own `require` (Ajv's runtime helpers, fast-json-stringify's serialiser). */
const requireHere = createRequire(import.meta.url)

/** Runs generated CommonJS code and returns its export. */
function instantiate (code: string): Compiled {
  const module = { exports: {} as unknown }
  // eslint-disable-next-line no-new-func -- the code is our own compilers' output, read from the build
  new Function('module', 'exports', 'require', code)(module, module.exports, requireHere)
  return module.exports as Compiled
}

/** A validator or serialiser compiled on its first call; it carries the compiled one's errors. */
function lazy (compile: () => Compiled): Compiled & { force: () => void } {
  let fn: Compiled | undefined
  const run = ((data: unknown) => {
    fn ??= compile()
    const result = fn(data)
    run.errors = fn.errors
    return result
  }) as Compiled & { force: () => void }
  run.force = () => { fn ??= compile() }
  return run
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32)

interface Kind<O> {
  name: 'validator' | 'serializer'
  build: Build<O>
  keyOf: (route: RouteSchema) => string
  /** The compiler that also gives the code of what it compiles. */
  source: (externalSchemas: unknown, options: O) => (route: RouteSchema) => string
}

/** Compiles each distinct schema once, however many routes and statuses share it, from kept code when there is some. */
function caching<O> (kind: Kind<O>, code: CompiledCode | undefined, all: Array<() => void>): Build<O> {
  const compiled = new Map<string, Compiled>()
  return (externalSchemas, options) => {
    // The compiler itself (an Ajv instance with every shared schema, ~0.1 s) is made only
    // when a schema has no kept code.
    let compiler: ((route: RouteSchema) => unknown) | undefined
    const compile = (route: RouteSchema) => (compiler ??= kind.build(externalSchemas, options))(route)
    const externals = Object.keys(externalSchemas as object).join(',')
    const context = code === undefined ? '' : `${kind.name}|${JSON.stringify(options)}`
    let source: ((route: RouteSchema) => string) | undefined
    return (route) => {
      const key = `${externals}|${kind.keyOf(route)}`
      let fn = compiled.get(key)
      if (fn === undefined) {
        const made = lazy(() => {
          if (code === undefined) return compile(route) as Compiled
          const file = join(code.dir, `${kind.name}-${hash(`${context}|${key}`)}.cjs`)
          if (!code.write) {
            try {
              return instantiate(readFileSync(file, 'utf8'))
            } catch {
              return compile(route) as Compiled
            }
          }
          source ??= kind.source(externalSchemas, options)
          const text = source(route)
          mkdirSync(code.dir, { recursive: true })
          writeFileSync(file, text)
          return instantiate(text)
        })
        all.push(made.force)
        fn = made
        compiled.set(key, fn)
      }
      return fn
    }
  }
}

type AjvOptions = { customOptions?: Record<string, unknown> }
type AjvFactory = ((externalSchemas: unknown, options: AjvOptions) => ((route: RouteSchema) => unknown) & { [key: symbol]: { ajv: unknown } }) & { AjvReference: symbol }

/** Ajv's standalone code of a route validator, compiled as Fastify's own compiler would. */
function validatorSource (externalSchemas: unknown, options: AjvOptions): (route: RouteSchema) => string {
  const factory = AjvCompiler() as unknown as AjvFactory
  const compiler = factory(externalSchemas, { ...options, customOptions: { ...options.customOptions, code: { source: true } } })
  const { default: standaloneCode } = requireHere('ajv/dist/standalone') as { default: (ajv: unknown, fn: unknown) => string }
  const ajv = compiler[(AjvCompiler as unknown as AjvFactory).AjvReference]?.ajv
  return (route) => standaloneCode(ajv, compiler(route))
}

/** fast-json-stringify's standalone code of a route serialiser, its validators inlined (no Ajv at run time). */
function serializerSource (externalSchemas: unknown, options: Record<string, unknown>): (route: RouteSchema) => string {
  const compile = (SerializerSelector() as unknown as Build<Record<string, unknown>>)(externalSchemas, { ...options, mode: 'standalone', inlineValidators: true })
  return (route) => compile(route) as string
}

/**
 * Fastify's own validator and serializer compilers, remembering what they compiled. Every
 * route declares the same problem-details responses and similar queries: compiling each
 * distinct schema once instead of per route and status takes most of the start-up time off.
 * Each is compiled on its first use rather than at boot: the server listens ~0.5 s sooner,
 * and the warm-up after listen (warm-up.ts) uses the answers most asked for at once. With
 * `code`, compiled code is read from (or, building, written to) a folder: see CompiledCode.
 * `compileAll` compiles everything registered so far (the build calls it to write the code).
 */
export function cachingCompilers (code?: CompiledCode): { factory: NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>, compileAll: () => void } {
  const all: Array<() => void> = []
  const factory = {
    buildValidator: caching({
      name: 'validator',
      build: AjvCompiler() as Build<AjvOptions>,
      keyOf: (route) => JSON.stringify([route.httpPart, route.schema]),
      source: validatorSource
    }, code, all),
    buildSerializer: caching({
      name: 'serializer',
      build: SerializerSelector() as unknown as Build<Record<string, unknown>>,
      keyOf: (route) => JSON.stringify(route.schema),
      source: serializerSource
    }, code, all)
  } as never
  return { factory, compileAll: () => { for (const force of all) force() } }
}
