/**
 * The URI a device uses for a contact of a stored bundle, as the server derives it
 * (src/catalogue/contact-uri.ts). The server refuses to load a release with a number it
 * cannot parse, so a bundle holds only valid UK numbers and allowed short codes: this needs
 * no phone-number library, only the same formatting, which a test checks against the
 * server's answer for every contact in the data.
 */
const RELAY_PREFIX = '18001'
const DIALLED = new Set(['phone', 'textphone', 'relay'])
const URL_KINDS = new Set(['webchat', 'web_form', 'website', 'video_relay', 'app'])

/** E.164 for a UK number (0… or +44…), else the short code as written without spaces. */
function dialString (value: string): string {
  const compact = value.replace(/[\s()-]/g, '')
  if (compact.startsWith(RELAY_PREFIX) && compact.length > RELAY_PREFIX.length) {
    // Through a text relay the number after 18001 is dialled in national form.
    return RELAY_PREFIX + dialString(compact.slice(RELAY_PREFIX.length).replace(/^\+44/, '0')).replace(/^\+44/, '0')
  }
  if (compact.startsWith('+44')) return compact
  if (compact.startsWith('0')) return `+44${compact.slice(1)}`
  return compact
}

/** `tel:`, `sms:`, `mailto:` or the https URL; null for an app named without a link. */
export function contactUri (kind: string, value: string): string | null {
  if (DIALLED.has(kind)) return `tel:${dialString(value)}`
  if (kind === 'text') return `sms:${dialString(value)}`
  if (kind === 'email') return `mailto:${value}`
  if (!URL_KINDS.has(kind)) return null
  if (kind === 'app' && !/^[a-z]+:/i.test(value)) return null
  return new URL(value).href
}
