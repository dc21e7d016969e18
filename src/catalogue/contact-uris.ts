import type { ContactKind } from '../../schemas/contact.js'
import type { UriResult } from './contact-uri.js'

// Building a catalogue needs every contact's URI. Working them out needs libphonenumber's
// metadata (~0.1 s to load), which a boot from the data cache does without: the cache holds
// the URIs of the data it was made from (data-cache.ts), and contact-uri.ts, once loaded,
// works out any other.

const known = new Map<string, UriResult>()
let resolve: ((kind: ContactKind, value: string) => UriResult) | undefined

const keyOf = (kind: string, value: string) => `${kind}\n${value}`

/** Remembers URIs worked out before: [kind, value, result]. */
export function rememberUris (entries: Iterable<[string, string, UriResult]>): void {
  for (const [kind, value, result] of entries) known.set(keyOf(kind, value), result)
}

/** How to work out a URI not remembered (contact-uri.ts registers itself when loaded). */
export function useUriResolver (resolver: (kind: ContactKind, value: string) => UriResult): void {
  resolve = resolver
}

/** A URI neither remembered nor workable out yet: load contact-uri.ts and build again. */
export class UriNotKnown extends Error {}

/** A contact's URI, remembered or worked out. Throws UriNotKnown when neither can be done. */
export function uriOf (kind: ContactKind, value: string): UriResult {
  const hit = known.get(keyOf(kind, value))
  if (hit !== undefined) return hit
  if (resolve === undefined) throw new UriNotKnown(`no URI known for the ${kind} contact "${value}", and contact-uri.ts is not loaded`)
  return resolve(kind, value)
}
