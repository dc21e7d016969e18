// Writes data/releases/<release>/local-authorities.yaml (default 2026-11-28): the 212 bodies responsible for
// children's social care, from the shared reference CSVs plus the few council contacts
// sourced in shared/sources/council-contacts.md (facts only, hard-coded below with their
// source ids). Run: npx tsx scripts/build-local-authorities.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Document, Scalar, isMap, isScalar, isSeq, visit } from 'yaml'
import { ContactRecordSchema, type ContactRecord } from '../schemas/contact.js'
import { LocalAuthorityRecordSchema, type BodyType, type LocalAuthorityRecord } from '../schemas/local-authority.js'
import type { ScheduleRecord } from '../schemas/schedule.js'
import { contactUri } from '../src/catalogue/contact-uri.js'
import { validateRecords } from '../src/catalogue/validate-records.js'
import { readReferenceCsv } from './reference-csv.js'

// The release to write into: an unpublished one (`npm run data:local-authorities -- <id>`).
const RELEASE = process.argv[2] ?? '2026-11-28'
const OUT = new URL(`../data/releases/${RELEASE}/local-authorities.yaml`, import.meta.url).pathname
const SOURCES = new URL(`../data/releases/${RELEASE}/sources.yaml`, import.meta.url).pathname
const PROVENANCE = { verified_on: '2026-11-28', review_by: '2027-02-28' }

const WEEKDAYS_9_TO_5 = (bankHolidays: ScheduleRecord['bank_holidays']): ScheduleRecord => ({
  timezone: 'Europe/London', always_open: false, weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }], bank_holidays: bankHolidays
})
const phone = (label: string, value: string, source: string, more: Partial<ContactRecord> = {}): ContactRecord =>
  ({ kind: 'phone', label, value, hours: null, verification: 'confirmed', ...more, sources: [source] })
const page = (label: string, value: string, source: string): ContactRecord =>
  ({ kind: 'website', label, value, hours: null, verification: 'confirmed', sources: [source] })

const CORNWALL_PAGE = 'https://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/'
const NORFOLK_PAGE = 'https://www.norfolk.gov.uk/children-and-families/keeping-children-safe/report-concerns'

/** Council contacts seen on the councils' own pages (shared/sources/council-contacts.md). */
const COUNCIL_CONTACTS: Record<string, { contacts: ContactRecord[], note: string }> = {
  E06000052: {
    contacts: [
      phone('Multi Agency Referral Unit (MARU), daytime', '0300 123 1116', 'cornwall-council-child-protection', { hours_note: 'Daytime; the hours are not stated' }),
      phone('Out of hours', '01208 251300', 'cornwall-council-out-of-hours', { hours_note: 'Outside office hours; the hours are not stated' }),
      page('Child protection and safeguarding: report a concern', CORNWALL_PAGE, 'cornwall-council-child-protection')
    ],
    note: 'Numbers seen on the council\'s own pages, which show no date. Check the council\'s page before relying on them.'
  },
  E10000020: {
    contacts: [
      phone('Report a concern about a child, day and night', '0344 800 8020', 'norfolk-county-council-report-concerns', {
        hours_note: 'Out of hours, calls go to the out-of-hours staff; opening times are not stated',
        notes: 'This is also the council\'s general customer-service number.'
      }),
      page('Report concerns about a child', NORFOLK_PAGE, 'norfolk-county-council-report-concerns')
    ],
    note: 'Seen on the council\'s own page, which shows no date (its wording suggests 2020–21). The number is also the council\'s general customer-service line.'
  },
  E09000012: {
    contacts: [
      phone('Children\'s social care, daytime', '020 8356 5500', 'hackney-education-child-protection', { hours: WEEKDAYS_9_TO_5('closed') }),
      phone('Emergency Duty Team, out of hours', '020 8356 2710', 'hackney-education-child-protection', { hours_note: 'When the daytime line is closed; the hours are not stated' })
    ],
    note: 'Seen on the council\'s child protection page, which shows no date. The daytime line is open 9am to 5pm, Monday to Friday, not on bank holidays.'
  },
  E09000033: {
    contacts: [
      phone('Children\'s Services, daytime', '020 7641 4000', 'westminster-child-abuse-prevention', { hours: WEEKDAYS_9_TO_5('unknown') }),
      phone('Council out-of-hours line', '020 7641 6000', 'westminster-child-abuse-prevention', {
        hours_note: 'Outside 9am to 5pm on weekdays',
        notes: 'The council\'s general out-of-hours line, not a children\'s services line.'
      })
    ],
    note: 'Seen on a council page published 16 January 2021 and updated 14 July 2022. Bank holiday opening of the daytime line is not stated.'
  }
}

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

