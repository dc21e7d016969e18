// Writes the council data of an unpublished release:
//   local-authorities.yaml  the 212 bodies responsible for children's social care, from the
//                           reference CSVs (../shared/reference), with their contacts;
//   council-teams.yaml      out-of-hours teams several councils share, written once;
//   council-sources.yaml    the council pages that show each number, with the quotes.
// Contacts come from ../shared/sources/council-contacts.json (the research and its reviewed
// proposal), the four desk-checked councils (council-contacts/desk-check.ts) and a maintainer's
// overrides (council-contacts/overrides.yaml).
// Run: npm run data:council-contacts -- <release>   (then npm run data:seal -- <release>)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Scalar, isMap, isScalar, isSeq, parse, visit } from 'yaml'
import { CouncilContactRecordSchema, CouncilTeamRecordSchema } from '../schemas/council-contact.js'
import { LocalAuthorityRecordSchema, type LocalAuthorityRecord } from '../schemas/local-authority.js'
import { SourceRecordSchema } from '../schemas/source.js'
import { validateRecords } from '../src/catalogue/validate-records.js'
import { convertCouncilContacts } from './council-contacts/convert.js'
import { DESK_CHECKED } from './council-contacts/desk-check.js'
import { readOverrides } from './council-contacts/overrides.js'
import type { Research } from './council-contacts/research.js'
import { baseRecord } from './local-authorities/base-records.js'
import { readReferenceCsv } from './reference-csv.js'

const RELEASE = process.argv[2]
if (RELEASE === undefined) fail('usage: npm run data:council-contacts -- <release id> (an unpublished release; start one with npm run data:new-release)')
const DIR = new URL(`../data/releases/${RELEASE}/`, import.meta.url).pathname
const RESEARCH = new URL('../../shared/sources/council-contacts.json', import.meta.url).pathname

function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

/** Six months on, the day a council's numbers are due for another look. */
function sixMonthsOn (date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 6)
  return d.toISOString().slice(0, 10)
}

/** Keys in the schema's order, so a reader meets each note right after its field. */
function ordered<T extends object> (value: T, properties: object): T {
  const keys = Object.keys(properties)
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => keys.indexOf(a) - keys.indexOf(b))) as T
}

