import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    /** What /health/ready reports: parts still starting, and what is wrong. */
    readiness: Readiness
  }
}

export type ReadinessStatus = 'starting' | 'ready' | 'degraded'

/**
 * Parts of the app say here what they are still doing and what is wrong with them, each
 * under its own name; /health/ready reads it. The API answers throughout: `starting` and
 * `degraded` describe a server that serves, so a load balancer keeps sending it traffic.
 */
export class Readiness {
  readonly #starting = new Map<string, string>()
  readonly #problems = new Map<string, string>()

  /** A part is still getting ready, doing `what`. */
  starting (part: string, what: string): void { this.#starting.set(part, what) }

  /** A part has finished getting ready. */
  started (part: string): void { this.#starting.delete(part) }

  /** What is wrong with a part (one line), or null when it is fine again. */
  problem (part: string, reason: string | null): void {
    if (reason === null) this.#problems.delete(part)
    else this.#problems.set(part, reason)
  }

  get status (): ReadinessStatus {
    if (this.#problems.size > 0) return 'degraded'
    return this.#starting.size > 0 ? 'starting' : 'ready'
  }

  /** Every problem, then everything still starting, one line each. */
  get reasons (): string[] {
    return [...this.#problems.values(), ...this.#starting.values()]
  }
}

async function readinessPlugin (app: FastifyInstance) {
  app.decorate('readiness', new Readiness())
}

export default fp(readinessPlugin, { name: 'readiness' })
