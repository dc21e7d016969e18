import type { HsdsOrganization, HsdsOrganizationSummary } from '../../../schemas/hsds/organization.js'
import type { BodyType, LocalAuthority } from '../../../schemas/local-authority.js'
import type { OrganisationRecord } from '../../../schemas/organisation.js'
import { hsdsId } from './ids.js'

/** An organisation in the HSDS view: its own fields, with identifiers when it has any. */
export type OrganizationBase = Omit<HsdsOrganization, 'services'>

export const organisationKey = (id: string) => `organisation/${id}`
export const councilKey = (code: string) => `council/${code}`

/** An organisation of organisations.yaml. */
export function organizationFromRecord (record: OrganisationRecord): OrganizationBase {
  return {
    id: hsdsId('organization', organisationKey(record.id)),
    name: record.name,
    description: record.summary,
    ...(record.website === null ? {} : { website: record.website })
  }
}

const BODY_WORDS: Record<BodyType, string> = {
  county: 'county council',
  'unitary-authority': 'unitary council',
  'metropolitan-district': 'metropolitan district council',
  'london-borough': 'London borough council',
  'city-corporation': 'local authority of the City of London',
  'welsh-unitary-authority': 'Welsh council',
  'scottish-council': 'Scottish council',
  'hsc-trust': 'Health and Social Care Trust'
}

type Council = Pick<LocalAuthority, 'code' | 'name' | 'short_name' | 'body_type' | 'homepage_url'>

/** A body responsible for children's social care, identified by its ONS code. */
export function organizationFromCouncil (la: Council): OrganizationBase {
  const id = hsdsId('organization', councilKey(la.code))
  return {
    id,
    name: la.name,
    description: `The ${BODY_WORDS[la.body_type]} responsible for children's social care in ${la.short_name}.`,
    ...(la.homepage_url === null ? {} : { website: la.homepage_url }),
    organization_identifiers: [{
      id: hsdsId('organization_identifier', councilKey(la.code)),
      organization_id: id,
      // Northern Ireland trusts have no GSS code of their own: ONSPD gives the code of the Local Commissioning Group with the same boundary.
      identifier_type: la.body_type === 'hsc-trust' ? 'ONS Local Commissioning Group code' : 'ONS GSS code',
      identifier: la.code
    }]
  }
}

/** The one-to-one fields, as lists and services carry them. */
export function organizationSummary (org: OrganizationBase): HsdsOrganizationSummary {
  const { organization_identifiers: _ids, ...summary } = org
  return summary
}
