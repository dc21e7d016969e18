// The bodies responsible for children's social care from the project reference data
// (../shared/reference): the record of each before its council contacts are added.
import type { CouncilContactRecord } from '../../schemas/council-contact.js'
import type { BodyType, LocalAuthorityRecord } from '../../schemas/local-authority.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'

export const REFERENCE_PROVENANCE = { verified_on: '2026-11-28', review_by: '2027-02-28' }
const PROVENANCE = REFERENCE_PROVENANCE

// The Regional Emergency Social Work Service: 5pm–9am on weekdays, 24 hours at weekends
// and on bank holidays. Spans that close at or before they open run into the next day,
// so 09:00→09:00 is a full day that also covers the small hours after a weekend or holiday.
const RESWS_HOURS: ScheduleRecord = {
  timezone: 'Europe/London',
  always_open: false,
  weekly: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '17:00', closes: '09:00' },
    { days: ['sat', 'sun'], opens: '09:00', closes: '09:00' }
  ],
  bank_holidays: 'special',
  bank_holiday_spans: [{ opens: '09:00', closes: '09:00' }]
}

function niContacts (trust: Record<string, string>): CouncilContactRecord[] {
  return [
    {
      role: 'front-door',
      audience: 'public',
      team: 'Gateway Services Team',
      kind: 'phone',
      label: 'Gateway Services Team (children\'s social work), daytime',
      value: trust.gateway_team_phone as string,
      hours: null,
      verification: 'unverified',
      notes: 'Seen only on a third-party page (undated). Check nidirect.gov.uk or the trust\'s own site before relying on it.',
      sources: ['rossmar-places-of-support']
    },
    {
      role: 'out-of-hours',
      audience: 'public',
      team: 'Regional Emergency Social Work Service',
      kind: 'phone',
      label: 'Regional Emergency Social Work Service, out of hours (emergencies only)',
      value: trust.out_of_hours_phone as string,
      hours: RESWS_HOURS,
      hours_note: '5pm to 9am on weekdays; 24 hours at weekends and on bank holidays',
      verification: 'confirmed',
      notes: 'One regional service for all of Northern Ireland.',
      sources: ['western-trust-resws']
    }
  ]
}

// Trust homepages: served only where a cited page of the trust's own https site shows the
// domain; the other three were compiled by hand and are not yet confirmed.
const NI_HOMEPAGES: Record<string, string> = {
  ZC010: 'https://belfasttrust.hscni.net/', // belfast-trust-adult-protection-gateway
  ZC050: 'https://westerntrust.hscni.net/' // western-trust-resws
}

const NATIONS = { England: 'england', Wales: 'wales', Scotland: 'scotland', 'Northern Ireland': 'northern-ireland' } as const
const BODY_TYPES: Record<string, BodyType> = {
  County: 'county',
  'Unitary authority': 'unitary-authority',
  'Metropolitan district': 'metropolitan-district',
  'London borough': 'london-borough',
  'City corporation': 'city-corporation',
  'Welsh unitary authority': 'welsh-unitary-authority',
  'Scottish unitary authority': 'scottish-council',
  'Health and Social Care Trust': 'hsc-trust'
}
export const NO_CONTACTS = 'No direct children\'s social care number has been sourced for this council yet. Use the council\'s website or GOV.UK\'s council finder, or the national routes (999 if a child is in immediate danger).'

/**
 * One body from the reference data, before council contacts are added: names, codes,
 * districts, GOV.UK links, an https homepage where GOV.UK lists one, and (for the NI trusts)
 * their contacts as they stand.
 */
export function baseRecord (r: Record<string, string>, lads: Record<string, string>[], trusts: Map<string, Record<string, string>>): LocalAuthorityRecord {
  const code = r.code as string
  const trust = trusts.get(code)
  const served = lads.filter((l) => l.csa_code === code)
  const split = served.filter((l) => l.relationship === 'ni_trust_partial').map((l) => `${l.lad_name} (${l.lad_code})`)
  const homepage = r.homepage_url as string
  const niHomepage = NI_HOMEPAGES[code]
  const rec: LocalAuthorityRecord = {
    code,
    name: r.name as string,
    short_name: r.short_name as string,
    nation: NATIONS[r.nation as keyof typeof NATIONS],
    body_type: BODY_TYPES[r.body_type as string] ?? fail(`unknown body type ${r.body_type}`),
    alias_codes: (r.alias_codes as string).split('|').filter(Boolean),
    homepage_url: trust ? (niHomepage ?? null) : homepage.startsWith('https://') ? homepage : null,
    report_url: null,
    govuk_slug: r.govuk_slug || null,
    find_your_council_url: r.find_local_council_url || null,
    lad_codes: served.map((l) => l.lad_code as string),
    contacts: trust ? niContacts(trust) : [],
    shared_teams: [],
    contacts_note: trust
      ? 'The Gateway team number was seen only on a third-party page and is unverified: check nidirect.gov.uk or the trust\'s own site before dialling. Out of hours, the Regional Emergency Social Work Service covers all of Northern Ireland.'
      : NO_CONTACTS,
    sources: trust
      ? ['nidirect-reporting-child-abuse', 'mysociety-uk-local-authorities', 'postcodes-io-ccg-codes', 'northern-trust-lcg-boundaries', 'rossmar-places-of-support', 'western-trust-resws', ...(code === 'ZC010' ? ['belfast-trust-adult-protection-gateway'] : [])]
      : ['mysociety-uk-local-authorities', 'govuk-local-links-manager', 'ons-postcode-directory-2025-11'],
    ...PROVENANCE
  }
  // Never upgrade an http:// address by guesswork: keep it as a fact in the note, unserved.
  if (!trust && rec.homepage_url === null) rec.homepage_note = `GOV.UK's list gives the homepage as ${homepage} (not https); it is not served as a link until an https address is checked.`
  if (trust && niHomepage === undefined) rec.homepage_note = `${homepage} was compiled by hand and is not yet confirmed against a source, so it is not served.`
  if (split.length > 0) rec.lad_codes_note = `Shared with another trust: ${split.join(', ')}. The council-area split was compiled by hand and is unverified; a postcode-level answer (postcodes.io ccg) is better.`
  return rec
}

function fail (message: string): never { throw new Error(message) }
