import t from 'tap'
import { outOfHoursCover, parseFrontDoorHours, saysAlwaysOpen } from '../../scripts/council-contacts/hours-text.js'

const spans = (text: string) => parseFrontDoorHours(text)?.weekly.map((r) => `${r.days.join(',')} ${r.opens}-${r.closes}`) ?? null

t.test('reads the ways the research writes a front door\'s hours', async (t) => {
  t.same(spans('Monday to Friday, 9am to 5pm'), ['mon,tue,wed,thu,fri 09:00-17:00'])
  t.same(spans('8.30am to 5pm Monday to Thursday, 8.30am to 4.30pm Friday'), ['mon,tue,wed,thu 08:30-17:00', 'fri 08:30-16:30'])
  t.same(spans('Office hours: Monday to Thursday 9am to 5pm, Friday 9am to 4.30pm'), ['mon,tue,wed,thu 09:00-17:00', 'fri 09:00-16:30'])
  t.same(spans('Monday, Tuesday and Thursday 8.30am to 5pm; Wednesday 10.30am to 5pm; Friday 8.30am to 4.30pm'), ['mon,tue,thu 08:30-17:00', 'wed 10:30-17:00', 'fri 08:30-16:30'])
  t.same(spans('9am to 5pm, weekdays'), ['mon,tue,wed,thu,fri 09:00-17:00'])
  t.equal(parseFrontDoorHours('Monday to Friday, 9am to 5pm')?.bank_holidays, 'unknown', 'bank holidays only as stated')
  t.equal(parseFrontDoorHours('Monday to Friday, 9am to 5pm, excluding bank holidays')?.bank_holidays, 'closed')
  t.equal(parseFrontDoorHours('9am to 5pm, Monday to Friday (working days only)')?.bank_holidays, 'closed')
  t.same(parseFrontDoorHours('8am to 8pm Monday to Friday; 9am to 5pm Saturdays, Sundays and bank holidays')?.bank_holiday_spans, [{ opens: '09:00', closes: '17:00' }])
})

t.test('reads nothing it does not wholly understand', async (t) => {
  for (const text of [
    'Office hours',
    'During the day',
    'Office hours, 9am to 5pm',
    '8am to 4.45pm (days not stated)',
    'Weekdays until 5pm (the earlier news page says Monday to Friday, 9am to 5pm)',
    'Core opening hours Monday to Friday, 8am to 10pm (worded as \'will be\' on the partnership page)',
    'Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm (an older CHaD-named page says 8.30am to 6pm, Monday to Friday)',
    'Monday to Friday 5pm to 9am',
    'Monday to Friday 9am to 5pm, Friday 9am to 4pm'
  ]) t.equal(parseFrontDoorHours(text), null, text)
})

t.test('computes out-of-hours cover only where the words describe the rest of the week', async (t) => {
  const frontDoor = parseFrontDoorHours('Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm')
  t.same(outOfHoursCover('Evenings, weekends and bank holidays', frontDoor), { bank_holidays: 'all-day' })
  t.same(outOfHoursCover('Outside office hours', frontDoor), { bank_holidays: 'unknown' })
  t.same(outOfHoursCover('Outside office hours', null), { bank_holidays: 'unknown' }, 'computed later only if the front door\'s hours are known')
  t.same(outOfHoursCover('5pm to 8.30am Monday to Thursday, from 4.30pm on Friday to 8.30am, and at weekends and bank holidays', frontDoor), { bank_holidays: 'all-day' })
  t.equal(outOfHoursCover('Monday to Friday, 5pm to 9am', frontDoor), null, 'times that are not the front door\'s')
  t.equal(outOfHoursCover('Emergencies only, 5pm to 8.30am', frontDoor), null, 'no word of the weekend')
  t.equal(outOfHoursCover('Answerphone outside office hours and at weekends', frontDoor), null, 'an answerphone is not a team')
  t.equal(outOfHoursCover('Weekdays 5pm to 8.45am, from 5pm Friday to 8.45am Monday, and on council holidays', frontDoor), null)
  t.equal(outOfHoursCover('described as a 24-hour emergency number', frontDoor), null)
})

t.test('knows a line open at all hours only when the words say so plainly', async (t) => {
  t.ok(saysAlwaysOpen('24 hours a day, 7 days a week, all year'))
  t.ok(saysAlwaysOpen('At all times, including out of hours'))
  t.notOk(saysAlwaysOpen('The 2021 page says Onecall aims to keep the most vulnerable people safe and well 24/7'))
  t.notOk(saysAlwaysOpen('Office hours and outside office hours'))
})