function niContacts (trust: Record<string, string>): ContactRecord[] {
  return [
    phone('Gateway Services Team (children\'s social work), daytime', trust.gateway_team_phone as string, 'rossmar-places-of-support', {
      verification: 'unverified',
      notes: 'Seen only on a third-party page (undated). Check nidirect.gov.uk or the trust\'s own site before relying on it.'
    }),
    phone('Regional Emergency Social Work Service, out of hours (emergencies only)', trust.out_of_hours_phone as string, 'western-trust-resws', {
      hours: RESWS_HOURS,
      hours_note: '5pm to 9am on weekdays; 24 hours at weekends and on bank holidays',
      notes: 'One regional service for all of Northern Ireland.'
    })
  ]
}

// Trust homepages: served only where a cited page of the trust's own https site shows the
// domain; the other three were compiled by hand and are not yet confirmed.
const NI_HOMEPAGES: Record<string, string> = {
  ZC010: 'https://belfasttrust.hscni.net/', // belfast-trust-adult-protection-gateway
  ZC050: 'https://westerntrust.hscni.net/' // western-trust-resws
}

/** Fields of one line: the reference files quote names holding commas, never newlines. */

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
const NO_CONTACTS = 'No direct children\'s social care number has been sourced for this council yet. Use the council\'s website or GOV.UK\'s council finder, or the national routes (999 if a child is in immediate danger).'

function record (r: Record<string, string>, lads: Record<string, string>[], trusts: Map<string, Record<string, string>>): LocalAuthorityRecord {
  const code = r.code as string
  const trust = trusts.get(code)
  const served = lads.filter((l) => l.csa_code === code)
  const split = served.filter((l) => l.relationship === 'ni_trust_partial').map((l) => `${l.lad_name} (${l.lad_code})`)
  const homepage = r.homepage_url as string
  const niHomepage = NI_HOMEPAGES[code]
  const council = COUNCIL_CONTACTS[code]
  const rec: LocalAuthorityRecord = {
    code,
    name: r.name as string,
    short_name: r.short_name as string,
    nation: NATIONS[r.nation as keyof typeof NATIONS],
    body_type: BODY_TYPES[r.body_type as string] ?? fail(`unknown body type ${r.body_type}`),
    alias_codes: (r.alias_codes as string).split('|').filter(Boolean),
    homepage_url: trust ? (niHomepage ?? null) : homepage.startsWith('https://') ? homepage : null,
    govuk_slug: r.govuk_slug || null,
    find_your_council_url: r.find_local_council_url || null,
    lad_codes: served.map((l) => l.lad_code as string),
    contacts: trust ? niContacts(trust) : council?.contacts ?? [],
    contacts_note: trust
      ? 'The Gateway team number was seen only on a third-party page and is unverified: check nidirect.gov.uk or the trust\'s own site before dialling. Out of hours, the Regional Emergency Social Work Service covers all of Northern Ireland.'
      : council?.note ?? NO_CONTACTS,
    sources: trust
      ? ['nidirect-reporting-child-abuse', 'mysociety-uk-local-authorities', 'postcodes-io-ccg-codes', 'northern-trust-lcg-boundaries', 'rossmar-places-of-support', 'western-trust-resws', ...(code === 'ZC010' ? ['belfast-trust-adult-protection-gateway'] : [])]
      : ['mysociety-uk-local-authorities', 'govuk-local-links-manager', 'ons-postcode-directory-2025-11', ...new Set(council?.contacts.flatMap((c) => c.sources ?? []))],
    ...PROVENANCE
  }
  // Never upgrade an http:// address by guesswork: keep it as a fact in the note, unserved.
  if (!trust && rec.homepage_url === null) rec.homepage_note = `GOV.UK's list gives the homepage as ${homepage} (not https); it is not served as a link until an https address is checked.`
  if (trust && niHomepage === undefined) rec.homepage_note = `${homepage} was compiled by hand and is not yet confirmed against a source, so it is not served.`
  if (split.length > 0) rec.lad_codes_note = `Shared with another trust: ${split.join(', ')}. The council-area split was compiled by hand and is unverified; a postcode-level answer (postcodes.io ccg) is better.`
  return ordered(rec, LocalAuthorityRecordSchema.properties)
}

