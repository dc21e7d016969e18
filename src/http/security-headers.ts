import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/**
 * The headers helmet sets for a JSON API, worked out once at boot. @fastify/helmet runs
 * helmet again on every request (rebuilding and re-parsing the policy each time), which
 * cost a tenth of a request's CPU here; these headers never vary, so helmet decides them
 * once and each answer copies them.
 */
export function securityHeaders (): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader (name: string, value: string | number | string[]) { headers[name.toLowerCase()] = String(value) },
    removeHeader (name: string) { Reflect.deleteProperty(headers, name.toLowerCase()) }
  }
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    referrerPolicy: { policy: 'no-referrer' },
    // Other sites fetch this data: it must not be locked to our origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Headers for HTML documents and old browsers: a JSON answer gains nothing from them,
    // and every one is written and checked on every response.
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false
  })({} as IncomingMessage, response as unknown as ServerResponse, () => {})
  return headers
}

/**
 * The CSP of one of our HTML pages: nothing loads but its own stylesheet (by hash) and what
 * `allow` names. Only the embed's help pages pass `framable`: every other answer keeps
 * `frame-ancestors 'none'` (and X-Frame-Options), so no other page can be framed by a
 * site that would overlay or disguise it.
 */
export function pageCsp (styleHash: string, options: { framable: boolean, allow?: Record<string, string> }): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    ...options.allow,
    'style-src': styleHash,
    'frame-ancestors': options.framable ? '*' : "'none'",
    'base-uri': "'none'",
    'form-action': "'none'"
  }
  return Object.entries(directives).map(([name, value]) => `${name} ${value}`).join('; ')
}
