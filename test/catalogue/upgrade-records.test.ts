import t from 'tap'
import { loadData } from '../../src/catalogue/index.js'
import { REAL_DATA } from '../helper.js'

const set = await loadData(REAL_DATA, '')

t.test('gives every contact of the format-1 releases the role its label states', async (t) => {
  for (const id of ['2026-11-28', '2026-11-28.2']) {
    const councils = set.byId.get(id)!.records.localAuthorities.filter((la) => la.contacts.length > 0)
    const roles = councils.flatMap((la) => la.contacts.map((c) => [la.code, c.role, c.audience, c.label]))
    t.same(roles.filter(([code]) => !String(code).startsWith('ZC')), [
      ['E06000052', 'front-door', 'public', 'Multi Agency Referral Unit (MARU), daytime'],
      ['E06000052', 'out-of-hours', 'public', 'Out of hours'],
      ['E09000012', 'front-door', 'public', 'Children\'s social care, daytime'],
      ['E09000012', 'out-of-hours', 'public', 'Emergency Duty Team, out of hours'],
      ['E09000033', 'front-door', 'public', 'Children\'s Services, daytime'],
      ['E09000033', 'out-of-hours', 'public', 'Council out-of-hours line'],
      ['E10000020', 'all-hours', 'public', 'Report a concern about a child, day and night']
    ], id)
    for (const trust of councils.filter((la) => la.code.startsWith('ZC'))) {
      t.same(trust.contacts.map((c) => c.role), ['front-door', 'out-of-hours'], `${id} ${trust.code}`)
    }
    // Their report-a-concern pages were `website` contacts: now `report_url`.
    t.equal(councils.find((la) => la.code === 'E10000020')?.report_url, 'https://www.norfolk.gov.uk/children-and-families/keeping-children-safe/report-concerns', id)
    t.ok(councils.every((la) => la.contacts.every((c) => c.kind === 'phone')), `${id}: no website contact left`)
  }
})
