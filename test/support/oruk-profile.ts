import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/*
 * The Open Referral UK profile's own schemas (test/fixtures/open-referral-uk, copied from
 * OpenReferralUK/uk-profile at commit ecdfabf), compiled with a fresh Ajv, and which one
 * each /hsds answer must pass, read from the profile's OpenAPI as the ORUK validator does.
 * Nothing here comes from the app.
 */

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'open-referral-uk', 'schema')
/** Where the profile's OpenAPI says its schemas are; the copies are registered under these ids. */
const PUBLISHED = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/'

type Json = Record<string, unknown>
const read = (file: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Json
const openapi = read('openapi.json') as { paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: Json } } }> } }>, components: { schemas: { Page: Json } } }

// The schemas carry the profile's own keywords (datapackage_metadata, constraints, core …): not strict.
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
for (const file of ['taxonomy.json', 'taxonomy_term.json', ...readdirSync(join(SCHEMA_DIR, 'compiled')).map((f) => `compiled/${f}`)]) {
  ajv.addSchema({ ...read(file), $id: PUBLISHED + file })
}

const schemaOf = (path: string): Json => openapi.paths[path]?.get.responses['200']?.content['application/json'].schema as Json
/** The `$ref` of a list's items, as the profile's OpenAPI gives it. */
const itemsRef = (path: string) => ((schemaOf(path).properties as { contents: { items: { $ref: string } } }).contents.items.$ref)

/**
 * The profile's paging envelope. Its `Page` lists the fields without requiring them; the
 * profile's API reference says every list "must include" them, so they are required here.
 */
const pageOf = (ref: string): Json => ({
  allOf: [openapi.components.schemas.Page],
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: { contents: { type: 'array', items: { $ref: ref } } }
})

/**
 * The schema for each /hsds list and item. The UK profile removes /organizations from its
 * OpenAPI; the organisation schemas it still ships (compiled/organization*.json) are used.
 * /service_at_locations/{id}: the profile's OpenAPI names compiled/service.json, which its
 * own example of a service at a location fails (it has no `name`); the intended schema,
 * compiled/service_at_location.json, is used instead.
 */
const SCHEMAS: Record<string, Json> = {
  '/hsds/services': pageOf(itemsRef('/services')),
  '/hsds/services/{id}': schemaOf('/services/{id}'),
  '/hsds/service_at_locations': pageOf(itemsRef('/service_at_locations')),
  '/hsds/service_at_locations/{id}': { $ref: `${PUBLISHED}compiled/service_at_location.json` },
  '/hsds/organizations': pageOf(`${PUBLISHED}compiled/organization_list.json`),
  '/hsds/organizations/{id}': { $ref: `${PUBLISHED}compiled/organization.json` },
  '/hsds/taxonomies': pageOf(itemsRef('/taxonomies')),
  '/hsds/taxonomies/{id}': schemaOf('/taxonomies/{id}'),
  '/hsds/taxonomy_terms': pageOf(itemsRef('/taxonomy_terms')),
  '/hsds/taxonomy_terms/{id}': schemaOf('/taxonomy_terms/{id}'),
  // The profile's `/` lists its three fields without requiring them; its README says a feed reports all three.
  '/hsds/': { ...schemaOf('/'), required: ['version', 'profile', 'openapi_url'] }
}

const compiled = new Map<string, ValidateFunction>()

/** The profile's schema errors for the answer to a path template (`/hsds/services/{id}`); [] when it passes. */
export function profileErrors (template: string, body: unknown): string[] {
  let validate = compiled.get(template)
  if (validate === undefined) {
    const schema = SCHEMAS[template]
    if (schema === undefined) throw new Error(`the profile names no schema for ${template}`)
    validate = ajv.compile(schema)
    compiled.set(template, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? []).map((e: ErrorObject) => `${template} ${e.instancePath || '/'} ${e.message ?? e.keyword}`)
}

/** Which schema file the profile's OpenAPI names for an endpoint (for the record: the quirk above). */
export function profileRef (path: string): string | undefined {
  const schema = schemaOf(path)
  return typeof schema?.$ref === 'string' ? schema.$ref : undefined
}
