import t from 'tap'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { OpenStatusSchema } from '../../../schemas/schedule.js'
import { openStatus } from '../../../src/domain/schedule/open-status.js'
import { ALWAYS_OPEN, ENGLAND_AND_WALES, EVERY_DAY, SCOTLAND, WEEKDAYS, statusAt, weekly } from '../../fixtures/schedule/schedules.js'

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

const asUsual = { bank_holidays: 'as-usual' } as const

t.test('reports nothing as open when the hours are not known (hours: null)', async (t) => {
  t.same(statusAt(null, '2026-06-01T12:00:00Z'), { open_now: null, next_change: null, valid_until: null })
})

t.test('is open with no next change when always open', async (t) => {
  t.same(statusAt(ALWAYS_OPEN, '2026-12-25T03:00:00Z'), { open_now: true, next_change: null, valid_until: null })
})

t.test('runs a Friday 17:00 to 09:00 span until 09:00 on Saturday', async (t) => {
  const s = weekly([[['fri'], '17:00', '09:00']], asUsual)
  t.same(statusAt(s, '2026-06-06T07:59:00Z'), { open_now: true, next_change: '2026-06-06T09:00:00+01:00', valid_until: '2026-06-06T08:00:00.000Z' })
  t.same(statusAt(s, '2026-06-06T08:00:00Z'), { open_now: false, next_change: '2026-06-12T17:00:00+01:00', valid_until: '2026-06-12T16:00:00.000Z' })
})

t.test('applies the bank-holiday rule to the spans that open on the holiday', async (t) => {
  // Good Friday 2026 is 3 April: Thursday's overnight span is Thursday's, Friday's is closed.
  const thursday = weekly([[['thu'], '17:00', '09:00']])
  t.match(statusAt(thursday, '2026-04-03T07:00:00Z'), { open_now: true, next_change: '2026-04-03T09:00:00+01:00' })
  const friday = weekly([[['fri'], '17:00', '09:00']])
  t.match(statusAt(friday, '2026-04-03T17:00:00Z'), { open_now: false, next_change: '2026-04-10T17:00:00+01:00' })
  t.match(statusAt(friday, '2026-04-04T07:00:00Z'), { open_now: false, next_change: '2026-04-10T17:00:00+01:00' })
})

t.test('handles a split day', async (t) => {
  const s = weekly([[WEEKDAYS, '09:00', '12:00'], [WEEKDAYS, '13:00', '17:00']], asUsual)
  t.match(statusAt(s, '2026-01-14T11:00:00Z'), { open_now: true, next_change: '2026-01-14T12:00:00+00:00' })
  t.match(statusAt(s, '2026-01-14T12:30:00Z'), { open_now: false, next_change: '2026-01-14T13:00:00+00:00' })
})

t.test('follows the spring clock change at 01:00 UTC', async (t) => {
  const overnight = weekly([[EVERY_DAY, '22:00', '02:00']], asUsual)
  t.same(statusAt(overnight, '2026-03-29T00:59:00Z'), { open_now: true, next_change: '2026-03-29T02:00:00+01:00', valid_until: '2026-03-29T01:00:00.000Z' })
  t.match(statusAt(overnight, '2026-03-29T01:00:00Z'), { open_now: false, next_change: '2026-03-29T22:00:00+01:00' })
  // 01:30 never shows on 29 March 2026: it means 02:00 BST, when the clock passes it.
  const inTheGap = weekly([[['sun'], '01:30', '03:00']], asUsual)
  t.match(statusAt(inTheGap, '2026-03-29T00:45:00Z'), { open_now: false, next_change: '2026-03-29T02:00:00+01:00' })
  t.match(statusAt(inTheGap, '2026-03-29T01:00:00Z'), { open_now: true, next_change: '2026-03-29T03:00:00+01:00' })
})

t.test('follows the autumn clock change at 01:00 UTC, taking the first of a repeated time', async (t) => {
  const late = weekly([[EVERY_DAY, '09:00', '01:30']], asUsual)
  t.match(statusAt(late, '2026-10-25T00:29:00Z'), { open_now: true, next_change: '2026-10-25T01:30:00+01:00' })
  t.match(statusAt(late, '2026-10-25T01:15:00Z'), { open_now: false, next_change: '2026-10-25T09:00:00+00:00' })
  const repeatedHour = weekly([[['sun'], '01:00', '02:00']], asUsual)
  t.match(statusAt(repeatedHour, '2026-10-24T23:59:00Z'), { open_now: false, next_change: '2026-10-25T01:00:00+01:00' })
  t.match(statusAt(repeatedHour, '2026-10-25T01:30:00Z'), { open_now: true, next_change: '2026-10-25T02:00:00+00:00' })
})

t.test('formats next_change in London time whatever the offset of the instant asked about', async (t) => {
  const s = weekly([[WEEKDAYS, '10:00', '18:00']], asUsual)
  t.same(statusAt(s, '2026-07-01T14:00:00+05:30'), { open_now: false, next_change: '2026-07-01T10:00:00+01:00', valid_until: '2026-07-01T09:00:00.000Z' })
  t.match(statusAt(s, '2026-07-01T23:30:00-04:00'), { open_now: false, next_change: '2026-07-02T10:00:00+01:00' })
  t.match(statusAt(s, '2026-01-15T09:30:00Z'), { open_now: false, next_change: '2026-01-15T10:00:00+00:00' })
})

