/*
 * The open-now badge in words ("Open until 10pm", "Opens 8am tomorrow"), from a contact's
 * `open_now` and `next_change` as the API computed them. Shared by the web component and
 * the server-rendered pages, so both say the same thing. No DOM, no Node: plain Intl.
 */

export type BadgeState = 'open' | 'closed' | 'unknown'
export interface Badge { state: BadgeState, text: string }

const DAY = 86_400_000
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'long'
})
const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long' })

interface London { day: number, hour: number, minute: number, weekday: string }

/** The London calendar day (days since the epoch), time and weekday of an instant. */
function london (instant: number): London {
  const p: Record<string, string> = {}
  for (const { type, value } of parts.formatToParts(instant)) p[type] = value
  return { day: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY, hour: Number(p.hour), minute: Number(p.minute), weekday: p.weekday ?? '' }
}

/** "10pm", "8:30am", "midday", "midnight". */
function clockWords (hour: number, minute: number): string {
  if (minute === 0 && hour === 0) return 'midnight'
  if (minute === 0 && hour === 12) return 'midday'
  const h = hour % 12 === 0 ? 12 : hour % 12
  return `${h}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`
}

/** When a change happens, as people say it from `now`: "10pm", "8am tomorrow", "9am Monday". */
function whenWords (change: number, now: number): { time: string, day: string } {
  const at = london(change)
  // A change at 00:00 ends the day before: "open until midnight", not "midnight tomorrow".
  const shown = at.hour === 0 && at.minute === 0 ? change - 60_000 : change
  const ref = london(shown)
  const days = ref.day - london(now).day
  const time = clockWords(at.hour, at.minute)
  if (days <= 0) return { time, day: '' }
  if (days === 1) return { time, day: 'tomorrow' }
  if (days < 7) return { time, day: ref.weekday }
  return { time, day: `on ${dayMonth.format(shown)}` }
}

/**
 * The badge for a contact at `now`. Unknown hours are said to be unknown: such a contact is
 * never shown as open.
 */
export function openBadge (openNow: boolean | null, nextChange: string | null, now: number, alwaysOpen = false): Badge {
  if (openNow === null) return { state: 'unknown', text: 'Opening hours not confirmed' }
  const change = nextChange === null ? Number.NaN : Date.parse(nextChange)
  if (openNow) {
    if (Number.isNaN(change)) return { state: 'open', text: alwaysOpen ? 'Open 24 hours' : 'Open now' }
    const { time, day } = whenWords(change, now)
    return { state: 'open', text: `Open until ${time}${day === '' ? '' : ` ${day}`}` }
  }
  if (Number.isNaN(change)) return { state: 'closed', text: 'Closed now' }
  const { time, day } = whenWords(change, now)
  return { state: 'closed', text: `Opens ${time} ${day === '' ? 'today' : day}` }
}

/** The next midnight in London after `now`: badges that say "tomorrow" change then. */
export function nextLondonMidnight (now: number): number {
  const next = (london(now).day + 1) * DAY
  // London is UTC or one hour ahead; its clocks never change at midnight.
  const { hour } = london(next)
  return next - hour * 3_600_000
}
