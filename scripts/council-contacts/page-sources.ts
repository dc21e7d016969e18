// One source record per page a served council number was seen on, with the quotes that
// show the numbers: the bibliography entry a reviewer follows to check each value.
import type { SourceRecord } from '../../schemas/source.js'
import type { AuthorityBase, ConvertOptions } from './convert.js'
import type { Evidence, ResearchedCouncil, SourceKind } from './research.js'
import { DESK_CHECK_PAGES } from './desk-check.js'
import { slug } from './slug.js'

const KINDS: Record<Exclude<SourceKind, 'third-party'>, SourceRecord['kind']> = {
  'own-domain': 'council-page',
  'council-other-domain': 'council-run-site',
  'children-trust': 'childrens-trust',
  partnership: 'safeguarding-partnership'
}

const SECOND_CHECK: Record<string, string> = {
  'found again': 'A second, independent look-up found the same value on this page again.',
  'page not found again': 'A second look-up could not retrieve this page again.',
  'quote found on another page': 'A second look-up found the quote on another page.',
  'not re-checked': 'Not yet re-checked by a second look-up.'
}

export interface PageSources {
  idOf: (url: string) => string
  records: () => SourceRecord[]
}

/** A page's name when the research gives no title: its address without the scheme. */
function pageTitle (url: string): string {
  const u = new URL(url)
  return `Page ${u.host}${u.pathname.replace(/\/$/, '')}`.slice(0, 300)
}

function publisher (council: AuthorityBase, e: Evidence): string {
  const host = new URL(e.source_url).host.replace(/^www\./, '')
  if (e.source_kind === 'own-domain') return council.name
  if (e.source_kind === 'council-other-domain') return `${council.name} (${host})`
  if (e.source_kind === 'children-trust') return `Children's trust for ${council.short_name} (${host})`
  return `Safeguarding children partnership for ${council.short_name} (${host})`
}

/**
 * The source records for every page that shows a served number, ids derived from the first
 * council (by code) that cites the page and the page's last path segment, kept unique.
 */
export function pageSources (
  councils: readonly ResearchedCouncil[],
  lines: ReadonlyMap<string, ReadonlyArray<{ evidence: Evidence[] }>>,
  authorities: ReadonlyMap<string, AuthorityBase>,
  options: ConvertOptions
): PageSources {
  const byUrl = new Map<string, { record: SourceRecord, checks: Set<string> }>()
  const used = new Set(options.takenSourceIds)
  for (const council of councils) {
    const base = authorities.get(council.code) as AuthorityBase
    for (const line of lines.get(council.code) ?? []) {
      for (const e of line.evidence) {
        let page = byUrl.get(e.source_url)
        if (page === undefined) {
          const u = new URL(e.source_url)
          const last = u.pathname.split('/').filter(Boolean).at(-1)?.replace(/\.[a-z]+$/i, '') ?? u.host.replace(/^www\./, '').split('.')[0] ?? 'page'
          const stem = `${slug(base.short_name, 30)}-${slug(last, 44) || 'page'}`
          let id = stem
          for (let n = 2; used.has(id); n++) id = `${stem}-${n}`
          used.add(id)
          const desk = DESK_CHECK_PAGES[e.source_url]
          const title = desk?.title ?? ((council.report_page?.url === e.source_url ? council.report_page.title : null) ?? pageTitle(e.source_url))
          page = {
            record: {
              id,
              publisher: desk?.publisher ?? publisher(base, e),
              title,
              url: e.source_url,
              published: null,
              accessed: council.accessed ?? options.accessed,
              kind: KINDS[e.source_kind as Exclude<SourceKind, 'third-party'>]
            },
            checks: new Set()
          }
          byUrl.set(e.source_url, page)
        }
        const r = page.record
        if (r.published === null && e.page_date !== null) {
          if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(e.page_date)) throw new Error(`council-contacts: ${council.code}: page date "${e.page_date}" is not YYYY, YYYY-MM or YYYY-MM-DD`)
          r.published = e.page_date
        }
        r.quotes = [...new Set([...(r.quotes ?? []), e.quote])]
        page.checks.add(e.second_check)
      }
    }
  }
  return {
    idOf: (url) => (byUrl.get(url) as { record: SourceRecord }).record.id,
    records: () => [...byUrl.values()].map(({ record, checks }) => {
      const dateNote = DESK_CHECK_PAGES[record.url]?.date_note ?? (record.published === null ? 'No date shown on the archived copy.' : undefined)
      const notes = ['Seen on an archived copy of the page; check the live page before relying on it.', ...[...checks].sort().map((c) => SECOND_CHECK[c] ?? `Second look-up: ${c}.`)].join(' ')
      return { ...record, ...(dateNote === undefined ? {} : { published_note: dateNote }), notes }
    }).sort((a, b) => a.id.localeCompare(b.id))
  }
}
