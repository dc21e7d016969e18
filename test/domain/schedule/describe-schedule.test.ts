import t from 'tap'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { Ref } from '../../../schemas/common.js'
import { ScheduleSchema, OpenStatusSchema } from '../../../schemas/schedule.js'
import { stripNestedIds } from '../../../schemas/strip-ids.js'
import { compileSchedule, clockMinutes, mergeSpans, toMinuteSpan } from '../../../src/domain/schedule/compile.js'
import { formatClock, formatDays, formatList, formatSpan } from '../../../src/domain/schedule/describe-parts.js'
import { describeSchedule } from '../../../src/domain/schedule/describe-schedule.js'
import { ALWAYS_OPEN, EVERY_DAY, WEEKDAYS, WEEKENDS, weekly } from '../../fixtures/schedule/schedules.js'

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

t.test('describes weekdays and weekends with different hours', async (t) => {
  const s = weekly([[WEEKDAYS, '08:00', '22:00'], [WEEKENDS, '09:00', '18:00']])
  t.equal(describeSchedule(s), 'Monday to Friday 8am to 10pm, weekends 9am to 6pm; closed on bank holidays')
})

t.test('describes round-the-clock lines', async (t) => {
  t.equal(describeSchedule(ALWAYS_OPEN), '24 hours a day, every day, including bank holidays')
  t.equal(describeSchedule({ ...ALWAYS_OPEN, bank_holidays: 'unknown' }), '24 hours a day, every day; bank holiday hours not confirmed')
  t.equal(describeSchedule(weekly([[EVERY_DAY, '00:00', '24:00']], { bank_holidays: 'as-usual' })), '24 hours a day, every day, including bank holidays')
  t.equal(describeSchedule(weekly([[WEEKENDS, '00:00', '00:00']])), 'Weekends 24 hours; closed on bank holidays')
})

t.test('describes the same hours every day, split days, overnight spans and midnight', async (t) => {
  t.equal(describeSchedule(weekly([[EVERY_DAY, '09:30', '17:00']], { bank_holidays: 'as-usual' })), 'Every day 9:30am to 5pm; open as usual on bank holidays')
  t.equal(describeSchedule(weekly([[WEEKDAYS, '09:00', '12:00'], [WEEKDAYS, '13:00', '17:00']])),
    'Monday to Friday 9am to midday and 1pm to 5pm; closed on bank holidays')
  t.equal(describeSchedule(weekly([[['fri'], '17:00', '09:00']])), 'Friday 5pm to 9am the next day; closed on bank holidays')
  t.equal(describeSchedule(weekly([[WEEKDAYS, '18:00', '00:00']])), 'Monday to Friday 6pm to midnight; closed on bank holidays')
})

t.test('merges overlapping rules before describing them', async (t) => {
  const s = weekly([[WEEKDAYS, '09:00', '13:00'], [['mon'], '12:00', '17:00'], [['tue', 'wed', 'thu', 'fri'], '13:00', '17:00']])
  t.equal(describeSchedule(s), 'Monday to Friday 9am to 5pm; closed on bank holidays')
})

t.test('states each bank-holiday rule', async (t) => {
  const base = weekly([[WEEKDAYS, '09:00', '17:00']])
  t.equal(describeSchedule({ ...base, bank_holidays: 'unknown' }), 'Monday to Friday 9am to 5pm; bank holiday hours not confirmed')
  t.equal(describeSchedule({ ...base, bank_holidays: 'special', bank_holiday_spans: [{ opens: '10:00', closes: '16:00' }] }),
    'Monday to Friday 9am to 5pm; bank holidays 10am to 4pm')
  t.equal(describeSchedule({ ...base, bank_holidays: 'special', bank_holiday_spans: [] }), 'Monday to Friday 9am to 5pm; closed on bank holidays')
  t.equal(describeSchedule({ ...base, bank_holidays: 'special' }), 'Monday to Friday 9am to 5pm; bank holiday hours not confirmed')
})

t.test('says so when there are no weekly hours', async (t) => {
  t.equal(describeSchedule(weekly([])), 'No regular weekly hours; closed on bank holidays')
})

// describe-parts.ts: the words

t.test('writes clock times the GOV.UK way', async (t) => {
  const cases: Array<[number, string]> = [
    [0, 'midnight'], [1440, 'midnight'], [720, 'midday'], [480, '8am'], [570, '9:30am'],
    [1320, '10pm'], [30, '12:30am'], [750, '12:30pm'], [1439, '11:59pm'], [1980, '9am']
  ]
  for (const [minutes, words] of cases) t.equal(formatClock(minutes), words, `${minutes}`)
})

