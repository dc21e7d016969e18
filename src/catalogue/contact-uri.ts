import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { ContactKind } from '../../schemas/contact.js'
import { useUriResolver } from './contact-uris.js'

/**
 * UK short codes that are not in the national numbering plan but are dialled as written:
 * emergency (999, 112), police non-emergency (101), NHS (111), Samaritans (116 123),
 * the text-relay emergency prefix (18000) and charity text short codes seen in the sources.
 */
export const SHORT_CODES = new Set(['999', '112', '101', '111', '116123', '116111', '18000', '84001'])
/** Relay UK: 18001 before any number reaches it through a text relay assistant. */
const RELAY_PREFIX = '18001'

export type UriResult = { ok: true, uri: string | null } | { ok: false, rule: string, detail: string }

const DIALLED_KINDS = new Set<ContactKind>(['phone', 'textphone', 'relay'])
const URL_KINDS = new Set<ContactKind>(['webchat', 'web_form', 'website', 'video_relay', 'app'])

function dialString (value: string): { ok: true, uri: string } | { ok: false, rule: string, detail: string } {
  const compact = value.replace(/[\s()-]/g, '')
  if (SHORT_CODES.has(compact)) return { ok: true, uri: compact }
  if (compact.startsWith(RELAY_PREFIX) && compact.length > RELAY_PREFIX.length) {
    const inner = dialString(compact.slice(RELAY_PREFIX.length).replace(/^\+44/, '0'))
    return inner.ok ? { ok: true, uri: RELAY_PREFIX + (inner.uri ?? '').replace(/^\+44/, '0') } : inner
  }
  const parsed = parsePhoneNumberFromString(value, 'GB')
  if (parsed?.isValid() !== true) return { ok: false, rule: 'uk-phone', detail: 'not a valid UK phone number or allowed short code' }
  return { ok: true, uri: parsed.number }
}

/**
 * The URI a device uses for a contact, derived from the value as people write it:
 * `tel:` in E.164 (or the short code), `sms:`, `mailto:` or the https URL itself.
 */
export function contactUri (kind: ContactKind, value: string): UriResult {
  if (DIALLED_KINDS.has(kind)) {
    const dial = dialString(value)
    return dial.ok ? { ok: true, uri: `tel:${dial.uri}` } : dial
  }
  if (kind === 'text') {
    const dial = dialString(value)
    return dial.ok ? { ok: true, uri: `sms:${dial.uri}` } : dial
  }
  if (kind === 'email') {
    return /^[^\s@<>]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value)
      ? { ok: true, uri: `mailto:${value}` }
      : { ok: false, rule: 'email', detail: 'not an email address' }
  }
  /* c8 ignore next */
  if (!URL_KINDS.has(kind)) return { ok: false, rule: 'contact-kind', detail: `no URI rule for kind ${kind}` }
  // An app may be named without a store link: people can find it by name, there is nothing to open.
  if (kind === 'app' && !/^[a-z]+:/i.test(value)) return { ok: true, uri: null }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, rule: 'https-url', detail: 'not a URL' }
  }
  if (url.protocol !== 'https:') return { ok: false, rule: 'https-url', detail: 'URLs must use https' }
  return { ok: true, uri: url.href }
}

// Building a catalogue asks contact-uris.ts; once this module is loaded it answers there.
useUriResolver(contactUri)
