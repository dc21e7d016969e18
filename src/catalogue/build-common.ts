import type { Nation } from '../../schemas/common.js'
import type { Contact, ContactRecord } from '../../schemas/contact.js'
import type { OrganisationRecord, OrganisationRef } from '../../schemas/organisation.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import type { Source, SourceRecord } from '../../schemas/source.js'
import { uriOf } from './contact-uris.js'

export { searchKey } from '../domain/search-key.js'

/** A contact with everything but the clock-dependent open-now fields. */
export type ContactBase = Omit<Contact, 'open_now' | 'next_change'>
export interface ContactEntry<B = ContactBase> {
  base: B
  schedule: ScheduleRecord | null
  /**
   * The nations it alone serves, when its record names them: an answer for another nation
   * leaves it out. Null: it serves wherever its service does.
   */
  only: readonly Nation[] | null
}

/** A source as served. */
export function presentSource (record: SourceRecord): Omit<Source, 'links'> {
  return {
    id: record.id,
    publisher: record.publisher,
    title: record.title,
    url: record.url,
    published: record.published,
    published_note: record.published_note ?? null,
    accessed: record.accessed,
    kind: record.kind,
    licence: record.licence ?? null,
    notes: record.notes ?? null,
    quotes: record.quotes ?? []
  }
}

export function presentOrganisationRef (record: OrganisationRecord): OrganisationRef {
  return { id: record.id, name: record.name, website: record.website }
}

/**
 * A contact as served, its URI derived once at load; it serves the nations it names, else
 * those of its service. An unverified contact keeps its value
 * for transparency but gets no URI, so no app turns it into a button to dial.
 */
export function presentContact (record: ContactRecord, serviceNations: readonly Nation[], describe: (s: ScheduleRecord) => string, hours: ScheduleRecord | null = record.hours): ContactEntry {
  const verification = record.verification ?? 'confirmed'
  const uri = uriOf(record.kind, record.value)
  const nations = record.nations ?? serviceNations
  return {
    schedule: hours,
    only: record.nations ?? null,
    base: {
      kind: record.kind,
      label: record.label,
      value: record.value,
      uri: verification === 'confirmed' && uri.ok ? uri.uri : null,
      cost: record.cost ?? null,
      languages: record.languages ?? [],
      hours: hours === null ? null : { ...hours, description: describe(hours) },
      hours_note: record.hours_note ?? null,
      verification,
      notes: record.notes ?? null,
      nations: [...nations],
      sources: record.sources ?? []
    }
  }
}

/** The record's own sources followed by its contacts' sources, each once, expanded. */
export function collectSources<S> (ids: readonly string[], contacts: ReadonlyArray<{ sources?: readonly string[] }>, sources: ReadonlyMap<string, S>): S[] {
  const all = new Set(ids)
  for (const contact of contacts) for (const id of contact.sources ?? []) all.add(id)
  // cross-check.ts has made sure every id resolves
  return [...all].map((id) => sources.get(id) as S)
}
