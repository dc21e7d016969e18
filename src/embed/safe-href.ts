const SAFE_SCHEMES = /^(?:tel:\+?[0-9]+|sms:\+?[0-9]+|mailto:[^\s<>"]+@[^\s<>"]+|https:\/\/[^\s<>"]+)$/

/**
 * Whether a URI from the API may be a link: tel, sms, mailto or https, nothing else (never
 * javascript: or data:). Shared by the web component and the server-rendered pages.
 */
export function safeHref (uri: string | null | undefined): uri is string {
  return typeof uri === 'string' && SAFE_SCHEMES.test(uri)
}
