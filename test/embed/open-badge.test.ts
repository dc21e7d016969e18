import t from 'tap'
import { nextLondonMidnight, openBadge } from '../../src/embed/open-badge.js'

// What the badge says, as a person would read it, at known moments in London time.
const at = (iso: string) => Date.parse(iso)

t.test('says until when an open line stays open, in London time', async (t) => {
  t.same(openBadge(true, '2026-12-01T22:00:00+00:00', at('2026-12-01T21:30:00Z')), { state: 'open', text: 'Open until 10pm' })
  t.equal(openBadge(true, '2026-07-01T22:00:00+01:00', at('2026-07-01T20:00:00Z')).text, 'Open until 10pm', 'in summer time too')
  t.equal(openBadge(true, '2026-12-01T12:00:00+00:00', at('2026-12-01T09:00:00Z')).text, 'Open until midday')
  t.equal(openBadge(true, '2026-12-01T17:30:00+00:00', at('2026-12-01T09:00:00Z')).text, 'Open until 5:30pm')
  t.equal(openBadge(true, '2026-12-02T09:00:00+00:00', at('2026-12-01T21:00:00Z')).text, 'Open until 9am tomorrow')
})

t.test('says midnight as the end of the day it closes, not the start of the next', async (t) => {
  t.equal(openBadge(true, '2026-12-02T00:00:00+00:00', at('2026-12-01T20:00:00Z')).text, 'Open until midnight')
  t.equal(openBadge(true, '2026-12-03T00:00:00+00:00', at('2026-12-01T20:00:00Z')).text, 'Open until midnight tomorrow')
  t.equal(openBadge(true, '2026-12-05T00:00:00+00:00', at('2026-12-01T20:00:00Z')).text, 'Open until midnight Friday')
})

t.test('says when a closed line opens: today, tomorrow, a weekday, or a date', async (t) => {
  t.same(openBadge(false, '2026-12-02T08:00:00+00:00', at('2026-12-01T22:30:00Z')), { state: 'closed', text: 'Opens 8am tomorrow' })
  t.equal(openBadge(false, '2026-12-01T14:00:00+00:00', at('2026-12-01T09:00:00Z')).text, 'Opens 2pm today')
  t.equal(openBadge(false, '2026-12-02T08:30:00+00:00', at('2026-12-01T23:59:00Z')).text, 'Opens 8:30am tomorrow')
  t.equal(openBadge(false, '2026-12-05T09:00:00+00:00', at('2026-12-01T22:00:00Z')).text, 'Opens 9am Saturday')
  t.equal(openBadge(false, '2026-12-24T09:00:00+00:00', at('2026-12-15T22:00:00Z')).text, 'Opens 9am on 24 December')
  // 23:30 GMT is already tomorrow in London an hour later in summer: the London date counts.
  t.equal(openBadge(false, '2026-07-02T08:00:00+01:00', at('2026-07-01T23:30:00Z')).text, 'Opens 8am today', 'after midnight BST, 8am is today')
})

t.test('never shows unknown hours as open', async (t) => {
  t.same(openBadge(null, null, at('2026-12-01T12:00:00Z')), { state: 'unknown', text: 'Opening hours not confirmed' })
  t.same(openBadge(null, '2026-12-01T22:00:00+00:00', at('2026-12-01T12:00:00Z')), { state: 'unknown', text: 'Opening hours not confirmed' })
  t.equal(openBadge(true, null, at('2026-12-01T12:00:00Z'), true).text, 'Open 24 hours')
  t.equal(openBadge(true, null, at('2026-12-01T12:00:00Z')).text, 'Open now', 'open with no known change, but not always open')
  t.same(openBadge(false, null, at('2026-12-01T12:00:00Z')), { state: 'closed', text: 'Closed now' })
})

t.test('finds the next midnight in London, across the clock changes', async (t) => {
  t.equal(nextLondonMidnight(at('2026-12-01T21:30:00Z')), at('2026-12-02T00:00:00Z'))
  t.equal(nextLondonMidnight(at('2026-07-01T22:30:00Z')), at('2026-07-01T23:00:00Z'), 'midnight BST is 23:00 UTC')
  t.equal(nextLondonMidnight(at('2026-07-01T23:30:00Z')), at('2026-07-02T23:00:00Z'), 'just after midnight BST, the next is a day on')
  t.equal(nextLondonMidnight(at('2026-03-29T12:00:00Z')), at('2026-03-29T23:00:00Z'), 'the day the clocks go forward')
  t.equal(nextLondonMidnight(at('2026-10-25T12:00:00Z')), at('2026-10-26T00:00:00Z'), 'the day the clocks go back')
})
