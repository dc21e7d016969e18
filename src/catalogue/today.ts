const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today's date in the UK (YYYY-MM-DD). */
export function londonToday (instant: number): string {
  return londonDate.format(instant)
}
