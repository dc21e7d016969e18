import type { ContactKind } from '../../../schemas/contact.js'
import type { HSDS_PHONE_TYPES, HsdsLanguage, HsdsPhone } from '../../../schemas/hsds/service.js'
import type { ContactBase } from '../../catalogue/build-common.js'
import { hsdsId } from './ids.js'
import { EXTRA_LANGUAGE_NAMES } from './vocabulary.js'

type PhoneType = typeof HSDS_PHONE_TYPES[number]

/**
 * Our contact kinds that are numbers, and their HSDS phone type. Relay UK numbers (18000,
 * 18001 …) are dialled from a textphone or the Relay UK app. A video relay is a phone only
 * when it has a number; 999 BSL is a web page, so it stays among the other ways in.
 */
const PHONE_TYPES: Partial<Record<ContactKind, PhoneType>> = {
  phone: 'voice',
  text: 'text',
  textphone: 'textphone',
  relay: 'textphone',
  video_relay: 'video'
}

const languageNames = new Intl.DisplayNames(['en-GB'], { type: 'language', fallback: 'none' })

/** The English name of a language code, when known. */
export function languageName (code: string): string | undefined {
  return EXTRA_LANGUAGE_NAMES[code] ?? languageNames.of(code)
}

/** A language of a service or of one of its phones. */
export function languageOf (code: string, owner: { service_id: string } | { phone_id: string }): HsdsLanguage {
  const ownerId = 'service_id' in owner ? `service/${owner.service_id}` : `phone/${owner.phone_id}`
  const name = languageName(code)
  return { id: hsdsId('language', ownerId, code), ...owner, ...(name === undefined ? {} : { name }), code }
}

/** Short texts as sentences: each starts with a capital and ends with a full stop; empty ones are left out. */
export function sentences (...parts: ReadonlyArray<string | null | undefined>): string {
  return parts.filter((p): p is string => p !== null && p !== undefined && p.trim() !== '')
    .map((p) => p.trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()).replace(/([^.!?])$/, '$1.')).join(' ')
}

/** Whether a contact is confirmed: an unverified one has no URI and is never offered to dial. */
export function isConfirmed (contact: ContactBase): boolean {
  return contact.verification === 'confirmed' && contact.uri !== null
}

/** What the mapping knows of a contact beyond its own fields. */
export interface PhoneContext {
  /** Our own key of the contact within its service (its kind and value, and its role when a number serves two). */
  contactKey: string
  /** The team (in the service's `contacts`) that answers it. */
  contactId?: string
  /** Sentences saying what the number is for, after its label (a council's role, team, shared team). */
  about?: readonly string[]
}

/** The HSDS phone for a confirmed contact that is a number to call or text; undefined otherwise. */
export function phoneOf (serviceId: string, serviceKey: string, contact: ContactBase, context: PhoneContext): HsdsPhone | undefined {
  const type = PHONE_TYPES[contact.kind]
  if (type === undefined || !isConfirmed(contact) || !/^(?:tel|sms):/.test(contact.uri ?? '')) return undefined
  const id = hsdsId('phone', serviceKey, context.contactKey)
  const languages = contact.languages.map((code) => languageOf(code, { phone_id: id }))
  return {
    id,
    service_id: serviceId,
    ...(context.contactId === undefined ? {} : { contact_id: context.contactId }),
    number: contact.value,
    type,
    description: sentences(contact.label, ...(context.about ?? []), contact.cost === null ? null : `Cost: ${contact.cost}`, contact.hours_note ?? contact.hours?.description, contact.notes),
    ...(languages.length === 0 ? {} : { languages })
  }
}
