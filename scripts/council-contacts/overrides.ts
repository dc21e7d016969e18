// A maintainer's corrections to the research's proposal (scripts/council-contacts/overrides.yaml),
// each with the reason: the only place the proposal is overruled.
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { parse } from 'yaml'
import { HttpsUrlSchema } from '../../schemas/common.js'
import { COUNCIL_CONTACT_AUDIENCES, COUNCIL_CONTACT_ROLES } from '../../schemas/council-contact.js'
import { StringEnum } from '../../schemas/common.js'
import { validateRecords } from '../../src/catalogue/validate-records.js'

const Reason = Type.String({ minLength: 10, maxLength: 500, description: 'Why, and what evidence shows it' })
const Code = Type.String({ pattern: '^[EWS]\\d{8}$' })

export const OverrideSchema = Type.Union([
  Type.Object({ code: Code, action: Type.Literal('exclude'), value: Type.String({ minLength: 1 }), reason: Reason }, { additionalProperties: false }),
  Type.Object({
    code: Code,
    action: Type.Literal('serve'),
    kind: Type.Optional(StringEnum(['phone', 'email'])),
    value: Type.String({ minLength: 1 }),
    role: StringEnum(COUNCIL_CONTACT_ROLES),
    audience: StringEnum(COUNCIL_CONTACT_AUDIENCES),
    team: Type.Optional(Type.String({ minLength: 1 })),
    hours_text: Type.Optional(Type.String({ minLength: 1 })),
    evidence: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, description: 'Indexes into the council\'s evidence[] whose quotes show the value' }),
    reason: Reason
  }, { additionalProperties: false }),
  Type.Object({ code: Code, action: StringEnum(['report_url', 'homepage_url']), url: HttpsUrlSchema, reason: Reason }, { additionalProperties: false })
])
export type Override = Static<typeof OverrideSchema>

export const OVERRIDES_FILE = new URL('./overrides.yaml', import.meta.url).pathname

/** The overrides file, checked (every entry must give its reason). */
export function readOverrides (path = OVERRIDES_FILE): Override[] {
  const parsed: unknown = parse(readFileSync(path, 'utf8')) ?? []
  return validateRecords('scripts/council-contacts/overrides.yaml', parsed, OverrideSchema) as Override[]
}
