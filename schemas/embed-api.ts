import { Type } from '@sinclair/typebox'
import { NationQueryField, ReleaseQueryFields } from './query.js'

/** GET /embed/v1/route.html: the same situation and nation as the reporting-route endpoint. */
export const EmbedRouteQuerySchema = Type.Object({
  situation: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80, default: 'worried-about-a-child', description: 'The situation (see /v1/situations); default worried-about-a-child' })),
  ...NationQueryField,
  ...ReleaseQueryFields
}, { additionalProperties: false })

/** GET /embed/v1/helplines.html. */
export const EmbedHelplinesQuerySchema = Type.Object({
  ...NationQueryField,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const NoQuerySchema = Type.Object({}, { additionalProperties: false })

/** A successful answer in a media type other than JSON: an HTML page, or the script. */
export const textResponse = (mediaType: 'text/html' | 'text/javascript', description: string) => ({
  description,
  content: { [mediaType]: { schema: Type.String({ description: mediaType === 'text/html' ? 'An HTML document' : 'An ES module' }) } }
})

/**
 * An error from a help page: problem details, or (to a browser that asks for HTML, such as
 * an iframe) the same problem as a page that still shows 999 and quick exit.
 */
const pageProblemResponse = (description: string) => ({
  description,
  content: {
    'application/problem+json': { schema: Type.Ref('Problem') },
    'text/html': { schema: Type.String({ description: 'The problem as an HTML page, when the Accept header prefers text/html' }) }
  }
})

/** Every error a help page can answer, each as problem details or as a page. */
export const pageProblemResponses = {
  400: pageProblemResponse('A query parameter is not valid (unknown, wrong type or out of range)'),
  404: pageProblemResponse('Unknown release'),
  429: pageProblemResponse('Too many requests from this client; see Retry-After'),
  500: pageProblemResponse('Internal error; quote the request id'),
  503: pageProblemResponse('Overloaded or shutting down; see Retry-After')
}
