import type { ContactKind } from '../../schemas/contact.js'

/** What may stand between the digits of a number as people write it: spaces, brackets, dots, dashes. */
const SEP = '[\\s().\\-\\u00a0]*'
const patterns = new Map<string, RegExp>()

/** The national digits of a written number: +44 and +44 (0) become 0. */
function nationalDigits (written: string): string {
  const digits = written.replace(/\D/g, '')
  return written.trimStart().startsWith('+44') ? '0' + digits.slice(2).replace(/^0/, '') : digits
}

/**
 * A pattern for a number however a page writes it ("(01226) 772423", "0300 123 1116",
 * "+44 (0)20 7641 4000"), not as part of a longer run of digits.
 */
function numberPattern (value: string): RegExp {
  const national = nationalDigits(value)
  let pattern = patterns.get(national)
  if (pattern === undefined) {
    const digits = (s: string) => s.split('').join(SEP)
    const start = national.startsWith('0') ? `(?:0|\\+${SEP}4${SEP}4${SEP}(?:\\(0\\))?)${SEP}${digits(national.slice(1))}` : digits(national)
    pattern = new RegExp(`(?<!\\d)${start}(?!\\d)`)
    patterns.set(national, pattern)
  }
  return pattern
}

/**
 * Whether a quote from a page holds a contact's value: the same number (however spaced or
 * bracketed, and not only as part of a longer one), the same email address, or the same link.
 */
export function quoteHolds (kind: ContactKind, value: string, quote: string): boolean {
  if (kind === 'email') return quote.toLowerCase().includes(value.toLowerCase())
  if (kind === 'phone' || kind === 'textphone' || kind === 'relay' || kind === 'text') return numberPattern(value).test(quote)
  return quote.includes(value)
}
