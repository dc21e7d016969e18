import type { CslItem } from '@citation-js/core'
import type { SourceRecord } from '../../schemas/source.js'
import type { Citation, CitationStyle } from '../../schemas/statistic.js'
import { cite, CITATION_LOCALE } from './citation-library.js'

/** The parts of a source a citation needs; both a SourceRecord and a served Source fit. */
export type CitableSource = Pick<SourceRecord, 'publisher' | 'title' | 'url' | 'published' | 'accessed' | 'kind'>

/** A statistic with its sources resolved, in the order the record lists them. */
export interface CitableStatistic {
  id: string
  sources: readonly CitableSource[]
}

const CONTENT_TYPES: Record<CitationStyle, string> = {
  apa: 'text/plain; charset=utf-8',
  harvard: 'text/plain; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json'
}

// citation-js's own names for the two bibliography styles it bundles.
const TEMPLATES: Record<'apa' | 'harvard', string> = { apa: 'apa', harvard: 'harvard1' }

/**
 * The source to cite: the first one from the publisher itself, else the first listed. A
 * secondary-only statistic is cited from the page where it was actually seen, never from an
 * original that was not checked.
 */
export function citedSource (statistic: CitableStatistic): CitableSource {
  const source = statistic.sources.find((s) => s.kind === 'primary') ?? statistic.sources[0]
  if (source === undefined) throw new Error(`statistic ${statistic.id} has no source to cite`)
  return source
}

/** `2018-09` → CSL date parts `[[2018, 9]]`: only as precise as the page states it. */
export function dateParts (date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] }
}

/**
 * The statistic's source as one CSL-JSON item. The publisher is the author, as an
 * organisation (`literal`), so no style mistakes it for a person's name. An undated page gets
 * no `issued` date ("n.d."), never today's date.
 */
export function cslItem (statistic: CitableStatistic): CslItem {
  const source = citedSource(statistic)
  return {
    id: statistic.id,
    // BibTeX keys may not contain hyphens; citation-js would otherwise invent a key.
    'citation-key': statistic.id.replaceAll('-', '_'),
    type: 'webpage',
    title: source.title,
    author: [{ literal: source.publisher }],
    URL: source.url,
    ...(source.published === null ? {} : { issued: dateParts(source.published) }),
    accessed: dateParts(source.accessed)
  }
}

function render (item: CslItem, style: CitationStyle): string {
  const citation = cite([item])
  if (style === 'bibtex') return citation.format('bibtex')
  if (style === 'csl-json') return citation.format('data', { format: 'text' })
  return citation.format('bibliography', { format: 'text', template: TEMPLATES[style], lang: CITATION_LOCALE })
}

// Statistics in a catalogue are never mutated, so a formatted citation can be kept per object.
const memo = new WeakMap<CitableStatistic, Map<CitationStyle, Citation>>()

/** A statistic's source formatted as a citation in one style, with the media type to serve it as. */
export function formatCitation (statistic: CitableStatistic, style: CitationStyle): Citation {
  let byStyle = memo.get(statistic)
  if (byStyle === undefined) memo.set(statistic, byStyle = new Map())
  let citation = byStyle.get(style)
  if (citation === undefined) {
    citation = { style, content_type: CONTENT_TYPES[style], text: render(cslItem(statistic), style).trim() }
    byStyle.set(style, citation)
  }
  return citation
}
