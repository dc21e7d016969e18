// The four councils checked by hand before the wider research (../shared/sources/council-contacts.md),
// written in the research's own shape so one converter treats every council alike.
// Quotes are verbatim from that file.
import type { Evidence, ProposedLine, ResearchedCouncil } from './research.js'

const CORNWALL = 'https://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/'
const CORNWALL_OOH = 'http://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/out-of-hours-support-for-children-and-young-people/'
const NORFOLK = 'https://www.norfolk.gov.uk/children-and-families/keeping-children-safe/report-concerns'
const HACKNEY = 'https://education.hackney.gov.uk/content/child-protection'
const WESTMINSTER = 'https://www.westminster.gov.uk/children-and-families/safeguarding-children/child-abuse-prevention-campaign'

const ACCESSED = '2026-11-28'
const seen = (role: string, value: string, url: string, quote: string, more: Partial<Evidence> = {}): Evidence => ({
  kind: 'phone', role, audience: 'public', team: null, value, hours_quote: null, source_url: url, source_kind: 'own-domain', quote, page_date: null, second_check: 'not re-checked', ...more
})
const line = (value: string, evidence: number[], more: Partial<ProposedLine> = {}): ProposedLine =>
  ({ value, team: null, hours_text: null, evidence, conflict: false, ...more })
const none = { front_door: [], out_of_hours: [], all_hours: [] }
const proposal = (lines: Partial<ResearchedCouncil['proposal']['public']>, report: string | null, homepage: string) => ({
  public: { ...none, ...lines },
  professionals: none,
  email: [],
  report_page_url: report,
  homepage_https: homepage,
  shared_out_of_hours_with: [],
  excluded: [],
  review_note: 'Checked by hand in November 2026 (council-contacts.md); re-check the live page.'
})

export const DESK_CHECKED: ResearchedCouncil[] = [
  {
    code: 'E06000052',
    accessed: ACCESSED,
    name: 'Cornwall Council',
    evidence: [
      seen('front-door', '0300 123 1116', CORNWALL, 'please contact the Multi Agency referral Unit (MARU) on 0300 123 1116', { team: 'Multi Agency Referral Unit (MARU)' }),
      seen('out-of-hours', '01208 251300', CORNWALL_OOH, 'You can contact us at:  01208 251300')
    ],
    proposal: proposal({
      front_door: [line('0300 123 1116', [0], { team: 'Multi Agency Referral Unit (MARU)', hours_text: 'Daytime; the hours are not stated' })],
      out_of_hours: [line('01208 251300', [1], { hours_text: 'Outside office hours; the hours are not stated' })]
    }, CORNWALL, 'https://www.cornwall.gov.uk/'),
    report_page: { url: CORNWALL, title: 'Child protection and safeguarding' }
  },
  {
    code: 'E10000020',
    accessed: ACCESSED,
    name: 'Norfolk County Council',
    evidence: [
      seen('front-door-24h', '0344 800 8020', NORFOLK, 'If you are worried about the safety or welfare of a child please call us on 0344 800 8020.')
    ],
    proposal: proposal({
      all_hours: [line('0344 800 8020', [0], { hours_text: 'Day and night (out of hours, calls go to the out-of-hours staff); opening times are not stated', note: 'This is also the council\'s general customer-service number.' })]
    }, NORFOLK, 'https://www.norfolk.gov.uk/'),
    report_page: { url: NORFOLK, title: 'Report concerns about a child' }
  },
  {
    code: 'E09000012',
    accessed: ACCESSED,
    name: 'London Borough of Hackney',
    evidence: [
      seen('front-door', '020 8356 5500', HACKNEY, '020 8356 5500 - this telephone line is open 9am-5pm Monday to Friday only (excluding bank holidays)'),
      seen('out-of-hours', '020 8356 2710', HACKNEY, 'you can call our Emergency Duty Team on 020 8356 2710', { team: 'Emergency Duty Team' })
    ],
    proposal: proposal({
      front_door: [line('020 8356 5500', [0], { hours_text: 'Monday to Friday, 9am to 5pm, excluding bank holidays' })],
      out_of_hours: [line('020 8356 2710', [1], { team: 'Emergency Duty Team', hours_text: 'When the daytime line is closed' })]
    }, null, 'https://hackney.gov.uk/'),
    report_page: null
  },
  {
    code: 'E09000033',
    accessed: ACCESSED,
    name: 'Westminster City Council',
    evidence: [
      seen('front-door', '020 7641 4000', WESTMINSTER, 'contact Children\'s Services on 020 7641 4000 (Westminster) … 9am to 5pm weekdays.', { team: 'Children\'s Services', page_date: '2022-07-14' }),
      seen('general-council', '020 7641 6000', WESTMINSTER, 'Outside of these times, contact 020 7641 6000 (Westminster)', { page_date: '2022-07-14' })
    ],
    proposal: proposal({
      front_door: [line('020 7641 4000', [0], { team: 'Children\'s Services', hours_text: '9am to 5pm, weekdays' })],
      out_of_hours: [line('020 7641 6000', [1], { hours_text: 'Outside 9am to 5pm on weekdays', note: 'The council\'s general out-of-hours line, not a children\'s services line.' })]
    }, null, 'https://www.westminster.gov.uk/'),
    report_page: null
  }
]

/** What the desk check recorded of its pages beyond the research's fields: titles, publishers, dates in words. */
export const DESK_CHECK_PAGES: Record<string, { title: string, publisher?: string, date_note?: string }> = {
  [CORNWALL]: { title: 'Child protection and safeguarding' },
  [CORNWALL_OOH]: { title: 'Out of hours support for children and young people' },
  [NORFOLK]: { title: 'Report concerns about a child', date_note: 'No date shown; the wording suggests 2020-21.' },
  [HACKNEY]: { title: 'Child protection', publisher: 'Hackney Education (London Borough of Hackney)' },
  [WESTMINSTER]: { title: 'Child abuse prevention campaign', date_note: 'First published 2021-01-16; last updated 2022-07-14 (the date given here).' }
}
