import { v5 as uuidv5 } from 'uuid'

/**
 * The namespace of every id in the HSDS view, chosen once for this API. It must never change:
 * directories keep our ids, and an id that moved would look like a new service.
 */
export const HSDS_NAMESPACE = 'd2ed271f-301c-4023-8bc2-b16058d0779a'

/**
 * The HSDS id (a UUID, as the profile's `format: uuid` asks) of a record of this API: UUIDv5
 * of its kind and our own stable ids (slugs, GSS codes), so the same record has the same id
 * in every release, and a different record never shares one.
 */
export function hsdsId (...parts: readonly string[]): string {
  return uuidv5(parts.join('/'), HSDS_NAMESPACE)
}
