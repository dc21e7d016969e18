import { Type } from '@sinclair/typebox'

/**
 * A UK postcode, full (`SW1A 2AA`), sector (`SW1A 2`) or outward code (`SW1A`), any spacing
 * or case. Personal data: never logged, never echoed, answers never cached by others.
 */
export const PostcodeQuerySchema = Type.String({
  minLength: 2,
  maxLength: 10,
  pattern: '^[A-Za-z0-9 ]+$',
  description: 'A UK postcode, its sector or its outward code, in any spacing or case. Never logged.',
  examples: ['SW1A 2AA']
})
