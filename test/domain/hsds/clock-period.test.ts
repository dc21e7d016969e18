import t from 'tap'
import { clockPeriod, offsetText } from '../../../src/domain/hsds/clock-period.js'

t.test('gives winter (GMT) its offset, its days and the next change', async (t) => {
  const p = clockPeriod(Date.parse('2026-11-28T12:00:00Z'))
  t.same({ offset: p.offset, firstDay: p.firstDay, lastDay: p.lastDay, next: p.next }, {
    offset: '+00:00', firstDay: '2026-10-25', lastDay: '2027-03-27', next: { day: '2027-03-28', offset: '+01:00' }
  })
  t.equal(new Date(p.until).toISOString(), '2027-03-28T01:00:00.000Z', 'ends as the clocks go forward, 01:00 UTC')
})

t.test('gives summer (BST) its offset, its days and the next change', async (t) => {
  const p = clockPeriod(Date.parse('2027-07-01T15:30:00+01:00'))
  t.same({ offset: p.offset, firstDay: p.firstDay, lastDay: p.lastDay, next: p.next }, {
    offset: '+01:00', firstDay: '2027-03-28', lastDay: '2027-10-30', next: { day: '2027-10-31', offset: '+00:00' }
  })
  t.equal(new Date(p.until).toISOString(), '2027-10-31T01:00:00.000Z')
})

t.test('changes period at the instant the clocks change, not a moment before', async (t) => {
  t.equal(clockPeriod(Date.parse('2027-03-28T00:59:59Z')).offset, '+00:00')
  const after = clockPeriod(Date.parse('2027-03-28T01:00:00Z'))
  t.equal(after.offset, '+01:00')
  t.equal(after.firstDay, '2027-03-28')
})

t.test('writes offsets as ±HH:MM', async (t) => {
  t.same([0, 60, -300, 330].map(offsetText), ['+00:00', '+01:00', '-05:00', '+05:30'])
})
