// Shared by the examples: where the API is, and the stored offline pack if there is one.
import { readFileSync } from 'node:fs'
import { createSafeguardingClient, type OfflinePack } from 'safeguarding-api-client'

const packFile = process.env.SAFEGUARDING_OFFLINE_PACK
const offline = packFile === undefined ? undefined : JSON.parse(readFileSync(packFile, 'utf8')) as OfflinePack

export const sg = createSafeguardingClient({
  baseUrl: process.env.SAFEGUARDING_API_URL ?? 'http://127.0.0.1:3000',
  offline,
  timeoutMs: 3000
})
