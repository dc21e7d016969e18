import type { LocalAuthority, LocalAuthorityRecord, LocalAuthorityRef } from '../../schemas/local-authority.js'
import { collectSources, presentContact, searchKey } from './build-common.js'
import type { BuildContext } from './build-helplines.js'
import type { ServiceEntry } from './entries.js'

export interface LocalAuthorityEntry extends ServiceEntry<Omit<LocalAuthority, 'contacts' | 'stale'>> {
  ref: LocalAuthorityRef
}

/** A children's-services authority as served, minus its clock-dependent fields. */
export function buildLocalAuthority (record: LocalAuthorityRecord, ctx: BuildContext): LocalAuthorityEntry {
  const self = ctx.links.to(`/v1/local-authorities/${record.code}`)
  return {
    base: {
      code: record.code,
      name: record.name,
      short_name: record.short_name,
      nation: record.nation,
      body_type: record.body_type,
      alias_codes: record.alias_codes,
      homepage_url: record.homepage_url,
      homepage_note: record.homepage_note ?? null,
      govuk_slug: record.govuk_slug,
      find_your_council_url: record.find_your_council_url,
      lad_codes: record.lad_codes,
      lad_codes_note: record.lad_codes_note ?? null,
      contacts_note: record.contacts_note,
      sources: collectSources(record.sources, record.contacts, ctx.sources),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self }
    },
    ref: { code: record.code, name: record.name, nation: record.nation, links: { self } },
    contacts: record.contacts.map((c) => presentContact(c, ctx.describeSchedule)),
    nations: [record.nation],
    search: searchKey(record.name, record.short_name)
  }
}
