/**
 * Optional upstream for postcodes the bundled index cannot answer (above all Northern
 * Ireland, whose postcode data is not openly licensed). Speaks the postcodes.io API:
 * `GET {base}/postcodes/{postcode}`.
 *
 * Privacy: the postcode goes to the upstream and nowhere else; nothing is logged here.
 * Safety: the caller always has an answer to give (national routes), so every failure —
 * timeout, network error, bad status, malformed body — becomes `null`, never a throw.
 */

const GSS_RE = /^[EWSN]\d{8}$/
// ONSPD / postcodes.io `ccg` codes of NI's Local Commissioning Groups, which share the
// HSC Trusts' boundaries; the catalogue uses them as the trusts' codes.
const NI_TRUST_RE = /^ZC0[1-5]0$/

export interface UpstreamFound {
  status: 'found'
  /** The postcode as the upstream wrote it. */
  postcode: string
  /** `codes.admin_district`: the local authority district (GSS), when present. */
  lad_code: string | null
  /** `codes.ccg` when it names an NI trust (ZC010–ZC050), else null. */
  ni_trust_code: string | null
}

export type UpstreamLookup = UpstreamFound | { status: 'not-found' }

export interface PostcodeUpstream {
  /** Look a full postcode up; null when the upstream could not give a usable answer. */
  lookup (postcode: string): Promise<UpstreamLookup | null>
}

export interface PostcodesIoOptions {
  /** Give up after this long (default 1500 ms): a slow upstream must not hold up an answer. */
  timeoutMs?: number
  /** Injectable for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch
}

function pick (value: unknown, re: RegExp): string | null {
  return typeof value === 'string' && re.test(value) ? value : null
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseBody (body: unknown): UpstreamFound | null {
  if (!isRecord(body) || !isRecord(body.result)) return null
  const result = body.result
  const codes = isRecord(result.codes) ? result.codes : {}
  const found: UpstreamFound = {
    status: 'found',
    postcode: typeof result.postcode === 'string' ? result.postcode : '',
    lad_code: pick(codes.admin_district, GSS_RE),
    ni_trust_code: pick(codes.ccg, NI_TRUST_RE)
  }
  return found.lad_code === null && found.ni_trust_code === null ? null : found
}

/**
 * Create a client for a postcodes.io-compatible service at `baseUrl`
 * (e.g. `https://api.postcodes.io`). Resolves to `{ status: 'found' }` with the district and
 * NI trust codes, `{ status: 'not-found' }` on a 404, and null on any failure.
 */
export function createPostcodesIoClient (baseUrl: string, options: PostcodesIoOptions = {}): PostcodeUpstream {
  const base = baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 1500
  const doFetch = options.fetch ?? fetch

  async function lookup (postcode: string): Promise<UpstreamLookup | null> {
    try {
      const compact = postcode.replace(/\s+/g, '').toUpperCase()
      const res = await doFetch(`${base}/postcodes/${encodeURIComponent(compact)}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs)
      })
      if (res.status === 404) {
        await res.body?.cancel()
        return { status: 'not-found' }
      }
      if (!res.ok) {
        await res.body?.cancel()
        return null
      }
      return parseBody(await res.json())
    } catch {
      return null
    }
  }

  return { lookup }
}
