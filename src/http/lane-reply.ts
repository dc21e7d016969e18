import type { Catalogue } from '../catalogue/build-catalogue.js'
import type { Prepared } from './prepared.js'
import type { CachePolicy } from './send-prepared.js'

/**
 * What a route's handler gets for a reply when the fast lane runs it for a URL the lane has
 * not seen (fast-lane.ts): it can serialise through the route's 200 schema and hand back a
 * prepared answer (respond.ts does both), nothing else. Anything else a handler does with
 * it throws, and the request goes to Fastify as usual.
 */
export class LaneReply {
  answered: { prepared: Prepared, policy: CachePolicy, owner: Catalogue } | undefined

  readonly #serializer: ((data: unknown) => string) | undefined

  constructor (serializer: ((data: unknown) => string) | undefined) {
    this.#serializer = serializer
  }

  getSerializationFunction (): ((data: unknown) => string) | undefined {
    return this.#serializer
  }

  answer (prepared: Prepared, policy: CachePolicy, owner: Catalogue): this {
    this.answered = { prepared, policy, owner }
    return this
  }
}

export function isLaneReply (reply: unknown): reply is LaneReply {
  return reply instanceof LaneReply
}
