import { Cite, plugins, type CslItem } from '@citation-js/core'
// Side-effect imports: each registers its formats with the shared @citation-js/core instance.
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'

/** The locale every citation is written in: British dates and quotation marks for a UK audience. */
export const CITATION_LOCALE = 'en-GB'

// citation-js bundles only en-US among the English locales. The CSL project's en-GB locale
// differs from it in date order, single quotation marks outside double ones, and punctuation
// placed outside quotation marks, so en-GB is derived from the bundled en-US by exactly those
// changes. Each must match, so a new en-US wording fails loudly rather than printing US dates.
const TO_BRITISH: Array<[string, string]> = [
  ['xml:lang="en-US"', 'xml:lang="en-GB"'],
  ['punctuation-in-quote="true"', 'punctuation-in-quote="false"'],
  ['<term name="open-quote">“</term>', '<term name="open-quote">‘</term>'],
  ['<term name="close-quote">”</term>', '<term name="close-quote">’</term>'],
  ['<term name="open-inner-quote">‘</term>', '<term name="open-inner-quote">“</term>'],
  ['<term name="close-inner-quote">’</term>', '<term name="close-inner-quote">”</term>'],
  [
    '<date form="text"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>',
    '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>'
  ],
  [
    '<date form="numeric"><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="day" form="numeric-leading-zeros" suffix="/"/>',
    '<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/>'
  ]
]

/** The en-GB CSL locale made from citation-js's bundled en-US one. */
export function britishLocale (american: string): string {
  return TO_BRITISH.reduce((xml, [from, to]) => {
    /* c8 ignore next */
    if (!xml.includes(from)) throw new Error(`citation-js en-US locale changed: cannot find ${from}`)
    return xml.replace(from, to)
  }, american)
}

const csl = plugins.config.get('@csl')
if (!csl.locales.has(CITATION_LOCALE)) csl.locales.add(CITATION_LOCALE, britishLocale(csl.locales.get('en-US')))

/** Formats CSL-JSON items with citation-js, set up once when this module loads. */
export function cite (items: CslItem[]): Cite {
  return new Cite(items)
}
