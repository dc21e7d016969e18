import { Type, type Static } from '@sinclair/typebox'
import { NationSchema, Ref } from './common.js'
import { SelfLinksSchema } from './envelope.js'

/**
 * Code of a body responsible for children's social care: its ONS GSS code, or for a
 * Northern Ireland HSC Trust the code of the Local Commissioning Group with the same
 * boundary (ZC010–ZC050), as ONSPD and postcodes.io return in their `ccg` field.
 */
export const AuthorityCodeSchema = Type.String({
  pattern: '^(?:[EWSN]\\d{8}|ZC0[1-5]0)$',
  maxLength: 9,
  description: 'ONS GSS code, or ZC010–ZC050 for a Northern Ireland HSC Trust',
  examples: ['E09000033', 'ZC010']
})

/** The few fields that name an authority inside other answers (alternatives in a split area, shared teams). */
export const LocalAuthorityRefSchema = Type.Object({
  code: AuthorityCodeSchema,
  name: Type.String(),
  nation: Ref(NationSchema),
  links: Ref(SelfLinksSchema)
}, { $id: 'LocalAuthorityRef', additionalProperties: false })
export type LocalAuthorityRef = Static<typeof LocalAuthorityRefSchema>
