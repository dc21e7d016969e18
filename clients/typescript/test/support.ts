import { createSafeguardingClient, type ClientOptions } from '../src/index.js'

/** The API the runner (scripts/test-client.ts) started, and an address where nothing listens. */
export const API_URL = process.env.SAFEGUARDING_API_URL ?? 'http://127.0.0.1:3000'
export const UNREACHABLE_URL = process.env.SAFEGUARDING_UNREACHABLE_URL ?? 'http://127.0.0.1:9'

export const online = (options: Partial<ClientOptions> = {}) => createSafeguardingClient({ baseUrl: API_URL, ...options })
export const offline = (pack: NonNullable<ClientOptions['offline']>, options: Partial<ClientOptions> = {}) =>
  createSafeguardingClient({ baseUrl: UNREACHABLE_URL, offline: pack, timeoutMs: 2000, ...options })
