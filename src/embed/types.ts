/*
 * The API's answers as the widget reads them: the server's own schemas, type-only (nothing
 * from them reaches the bundle). Council contacts carry an audience: only public ones are
 * shown (a professionals' line is never offered to the public as the way to report).
 */
import type { Contact } from '../../schemas/contact.js'
import type { Helpline } from '../../schemas/helpline.js'
import type { LocalAuthority } from '../../schemas/local-authority.js'
import type { ReportingRoute } from '../../schemas/reporting-route.js'
import type { PostcodeMatchView } from '../../schemas/lookup.js'
import type { LocalAuthorityRef } from '../../schemas/local-authority.js'

export type { Contact, Helpline, ReportingRoute }

export type CouncilContact = Contact & { audience?: 'public' | 'professionals' }
export type Council = Omit<LocalAuthority, 'contacts'> & { contacts: CouncilContact[], report_url?: string | null }

export interface Lookup {
  match: PostcodeMatchView
  authorities: Council[]
  alternatives: LocalAuthorityRef[]
}
