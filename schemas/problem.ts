import { Type, type Static } from '@sinclair/typebox'

export const ProblemFieldErrorSchema = Type.Object({
  name: Type.String({ description: 'The parameter or header at fault, e.g. `nation`' }),
  in: Type.Union([Type.Literal('query'), Type.Literal('path'), Type.Literal('header')]),
  reason: Type.String({ description: 'What is wrong with it, without echoing the value sent' })
}, { $id: 'ProblemFieldError', additionalProperties: false })

/**
 * RFC 9457 problem details. `instance` is the path only: a query string may hold a
 * postcode or search text, so it is never echoed.
 */
export const ProblemSchema = Type.Object({
  type: Type.String({ description: 'A URI reference naming the kind of problem' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String(),
  instance: Type.String({ description: 'The request path, without its query string' }),
  request_id: Type.String(),
  errors: Type.Optional(Type.Array(Type.Ref('ProblemFieldError'))),
  known_releases: Type.Optional(Type.Array(Type.String(), { description: 'For an unknown release: the releases this server holds' })),
  allowed_values: Type.Optional(Type.Array(Type.String(), { description: 'For an unknown value: the values that are accepted' }))
}, { $id: 'Problem', additionalProperties: false })
export type Problem = Static<typeof ProblemSchema>

/** A response entry for an error status: RFC 9457 problem details, as OpenAPI shows it. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref('Problem') } }
})

/** 304 answers carry no body: the client's copy is still right. */
export const NotModifiedResponse = { description: 'Not modified: the copy named in If-None-Match is current', type: 'null' } as const