t.test('writes spans, saying when one runs into the next day', async (t) => {
  t.equal(formatSpan({ opens: 480, closes: 1320 }), '8am to 10pm')
  t.equal(formatSpan({ opens: 1320, closes: 1440 }), '10pm to midnight')
  t.equal(formatSpan({ opens: 1080, closes: 1920 }), '6pm to 8am the next day')
  t.equal(formatSpan({ opens: 0, closes: 1440 }), '24 hours')
})

t.test('joins lists with commas and a final "and"', async (t) => {
  t.equal(formatList([]), '')
  t.equal(formatList(['a']), 'a')
  t.equal(formatList(['a', 'b']), 'a and b')
  t.equal(formatList(['a', 'b', 'c']), 'a, b and c')
})

t.test('groups consecutive days', async (t) => {
  const cases: Array<[number[], string]> = [
    [[0, 1, 2, 3, 4, 5, 6], 'every day'],
    [[5, 6], 'weekends'],
    [[0, 1, 2, 3, 4], 'Monday to Friday'],
    [[0, 2, 4], 'Monday, Wednesday and Friday'],
    [[0, 1], 'Monday and Tuesday'],
    [[0, 1, 2, 4], 'Monday to Wednesday and Friday'],
    [[4, 5, 6, 0], 'Friday to Monday'],
    [[6, 0], 'Sunday and Monday'],
    [[6], 'Sunday'],
    [[0, 1, 2, 3, 4, 5], 'Monday to Saturday']
  ]
  for (const [days, words] of cases) t.equal(formatDays(days), words, words)
})

// compile.ts: records into minutes

t.test('reads clock times as minutes, 24:00 as 1440', async (t) => {
  t.equal(clockMinutes('09:30'), 570)
  t.equal(clockMinutes('24:00'), 1440)
})

t.test('carries a closing time at or before the opening time into the next day', async (t) => {
  t.same(toMinuteSpan({ opens: '17:00', closes: '09:00' }), { opens: 1020, closes: 1980 })
  t.same(toMinuteSpan({ opens: '09:00', closes: '09:00' }), { opens: 540, closes: 1980 })
  t.same(toMinuteSpan({ opens: '22:00', closes: '00:00' }), { opens: 1320, closes: 1440 })
  t.same(toMinuteSpan({ opens: '00:00', closes: '24:00' }), { opens: 0, closes: 1440 })
})

t.test('merges overlapping and touching spans', async (t) => {
  t.same(mergeSpans([{ opens: 780, closes: 1020 }, { opens: 540, closes: 720 }, { opens: 720, closes: 800 }]), [{ opens: 540, closes: 1020 }])
  t.same(mergeSpans([{ opens: 540, closes: 600 }, { opens: 660, closes: 700 }]), [{ opens: 540, closes: 600 }, { opens: 660, closes: 700 }])
})

t.test('compiles a record once and keeps the result', async (t) => {
  const s = weekly([[WEEKDAYS, '09:00', '17:00']], { exceptions: [{ date: '2026-12-25', closed: true }, { date: '2026-12-24', closed: false }] })
  const compiled = compileSchedule(s)
  t.equal(compileSchedule(s), compiled)
  t.same(compiled.weekly[0], [{ opens: 540, closes: 1020 }])
  t.same(compiled.weekly[6], [])
  t.same(compiled.exceptions.get('2026-12-25'), { kind: 'spans', spans: [] })
  t.same(compiled.exceptions.get('2026-12-24'), { kind: 'unknown' })
  t.same(compileSchedule(ALWAYS_OPEN).weekly[3], [{ opens: 0, closes: 1440 }])
})

// schemas/schedule.ts: the schedule as served

t.test('serves a record plus its sentence as a valid Schedule, referable by its $id', async (t) => {
  const ajv = addFormats(new Ajv({ strict: false }))
  const record = weekly([[WEEKDAYS, '09:00', '17:00']], { exceptions: [{ date: '2026-12-25', closed: true }] })
  // Nested $ids (Span twice) are stripped as the app does for its validators.
  const validate = ajv.compile(stripNestedIds(ScheduleSchema))
  t.ok(validate({ ...record, description: describeSchedule(record) }), ajv.errorsText(validate.errors))
  t.notOk(validate(record), 'the sentence is required')
  t.notOk(validate({ ...record, description: 'x', open_now: true }), 'no undeclared fields')
  t.equal(Ref(ScheduleSchema).$ref, 'Schedule')
  t.equal(OpenStatusSchema.$id, 'OpenStatus')
})
