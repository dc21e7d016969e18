import AjvCompiler from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type RouteSchema = { schema: unknown, httpPart?: string, httpStatus?: string, contentType?: string }
type Build<O> = (externalSchemas: unknown, options: O) => (route: RouteSchema) => unknown

type Compiled = ((data: unknown) => unknown) & { errors?: unknown }

/** A validator or serialiser compiled on its first call; it carries the compiled one's errors. */
function lazy (compile: () => Compiled): Compiled {
  let fn: Compiled | undefined
  const run: Compiled = (data) => {
    fn ??= compile()
    const result = fn(data)
    run.errors = fn.errors
    return result
  }
  return run
}

/** Compiles each distinct schema once, however many routes and statuses share it. */
function caching<O> (build: Build<O>, keyOf: (route: RouteSchema) => string): Build<O> {
  const compiled = new Map<string, unknown>()
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    const externals = Object.keys(externalSchemas as object).join(',')
    return (route) => {
      const key = `${externals}|${keyOf(route)}`
      let fn = compiled.get(key)
      if (fn === undefined) {
        fn = lazy(() => compile(route) as Compiled)
        compiled.set(key, fn)
      }
      return fn
    }
  }
}

/**
 * Fastify's own validator and serializer compilers, remembering what they compiled. Every
 * route declares the same problem-details responses and similar queries: compiling each
 * distinct schema once instead of per route and status takes most of the start-up time off.
 * Each is compiled on its first use rather than at boot: the server listens ~0.5 s sooner,
 * and the warm-up after listen (warm-up.ts) uses the answers most asked for at once.
 */
export function cachingCompilers (): NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']> {
  return {
    buildValidator: caching(AjvCompiler() as Build<unknown>, (route) => JSON.stringify([route.httpPart, route.schema])),
    buildSerializer: caching(SerializerSelector() as Build<unknown>, (route) => JSON.stringify(route.schema))
  } as never
}