t.test('lets a dated exception replace the usual hours and the bank-holiday rule', async (t) => {
  const s = weekly([[EVERY_DAY, '09:00', '21:00']], {
    exceptions: [
      { date: '2026-12-24', closed: false, spans: [{ opens: '09:00', closes: '12:00' }] },
      { date: '2026-12-25', closed: true },
      { date: '2026-12-28', closed: false, spans: [{ opens: '10:00', closes: '14:00' }] }
    ]
  })
  t.match(statusAt(s, '2026-12-24T11:00:00Z'), { open_now: true, next_change: '2026-12-24T12:00:00+00:00' })
  t.match(statusAt(s, '2026-12-24T13:00:00Z'), { open_now: false, next_change: '2026-12-26T09:00:00+00:00' })
  t.match(statusAt(s, '2026-12-28T09:00:00Z'), { open_now: false, next_change: '2026-12-28T10:00:00+00:00' })
})

t.test('treats an open exception with no hours as unknown', async (t) => {
  const s = weekly([[EVERY_DAY, '09:00', '21:00']], { exceptions: [{ date: '2026-06-10', closed: false }] })
  t.same(statusAt(s, '2026-06-10T12:00:00Z'), { open_now: null, next_change: null, valid_until: '2026-06-10T23:00:00.000Z' })
})

t.test('never announces an opening it does not know of (bank_holidays: unknown)', async (t) => {
  const s = weekly([[WEEKDAYS, '09:00', '17:00']], { bank_holidays: 'unknown' })
  // Easter Monday, 6 April 2026, in England and Wales; not a bank holiday in Scotland.
  t.same(statusAt(s, '2026-04-05T19:00:00Z'), { open_now: false, next_change: null, valid_until: '2026-04-05T23:00:00.000Z' })
  t.same(statusAt(s, '2026-04-06T11:00:00Z'), { open_now: null, next_change: null, valid_until: '2026-04-06T23:00:00.000Z' })
  t.match(statusAt(s, '2026-04-06T23:30:00Z'), { open_now: false, next_change: '2026-04-07T09:00:00+01:00' })
  t.match(statusAt(s, '2026-04-06T11:00:00Z', SCOTLAND), { open_now: true, next_change: '2026-04-06T17:00:00+01:00' })
  // Open round the clock: known open only until the holiday starts.
  t.same(statusAt({ ...ALWAYS_OPEN, bank_holidays: 'unknown' }, '2026-04-05T12:00:00Z'),
    { open_now: true, next_change: '2026-04-06T00:00:00+01:00', valid_until: '2026-04-05T23:00:00.000Z' })
  // An overnight span opening on the holiday leaves the next morning unknown too.
  const overnight = weekly([[['mon'], '20:00', '08:00']], { bank_holidays: 'unknown' })
  t.same(statusAt(overnight, '2026-04-07T06:00:00Z'), { open_now: null, next_change: null, valid_until: '2026-04-07T07:00:00.000Z' })
})

t.test('uses bank_holiday_spans on bank holidays (bank_holidays: special)', async (t) => {
  const s = weekly([[WEEKDAYS, '09:00', '17:00']], { bank_holidays: 'special', bank_holiday_spans: [{ opens: '10:00', closes: '16:00' }] })
  t.match(statusAt(s, '2026-04-06T08:30:00Z'), { open_now: false, next_change: '2026-04-06T10:00:00+01:00' })
  const unstated = weekly([[WEEKDAYS, '09:00', '17:00']], { bank_holidays: 'special' })
  t.match(statusAt(unstated, '2026-04-06T11:00:00Z'), { open_now: null, next_change: null })
})

t.test('treats days past the calendar\'s last year as unknown unless open as usual', async (t) => {
  const closed = weekly([[WEEKDAYS, '09:00', '17:00']])
  t.match(statusAt(closed, '2030-12-31T12:00:00Z'), { open_now: true, next_change: '2030-12-31T17:00:00+00:00' })
  t.same(statusAt(closed, '2030-12-31T18:00:00Z'), { open_now: false, next_change: null, valid_until: '2031-01-01T00:00:00.000Z' })
  t.match(statusAt(closed, '2031-03-04T12:00:00Z'), { open_now: null })
  t.match(statusAt(weekly([[WEEKDAYS, '09:00', '17:00']], asUsual), '2031-03-04T12:00:00Z'), { open_now: true })
})

t.test('looks 14 days ahead for the next change', async (t) => {
  const s = weekly([], { ...asUsual, exceptions: [{ date: '2026-07-20', closed: false, spans: [{ opens: '09:00', closes: '17:00' }] }] })
  t.same(statusAt(s, '2026-07-01T12:00:00Z'), { open_now: false, next_change: null, valid_until: null })
  t.match(statusAt(s, '2026-07-10T12:00:00Z'), { open_now: false, next_change: '2026-07-20T09:00:00+01:00' })
})

t.test('rejects an invalid Date', async (t) => {
  t.throws(() => openStatus(ALWAYS_OPEN, new Date('not a date'), ENGLAND_AND_WALES), RangeError)
})

t.test('answers in the OpenStatus shape once valid_until is taken off for the cache', async (t) => {
  const validate = addFormats(new Ajv()).compile(OpenStatusSchema)
  const { valid_until: validUntil, ...status } = openStatus(weekly([[WEEKDAYS, '09:00', '17:00']]), new Date('2026-06-01T12:00:00Z'), ENGLAND_AND_WALES)
  t.type(validUntil, Date)
  t.ok(validate(status), JSON.stringify(validate.errors))
  t.notOk(validate({ ...status, valid_until: validUntil }))
})
