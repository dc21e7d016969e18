import createError from '@fastify/error'

export type Format = 'json' | 'csv' | 'atom'

const MEDIA: Record<Format, string> = { json: 'application/json', csv: 'text/csv', atom: 'application/atom+xml' }
const NotAcceptable = createError('SG_NOT_ACCEPTABLE', 'This endpoint can answer only as %s: send an Accept header that allows it', 406)

/**
 * The representation to send: `?format=` when given, else the best the Accept header allows
 * among `offers` (RFC 9110 §12.5.1). JSON wins ties and a missing header. Throws a 406 when
 * the client accepts none of them.
 */
export function chooseFormat (accept: string | undefined, explicit: Format | undefined, offers: readonly Format[]): Format {
  if (explicit !== undefined) return explicit
  if (accept === undefined || accept.trim() === '') return 'json'
  let best: Format | null = null
  let bestQ = 0
  for (const offer of offers) {
    const q = quality(accept, MEDIA[offer])
    if (q > bestQ) { best = offer; bestQ = q }
  }
  if (best === null) throw new NotAcceptable(offers.map((o) => MEDIA[o]).join(' or '))
  return best
}

/** The q-value an Accept header gives a media type: exact match, then type/*, then *\/*. */
export function quality (accept: string, media: string): number {
  const [type] = media.split('/')
  let exact: number | undefined
  let wildType: number | undefined
  let wildAll: number | undefined
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number.parseFloat(qParam.slice(2))
    if (Number.isNaN(q)) continue
    const name = range.trim()
    if (name === media) exact = Math.max(exact ?? 0, q)
    else if (name === `${type}/*`) wildType = Math.max(wildType ?? 0, q)
    else if (name === '*/*') wildAll = Math.max(wildAll ?? 0, q)
  }
  return exact ?? wildType ?? wildAll ?? 0
}
