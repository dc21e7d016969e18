/*
 * The API's answers as the widget reads them: the server's own schemas, type-only (nothing
 * from them reaches the bundle). Council contacts carry an audience: only public ones are
 * shown (a professionals' line is never offered to the public as the way to report).
 */
import type { Contact } from '../../schemas/contact.js'
import type { CouncilContact } from '../../schemas/council-contact.js'
import type { Helpline } from '../../schemas/helpline.js'
import type { LocalAuthority, LocalAuthorityRef } from '../../schemas/local-authority.js'
import type { PostcodeMatchView } from '../../schemas/lookup.js'
import type { ReportingRoute } from '../../schemas/reporting-route.js'

export type { Contact, CouncilContact, Helpline, ReportingRoute }
export type Council = LocalAuthority

export interface Lookup {
  match: PostcodeMatchView
  authorities: Council[]
  alternatives: LocalAuthorityRef[]
}
