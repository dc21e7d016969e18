import t from 'tap'
import { CITATION_STYLES } from '../../schemas/statistic.js'
import { britishLocale } from '../../src/domain/citation-library.js'
import { citedSource, cslItem, formatCitation, type CitableSource, type CitableStatistic } from '../../src/domain/citations.js'

// Invented pages, dated long before any test run, so a date of "today" would stand out.
const primary: CitableSource = {
  publisher: 'Example Crime Agency',
  title: "Police arrest 130 suspects in one week & warn of 'record' referrals",
  url: 'https://example.org/news/week-of-action',
  published: '2018-09-06',
  accessed: '2025-01-15',
  kind: 'primary'
}
const press: CitableSource = {
  publisher: 'Example News',
  title: 'Report on the week of action',
  url: 'https://news.example.com/2018/09/03/week',
  published: '2018-09',
  accessed: '2025-01-15',
  kind: 'secondary'
}
const statistic: CitableStatistic = { id: 'week-of-action-arrests-2018', sources: [press, primary] }
const fresh = (s: CitableStatistic): CitableStatistic => ({ ...s })

t.test('cites the publisher\'s own page in APA, in British English', async (t) => {
  const citation = formatCitation(fresh(statistic), 'apa')
  t.same(citation, {
    style: 'apa',
    content_type: 'text/plain; charset=utf-8',
    text: 'Example Crime Agency. (2018, September 6). Police arrest 130 suspects in one week & warn of ‘record’ referrals. https://example.org/news/week-of-action'
  })
})

t.test('gives the accessed date in Harvard, day before month', async (t) => {
  t.equal(formatCitation(fresh(statistic), 'harvard').text,
    'Example Crime Agency (2018) Police arrest 130 suspects in one week & warn of ‘record’ referrals. Available at: https://example.org/news/week-of-action (Accessed: 15 January 2025).')
})

t.test('writes BibTeX keyed by the statistic id, with the organisation braced as one name', async (t) => {
  const citation = formatCitation(fresh(statistic), 'bibtex')
  t.equal(citation.content_type, 'application/x-bibtex; charset=utf-8')
  t.equal(citation.text, [
    '@misc{week_of_action_arrests_2018,',
    '\tnote = {[Online; accessed 2025-01-15]},',
    '\tauthor = {{Example Crime Agency}},',
    '\tyear = {2018},',
    '\tmonth = {sep 6},',
    "\ttitle = {Police arrest 130 suspects in one week \\& warn of 'record' referrals},",
    '\turl = {https://example.org/news/week-of-action},',
    '\thowpublished = {https://example.org/news/week-of-action},',
    '}'
  ].join('\n'))
})

t.test('returns CSL-JSON that parses back to the item it was made from', async (t) => {
  const citation = formatCitation(fresh(statistic), 'csl-json')
  t.equal(citation.content_type, 'application/vnd.citationstyles.csl+json')
  t.same(JSON.parse(citation.text), [{
    id: 'week-of-action-arrests-2018',
    'citation-key': 'week_of_action_arrests_2018',
    type: 'webpage',
    title: primary.title,
    author: [{ literal: 'Example Crime Agency' }],
    URL: primary.url,
    issued: { 'date-parts': [[2018, 9, 6]] },
    accessed: { 'date-parts': [[2025, 1, 15]] }
  }])
})

t.test('cites a secondary-only figure from the page it was seen on, as precisely dated as that page', async (t) => {
  const secondaryOnly = { id: 'press-figure', sources: [press] }
  t.equal(citedSource(secondaryOnly), press)
  t.same(cslItem(secondaryOnly).issued, { 'date-parts': [[2018, 9]] })
  t.equal(formatCitation(secondaryOnly, 'apa').text,
    'Example News. (2018, September). Report on the week of action. https://news.example.com/2018/09/03/week')
})

t.test('marks an undated page "n.d." / "no date" instead of inventing a date', async (t) => {
  const undated = { id: 'undated', sources: [{ ...primary, published: null }] }
  t.notOk('issued' in cslItem(undated))
  t.equal(formatCitation(undated, 'apa').text,
    'Example Crime Agency. (n.d.). Police arrest 130 suspects in one week & warn of ‘record’ referrals. Retrieved 15 January 2025, from https://example.org/news/week-of-action')
  t.match(formatCitation(undated, 'harvard').text, /^Example Crime Agency \(no date\) /)
})

t.test('gives the same text every time, with no date but the ones in the data', async (t) => {
  const thisYear = String(new Date().getUTCFullYear())
  for (const style of CITATION_STYLES) {
    const first = formatCitation(fresh(statistic), style)
    t.same(formatCitation(fresh(statistic), style), first, style)
    t.equal(formatCitation(statistic, style), formatCitation(statistic, style), `${style} is kept for an unchanged statistic`)
    if (thisYear !== '2018' && thisYear !== '2025') t.notMatch(first.text, thisYear, `${style} has no date of today`)
  }
})

t.test('refuses to cite a statistic with no sources', async (t) => {
  t.throws(() => formatCitation({ id: 'no-sources', sources: [] }, 'apa'), /no-sources has no source to cite/)
})

t.test('derives the British locale by changing only language, dates and quotation marks', async (t) => {
  const quotes = (open: string, close: string, inner: string, innerClose: string) =>
    `<term name="open-quote">${open}</term><term name="close-quote">${close}</term>` +
    `<term name="open-inner-quote">${inner}</term><term name="close-inner-quote">${innerClose}</term>`
  const american = 'xml:lang="en-US" punctuation-in-quote="true" ' +
    '<date form="text"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>' +
    '<date form="numeric"><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>' +
    quotes('“', '”', '‘', '’')
  t.equal(britishLocale(american), 'xml:lang="en-GB" punctuation-in-quote="false" ' +
    '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>' +
    '<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>' +
    quotes('‘', '’', '“', '”'))
})
