// Shared by the finite-numbers plugin (src/plugins) and the fast lane, which runs routes itself.

/** What a number-typed query value may look like: plain decimal digits, no exponent or words. */
const PLAIN_NUMBER = /^[+-]?\d{1,15}(?:\.\d+)?$/

/** Stands in for a value that is not plain digits: Ajv cannot coerce it, so it reports the parameter. */
const NOT_A_NUMBER = 'not-a-number'

/** The names of a querystring schema's number-typed parameters. */
export function numericParams (querystring: unknown): string[] {
  const properties = (querystring as { properties?: Record<string, { type?: string }> } | undefined)?.properties ?? {}
  return Object.entries(properties).filter(([, p]) => p.type === 'integer' || p.type === 'number').map(([name]) => name)
}

/**
 * Replaces each named value that is not plain digits by one Ajv refuses, so the 400 names it:
 * Ajv would coerce "Infinity", "1e400" or "0x10" and let a non-finite number past its bounds.
 */
export function guardNumbers (query: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const value = query[name]
    if (typeof value === 'string' && !PLAIN_NUMBER.test(value)) query[name] = NOT_A_NUMBER
  }
}
