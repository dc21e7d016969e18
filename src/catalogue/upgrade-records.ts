import type { CouncilContactRecord } from '../../schemas/council-contact.js'
import type { ContactRecord } from '../../schemas/contact.js'
import type { LocalAuthorityRecordV1 } from '../../schemas/legacy/local-authority-v1.js'
import type { LocalAuthorityRecord } from '../../schemas/local-authority.js'
import type { DatasetRecords } from './datasets.js'

/**
 * The role of a format-1 council contact. Those releases hold nine council contacts, each
 * labelled with when it answers ("…, daytime", "Out of hours", "…, day and night"); the
 * labels say it, so nothing is guessed (test/catalogue/upgrade-records.test.ts checks all nine).
 */
function roleOf (contact: ContactRecord): CouncilContactRecord['role'] {
  if (/out[- ]of[- ]hours/i.test(contact.label)) return 'out-of-hours'
  if (/day and night/i.test(contact.label)) return 'all-hours'
  return 'front-door'
}

/**
 * A format-1 local authority in the current shape. Its contacts were all taken from pages for
 * the public; its report-a-concern page was a `website` contact and becomes `report_url`.
 */
export function upgradeLocalAuthorityV1 (record: LocalAuthorityRecordV1): LocalAuthorityRecord {
  const { contacts, ...rest } = record
  const reportPage = contacts.find((c) => c.kind === 'website')
  return {
    ...rest,
    report_url: reportPage?.value ?? null,
    contacts: contacts.filter((c) => c !== reportPage).map(({ sources, ...c }) => ({
      role: roleOf(c),
      audience: 'public',
      ...c,
      // Format 1 let a contact rely on its record's sources; the record's are the fallback.
      sources: sources ?? record.sources
    })),
    shared_teams: []
  }
}

/** A release's records in the current format, whatever format they were written in. */
export function upgradeRecords (format: number, records: DatasetRecords): DatasetRecords {
  if (format >= 2) return records
  const localAuthorities = records.localAuthorities as unknown as LocalAuthorityRecordV1[]
  return { ...records, localAuthorities: localAuthorities.map(upgradeLocalAuthorityV1) }
}