/** Keys in the schema's order, so a reader meets each note right after its field. */
function ordered<T extends object> (value: T, properties: object): T {
  const keys = Object.keys(properties)
  const entries = Object.entries(value).sort(([a], [b]) => keys.indexOf(a) - keys.indexOf(b))
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'contacts' ? (v as ContactRecord[]).map((c) => ordered(c, ContactRecordSchema.properties)) : v])) as T
}

/** House style of the hand-written files: short lists and spans in flow style, times quoted. */
function styled (records: LocalAuthorityRecord[]): Document {
  // No anchors/aliases: each trust's RESWS hours are written out in full.
  const doc = new Document(records, { aliasDuplicateObjects: false })
  visit(doc, {
    Seq (_, node) { if (node.items.every(isScalar)) node.flow = true },
    Map (_, node) { if (node.items.length <= 3 && node.items.every((p) => isScalar(p.value) || (isSeq(p.value) && p.value.items.every(isScalar)))) node.flow = true },
    Scalar (_, node) { if (typeof node.value === 'string' && /^\d\d:\d\d$/.test(node.value)) node.type = Scalar.QUOTE_SINGLE }
  })
  if (isSeq(doc.contents)) doc.contents.items.forEach((item, i) => { if (i > 0 && isMap(item)) item.spaceBefore = true })
  return doc
}

function fail (message: string): never { throw new Error(message) }

function main (): void {
  const lads = readReferenceCsv('lad_to_childrens_services_authority.csv')
  const trusts = new Map(readReferenceCsv('ni_hsc_trusts.csv').map((t) => [t.code as string, t]))
  const records = readReferenceCsv('childrens_services_authorities.csv').map((r) => record(r, lads, trusts))
    .sort((a, b) => a.code.localeCompare(b.code))
  // The same checks the server runs at boot: schema, phone numbers and https URLs, and
  // (once sources.yaml is there) that every source id resolves.
  validateRecords('local-authorities.yaml', records, LocalAuthorityRecordSchema)
  const known = existsSync(SOURCES) ? new Set([...readFileSync(SOURCES, 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1])) : null
  for (const rec of records) {
    for (const c of rec.contacts) { const uri = contactUri(c.kind, c.value); if (!uri.ok) fail(`${rec.code}: ${c.value}: ${uri.detail}`) }
    const ids = [...rec.sources, ...rec.contacts.flatMap((c) => c.sources ?? [])]
    for (const id of ids) if (known !== null && !known.has(id)) fail(`${rec.code}: source ${id} is not in sources.yaml`)
  }
  const byNation = records.reduce<Record<string, number>>((n, r) => ({ ...n, [r.nation]: (n[r.nation] ?? 0) + 1 }), {})
  const expected = { england: 153, wales: 22, scotland: 32, 'northern-ireland': 5 }
  for (const [nation, n] of Object.entries(expected)) if (byNation[nation] !== n) fail(`expected ${n} records for ${nation}`)
  const missing = Object.keys(COUNCIL_CONTACTS).filter((c) => !records.some((r) => r.code === c))
  if (missing.length > 0) fail(`council contacts for unknown codes ${missing.join(', ')}`)
  const doc = styled(records)
  doc.commentBefore = [
    ' Bodies responsible for children\'s social care (153 England, 22 Wales, 32 Scotland, 5 NI HSC Trusts).',
    ' Generated by scripts/build-local-authorities.ts from the project reference data (2026-11-28):',
    ' UK Local Authority Names and Codes, © mySociety, CC BY 4.0; GOV.UK local-links-manager',
    ' (MIT, © Crown copyright, Government Digital Service). Contacts only where a source was found.'
  ].join('\n')
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, doc.toString({ lineWidth: 0, flowCollectionPadding: false }))
  console.log(`wrote ${records.length} records to ${OUT}: ${JSON.stringify(byNation)}`)
}

main()
