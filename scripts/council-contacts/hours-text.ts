// Reads the research's plain-English hours ("Monday to Thursday 9am to 5pm, Friday 9am to
// 4.30pm") into the schedule model, strictly: a text is read only when every word of it is
// understood; anything else (a hedge, a parenthesis, an older page's hours) gives null and
// the words stay in `hours_note`. A person acts on `open_now`, so a guess is worse than
// "not known".
import { DAYS, type Day, type ScheduleRecord, type Span, type WeeklyRule } from '../../schemas/schedule.js'
import type { HoursOutsideFrontDoor } from '../../schemas/council-contact.js'

const TIME = /(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)|midnight|noon/g
const SPAN = new RegExp(`(?:${TIME.source})\\s*(?:to|-|until)\\s*(?:${TIME.source})`, 'g')
const DAY_NAMES: Record<string, Day> = {
  monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat', sunday: 'sun'
}

/** Minutes after midnight of a written time; `midnight` is 1440 as a closing time. */
function minutes (written: string, closing: boolean): number | null {
  if (written === 'midnight') return closing ? 1440 : 0
  if (written === 'noon') return 720
  const m = /^(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)$/.exec(written)
  if (m === null) return null
  const hour = Number(m[1])
  const minute = Number(m[2] ?? 0)
  if (hour < 1 || hour > 12 || minute > 59) return null
  return ((hour % 12) + (m[3] === 'pm' ? 12 : 0)) * 60 + minute
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** Every clock time a text names, in minutes (closing sense for `midnight`). */
export function timesIn (text: string): number[] {
  return [...text.toLowerCase().matchAll(TIME)].map((m) => minutes(m[0], true)).filter((m): m is number => m !== null)
}

interface DayList { days: Day[], bankHolidays: boolean }

/** "monday to thursday", "weekdays", "monday, tuesday and thursday", "saturdays, sundays and bank holidays". */
function dayList (segment: string): DayList | null {
  const words = segment.replace(/[,;:]/g, ' ').replace(/\b(on|and)\b/g, ' ').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  const days: Day[] = []
  let bankHolidays = false
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as string).replace(/s$/, '')
    if (word === 'weekday') { days.push('mon', 'tue', 'wed', 'thu', 'fri'); continue }
    if (word === 'bank' && words[i + 1]?.startsWith('holiday')) { bankHolidays = true; i++; continue }
    const day = DAY_NAMES[word]
    if (day === undefined) return null
    if (words[i + 1] === 'to') {
      const last = DAY_NAMES[(words[i + 2] ?? '').replace(/s$/, '')]
      if (last === undefined) return null
      const from = DAYS.indexOf(day)
      const to = DAYS.indexOf(last)
      if (to <= from) return null
      days.push(...DAYS.slice(from, to + 1))
      i += 2
    } else {
      days.push(day)
    }
  }
  return new Set(days).size === days.length && days.length > 0 ? { days, bankHolidays } : null
}

/**
 * A daytime front door's hours from the research's words, or null when the words are not
 * wholly understood. Bank holidays: closed only where the words say so, else unknown.
 */
export function parseFrontDoorHours (text: string): ScheduleRecord | null {
  let t = text.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().replace(/\.$/, '')
  let closedOnBankHolidays = false
  const bh = /[,;]?\s*(?:\((?:excluding bank holidays|working days only)\)|(?:excluding|except|not on) bank holidays)$/.exec(t)
  if (bh !== null) { closedOnBankHolidays = true; t = t.slice(0, bh.index).trim() }
  t = t.replace(/^(?:weekday office hours|normal office hours|office hours|working hours)\s*[:,]\s*/, '')
  if (/[()]/.test(t)) return null
  const spans = [...t.matchAll(SPAN)]
  if (spans.length === 0) return null
  const gaps: string[] = []
  let from = 0
  for (const s of spans) { gaps.push(t.slice(from, s.index)); from = (s.index) + s[0].length }
  gaps.push(t.slice(from))
  const blank = (g: string | undefined) => (g ?? '').replace(/[\s,;:]/g, '') === ''
  // The days come either before each span ("Monday to Friday 9am to 5pm") or after it.
  const before = !blank(gaps[0])
  if (before ? !blank(gaps.at(-1)) : !blank(gaps[0])) return null
  const weekly: WeeklyRule[] = []
  let bankHolidaySpans: Span[] | undefined
  const seen = new Set<Day>()
  for (let i = 0; i < spans.length; i++) {
    const list = dayList(gaps[before ? i : i + 1] as string)
    if (list === null) return null
    const [opensText, closesText] = (spans[i] as RegExpMatchArray)[0].split(/\s*(?:to|-|until)\s*/) as [string, string]
    const opens = minutes(opensText, false)
    const closes = minutes(closesText, true)
    if (opens === null || closes === null || closes <= opens) return null
    if (list.days.some((d) => seen.has(d))) return null
    list.days.forEach((d) => seen.add(d))
    weekly.push({ days: list.days, opens: clock(opens), closes: clock(closes) })
    if (list.bankHolidays) bankHolidaySpans = [{ opens: clock(opens), closes: clock(closes) }]
  }
  if (bankHolidaySpans !== undefined && closedOnBankHolidays) return null
  return {
    timezone: 'Europe/London',
    always_open: false,
    weekly,
    ...(bankHolidaySpans !== undefined
      ? { bank_holidays: 'special' as const, bank_holiday_spans: bankHolidaySpans }
      : { bank_holidays: closedOnBankHolidays ? 'closed' as const : 'unknown' as const })
  }
}

/** Whether the words say a line answers at every hour of every day. */
export function saysAlwaysOpen (text: string): boolean {
  const t = text.toLowerCase().trim()
  return /^(?:24 hours a day|at all times|at any time\b)/.test(t) && !/\b(?:aims?|says|said)\b/.test(t)
}

/** Whether the words say the line covers bank (or public) holidays. */
export function mentionsBankHolidays (text: string): boolean {
  return /\b(?:bank|public) holidays?\b|365 days/.test(text.toLowerCase())
}

/**
 * Whether an out-of-hours line's words describe the rest of the week outside the council's
 * own front-door hours, so its hours can be computed from them. Generic words ("out of hours",
 * "evenings, weekends and bank holidays") qualify. Words that name times qualify only when
 * every time is one of the front door's opening or closing times and the weekend is covered;
 * answerphones, diverted calls, "council holidays" and partial copies never do.
 */
export function outOfHoursCover (text: string, frontDoor: ScheduleRecord | null): HoursOutsideFrontDoor | null {
  const t = text.toLowerCase()
  if (/answerphone|divert|on call|not in the archived|council holidays/.test(t)) return null
  if (!/out of (?:office )?hours|outside|evening|night|weekend|other times|closed|after \d|unavailable/.test(t)) return null
  const times = timesIn(t)
  if (times.length > 0) {
    if (frontDoor === null || frontDoor.always_open) return null
    const bounds = new Set(frontDoor.weekly.flatMap((r) => [r.opens, r.closes]).map((c) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3))))
    if (!times.every((m) => bounds.has(m))) return null
    if (!/weekend|saturday|sunday|friday[^;]*\bto\b[^;]*monday|all other times|outside/.test(t)) return null
  }
  return { bank_holidays: mentionsBankHolidays(t) ? 'all-day' : 'unknown' }
}
