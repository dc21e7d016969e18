import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { defaultDataDir } from './paths.js'

export const ConfigSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)), {
    default: 'info', description: 'pino log level'
  }),
  DATA_DIR: Type.String({ minLength: 1, default: defaultDataDir, description: 'Folder holding releases/ and geography/' }),
  TRUST_PROXY: Type.String({
    minLength: 1,
    default: 'false',
    description: 'Whether to trust X-Forwarded-* headers: false, true, a hop count, or a comma-separated list of proxy addresses/CIDRs'
  }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 1200, description: 'Requests per client per window (generous: schools share one address)' }),
  RATE_LIMIT_WINDOW: Type.String({ minLength: 1, default: '1 minute', description: 'Rate-limit window, e.g. "1 minute" or a number of milliseconds' }),
  MAX_EVENT_LOOP_DELAY: Type.Integer({ minimum: 0, maximum: 60_000, default: 1000, description: 'Event-loop delay (ms) from which requests get 503 at once instead of waiting; 0 turns the overload guard off' }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://', description: 'When set, rate-limit counters are shared in Redis' })),
  POSTCODES_IO_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'postcodes.io-compatible server for postcodes the bundled index lacks' })),
  POSTCODES_IO_TIMEOUT: Type.Integer({ minimum: 1, maximum: 60_000, default: 1500, description: 'Milliseconds to wait for the postcode upstream before answering without it' }),
  SECURITY_CONTACT: Type.String({
    pattern: '^(?:mailto:|https://)',
    default: 'mailto:security@example.org',
    description: 'Contact line of /.well-known/security.txt (mailto: or https:). The default is a placeholder: set it'
  }),
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(?:/[^?#]*[^/?#])?$', description: 'Absolute base URL used in links, e.g. https://api.example.org (no trailing slash)' }))
})
export type Config = Static<typeof ConfigSchema>

/**
 * Reads and validates the configuration from the environment. Throws one error naming
 * every bad variable, so a misconfigured server never starts. TypeBox's own checker, not Ajv:
 * building an Ajv instance (env-schema made one on import) was ~100 ms of every start.
 */
export function loadConfig (env: Record<string, string | undefined> = process.env): Config {
  const given = Object.fromEntries(Object.keys(ConfigSchema.properties).filter((name) => env[name] !== undefined).map((name) => [name, env[name]]))
  const config = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, given))
  // The value itself is not repeated: it may hold a secret (a password in REDIS_URL).
  const faults = [...Value.Errors(ConfigSchema, config)].map((e) => `${e.path.slice(1)} ${describeFault(e.schema, e.message)}`)
  if (faults.length > 0) throw new Error(`Invalid configuration: ${[...new Set(faults)].join('; ')}`)
  return config as Config
}

function describeFault (schema: TSchema, message: string): string {
  const allowed = (schema.anyOf as TSchema[] | undefined)?.map((option) => option.const as string)
  return allowed === undefined ? message.toLowerCase() : `expected one of ${allowed.join(', ')}`
}

/**
 * Configuration for tests and tools: defaults plus overrides, without reading process.env.
 * The overload guard is off: on a busy host a test's pauses are not overload (the overload
 * tests turn it on themselves).
 */
export function testConfig (overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY: 0, ...overrides }
}

/** Fastify's `trustProxy` option from the TRUST_PROXY variable. */
export function trustProxyOption (value: string): boolean | number | string {
  if (value === 'true') return true
  if (value === 'false') return false
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
