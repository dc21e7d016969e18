export { createSafeguardingClient, type ApiClient, type ClientMedia, type ClientOptions, type HelplineQuestion, type ReportingChannelQuestion, type RouteQuestion, type SafeguardingClient } from './client.js'
export type * from './types.js'
export type { paths, components, operations } from '../generated/openapi.js'
