// The shape of ../shared/sources/council-contacts.json (see its `meta`): every value found on
// councils' pages (`evidence`) and a reviewed proposal of what to serve.
export type SourceKind = 'own-domain' | 'council-other-domain' | 'children-trust' | 'partnership' | 'third-party'

export interface Evidence {
  kind: 'phone' | 'email' | 'web_form'
  role: string
  audience: 'public' | 'professionals' | 'both' | 'unstated'
  team: string | null
  value: string
  hours_quote: string | null
  source_url: string
  source_kind: SourceKind
  quote: string
  page_date: string | null
  second_check: string
}

export interface ProposedLine {
  value: string
  team: string | null
  hours_text: string | null
  evidence: number[]
  conflict: boolean
  /** Only in the desk check (desk-check.ts): what a caller should know about the line. */
  note?: string
}

export interface ProposedLines {
  front_door: ProposedLine[]
  out_of_hours: ProposedLine[]
  all_hours: ProposedLine[]
}

export interface Proposal {
  public: ProposedLines
  professionals: ProposedLines
  email: Array<{ value: string, audience: 'public' | 'professionals' | 'both', evidence: number[] }>
  report_page_url: string | null
  homepage_https: string | null
  shared_out_of_hours_with: string[]
  excluded: Array<{ value: string, evidence: number[], reason: string }>
  review_note: string | null
}

export interface ResearchedCouncil {
  code: string
  name: string
  proposal: Proposal
  evidence: Evidence[]
  report_page: { url: string, title: string | null } | null
  /** When the pages were seen, where it differs from the research's `meta.accessed` (the desk check). */
  accessed?: string
}

export interface Research {
  meta: { accessed: string }
  authorities: ResearchedCouncil[]
}