/** House style of the hand-written files: short lists and spans in flow style, times quoted. */
function styled (records: unknown[], comment: string[]): string {
  const doc = new Document(records, { aliasDuplicateObjects: false })
  visit(doc, {
    Seq (_, node) { if (node.items.every(isScalar) && node.items.every((s) => String(s.value).length < 60)) node.flow = true },
    Map (_, node) { if (node.items.length <= 3 && node.items.every((p) => isScalar(p.value) || (isSeq(p.value) && p.value.items.every(isScalar)))) node.flow = true },
    Scalar (_, node) { if (typeof node.value === 'string' && /^\d\d:\d\d$/.test(node.value)) node.type = Scalar.QUOTE_SINGLE }
  })
  if (isSeq(doc.contents)) doc.contents.items.forEach((item, i) => { if (i > 0 && isMap(item)) item.spaceBefore = true })
  doc.commentBefore = comment.map((line) => ` ${line}`).join('\n')
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

function isCommitted (path: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', path], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function main (): void {
  if (!existsSync(join(DIR, 'manifest.yaml'))) fail(`no release ${RELEASE}: start one with npm run data:new-release`)
  if (isCommitted(join(DIR, 'manifest.yaml'))) fail(`release ${RELEASE} is published (committed) and must not change; start a new one with npm run data:new-release`)
  if (!existsSync(RESEARCH)) fail(`${RESEARCH} not found: this script reads ../shared/sources beside the repository`)
  const research = JSON.parse(readFileSync(RESEARCH, 'utf8')) as Research
  const accessed = research.meta.accessed
  const lads = readReferenceCsv('lad_to_childrens_services_authority.csv')
  const trusts = new Map(readReferenceCsv('ni_hsc_trusts.csv').map((t) => [t.code as string, t]))
  const base = readReferenceCsv('childrens_services_authorities.csv').map((r) => baseRecord(r, lads, trusts)).sort((a, b) => a.code.localeCompare(b.code))
  const takenSourceIds = new Set([...readFileSync(join(DIR, 'sources.yaml'), 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1] as string))
  const conversion = convertCouncilContacts([...research.authorities, ...DESK_CHECKED], readOverrides(), base, { accessed, reviewBy: sixMonthsOn(accessed), takenSourceIds })

  const records: LocalAuthorityRecord[] = base.map((rec) => {
    const found = conversion.councils.get(rec.code)
    if (rec.nation === 'northern-ireland' || found === undefined) return ordered(rec, LocalAuthorityRecordSchema.properties)
    const { homepage_note: _note, ...rest } = rec
    const homepage = found.homepage_url ?? rec.homepage_url
    return ordered({
      ...(homepage === rec.homepage_url ? rec : rest),
      homepage_url: homepage,
      report_url: found.report_url,
      contacts: found.contacts.map((c) => ordered(c, CouncilContactRecordSchema.properties)),
      shared_teams: found.shared_teams,
      contacts_note: found.contacts_note,
      verified_on: found.verified_on,
      review_by: sixMonthsOn(found.verified_on)
    }, LocalAuthorityRecordSchema.properties)
  })
  const missing = base.filter((r) => r.nation !== 'northern-ireland' && !conversion.councils.has(r.code)).map((r) => r.code)
  if (missing.length > 0) fail(`no research for ${missing.join(', ')}`)
  validateRecords('local-authorities.yaml', records, LocalAuthorityRecordSchema)
  validateRecords('council-teams.yaml', conversion.teams, CouncilTeamRecordSchema)
  validateRecords('council-sources.yaml', conversion.sources, SourceRecordSchema)

  const before = new Map((parse(readFileSync(join(DIR, 'local-authorities.yaml'), 'utf8')) as LocalAuthorityRecord[]).map((r) => [r.code, JSON.stringify(r.contacts)]))
  const changed = records.filter((r) => before.get(r.code) !== JSON.stringify(r.contacts)).length
  const provenance = [
    `Generated by scripts/build-local-authorities.ts (npm run data:council-contacts) on the research of ${accessed}:`,
    '../shared/sources/council-contacts.json, the desk check in council-contacts.md and scripts/council-contacts/overrides.yaml.',
    'Do not edit by hand: change the inputs or the overrides and run the script again.'
  ]
  writeFileSync(join(DIR, 'local-authorities.yaml'), styled(records, [
    'Bodies responsible for children\'s social care (153 England, 22 Wales, 32 Scotland, 5 NI HSC Trusts),',
    'from the project reference data (2026-11-28): UK Local Authority Names and Codes, © mySociety, CC BY 4.0;',
    'GOV.UK local-links-manager (MIT, © Crown copyright, Government Digital Service).', ...provenance
  ]))
  writeFileSync(join(DIR, 'council-teams.yaml'), styled(conversion.teams.map((t) => ordered({ ...t, contacts: t.contacts.map((c) => ordered(c, CouncilContactRecordSchema.properties)) }, CouncilTeamRecordSchema.properties)), ['Teams several councils share (mostly out of hours), each written once and named in the councils\' shared_teams.', ...provenance]))
  writeFileSync(join(DIR, 'council-sources.yaml'), styled(conversion.sources.map((s) => ordered(s, SourceRecordSchema.properties)), ['The council pages (and partnership, trust and procedures pages) each council number was seen on, with the quotes that show it.', ...provenance]))

  const gb = records.filter((r) => r.nation !== 'northern-ireland')
  const publicPhones = (r: LocalAuthorityRecord, roles: string[]) => [...r.contacts, ...conversion.teams.filter((t) => r.shared_teams.includes(t.id)).flatMap((t) => t.contacts)]
    .some((c) => c.audience === 'public' && c.kind === 'phone' && roles.includes(c.role))
  const { report } = conversion
  process.stdout.write([
    `wrote ${records.length} authorities, ${conversion.teams.length} shared teams and ${conversion.sources.length} source pages to ${DIR}`,
    `contacts changed for ${changed} authorities`,
    `GB councils with a public daytime (or all-hours) number: ${gb.filter((r) => publicPhones(r, ['front-door', 'all-hours'])).length} of ${gb.length}`,
    `GB councils with a public out-of-hours (or all-hours) number: ${gb.filter((r) => publicPhones(r, ['out-of-hours', 'all-hours'])).length} of ${gb.length}`,
    `left out: ${report.left_out.length} values; conflicts kept: ${report.conflicts.length}; hours kept as words only: ${report.hours_not_read.length}`,
    `next: npm run data:seal -- ${RELEASE} && npm run data:check`,
    ''
  ].join('\n'))
}

main()
