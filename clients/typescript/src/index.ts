export { createSafeguardingClient } from './client.js'
export type * from './api.js'
export type * from './types.js'
export type { paths, components, operations } from '../generated/openapi.js'
