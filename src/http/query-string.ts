import { parse } from 'fast-querystring'

/**
 * The query string parser, given to Fastify (app.ts) and used by the fast lane, so both read a
 * URL's parameters alike. The same as Fastify's own default (find-my-way's).
 */
export function parseQuery (query: string): Record<string, unknown> {
  return query.length === 0 ? {} : parse(query)
}
