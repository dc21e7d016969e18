/** What the widget says, for the two audiences it speaks to. */
export interface Wording {
  emergency: string
  helplines: string
  helplinesIntro: string
  postcodeLabel: string
  councilTitle: string
}

export const WORDING: Record<'adults' | 'children', Wording> = {
  adults: {
    emergency: 'If a child is in immediate danger, call 999',
    helplines: 'Helplines',
    helplinesIntro: 'Services you can contact for advice if you are worried about a child.',
    postcodeLabel: 'Postcode where the child lives',
    councilTitle: 'The child\'s local council'
  },
  children: {
    emergency: 'If you or another child are in danger right now, call 999',
    helplines: 'People you can talk to',
    helplinesIntro: 'You can contact these services about anything that is worrying you.',
    postcodeLabel: 'Your postcode',
    councilTitle: 'Your local council'
  }
}

/** Said wherever a postcode can be typed: it goes to the API only, to find the council. */
export const POSTCODE_HINT = 'Optional. Used only to find the council: it is not stored.'
export const EXIT_HINT = 'Quick exit leaves this page at once (or press Esc twice). To hide this visit, clear your browsing history.'

/** Where quick exit goes unless the host names a page: a neutral one. */
export const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather'

const NATION_NAMES: Record<string, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' }

/** "England and Wales", "Scotland". */
export function nationNames (nations: readonly string[]): string {
  const names = nations.map((n) => NATION_NAMES[n] ?? n)
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}
