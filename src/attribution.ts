/**
 * Licences and attributions of the data this API serves. They travel with the data: GET /,
 * the OpenAPI description and the README all show them.
 */
export const DATA_LICENCES = [
  {
    name: 'ONS Postcode Directory (postcode to local authority)',
    licence: 'Open Government Licence v3.0',
    licence_url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    attribution: 'Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0.'
  },
  {
    name: 'UK Local Authority Names and Codes',
    licence: 'CC BY 4.0',
    licence_url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: 'UK Local Authority Names and Codes, © mySociety, CC BY 4.0.'
  },
  {
    name: 'GOV.UK Local Links Manager (council homepages and slugs)',
    licence: 'MIT; Crown copyright',
    licence_url: 'https://github.com/alphagov/local-links-manager/blob/main/LICENCE',
    attribution: 'Copyright (c) 2016 Crown Copyright (Government Digital Service), MIT licence.'
  },
  {
    name: 'Open Referral UK (HSDS) schemas',
    licence: 'CC BY-SA 4.0',
    licence_url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    attribution: 'Open Referral / Open Referral UK.'
  },
  {
    name: 'Helplines, reporting channels and statistics',
    licence: 'Facts compiled by the project from the cited sources',
    licence_url: null,
    attribution: 'Each record lists its sources (publisher, URL, date seen). Descriptions are the project\'s own words.'
  }
] as const

/** The same, as Markdown for the OpenAPI description. */
export function licencesMarkdown (): string {
  return DATA_LICENCES.map((l) => `- **${l.name}** (${l.licence}): ${l.attribution}`).join('\n')
}
