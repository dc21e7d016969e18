import type { Problem } from '../../schemas/problem.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

/** Titles of the kinds of problem this API reports; the key is the last segment of `type`. */
export const PROBLEM_TITLES = {
  'invalid-parameter': 'A request parameter is not valid',
  'not-found': 'Not found',
  'unknown-release': 'No such data release',
  'not-acceptable': 'No acceptable representation',
  'method-not-allowed': 'Method not allowed',
  'rate-limited': 'Too many requests',
  overloaded: 'Service temporarily overloaded',
  unavailable: 'Service unavailable',
  'bad-request': 'Bad request',
  'internal-error': 'Internal error'
} as const
export type ProblemKind = keyof typeof PROBLEM_TITLES

export interface ProblemInput {
  kind: ProblemKind
  status: number
  detail: string
  instance: string
  requestId: string
  extra?: Pick<Problem, 'errors' | 'known_releases' | 'allowed_values'>
}

/** An RFC 9457 problem details object. `type` resolves against the API's own origin. */
export function problem (base: string, input: ProblemInput): Problem {
  return {
    type: `${base}/problems/${input.kind}`,
    title: PROBLEM_TITLES[input.kind],
    status: input.status,
    detail: input.detail,
    instance: input.instance,
    request_id: input.requestId,
    ...input.extra
  }
}
