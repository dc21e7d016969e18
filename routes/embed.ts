import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { EmbedHelplinesQuerySchema, EmbedRouteQuerySchema, NoQuerySchema, pageProblemResponses, textResponse } from '../schemas/embed-api.js'
import type { Problem } from '../schemas/problem.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { findHelplines } from '../src/domain/helplines.js'
import { composeRoute } from '../src/domain/reporting-routes.js'
import { HELP_JS } from '../src/embed/generated/help-js.js'
import { nextLondonMidnight } from '../src/embed/open-badge.js'
import { unknownValue } from '../src/http/errors.js'
import { momentOf } from '../src/http/moment.js'
import { quality } from '../src/http/negotiate-format.js'
import { precompress, prepare } from '../src/http/prepared.js'
import { queryKey, respond } from '../src/http/respond.js'
import { pageCsp } from '../src/http/security-headers.js'
import { sendPrepared } from '../src/http/send-prepared.js'
import { demoPage } from '../src/pages/demo-page.js'
import { errorPage } from '../src/pages/error-page.js'
import { helplinesHtml, routeHtml } from '../src/pages/help-html.js'
import { page } from '../src/pages/html.js'
import { PAGE_CSS, PAGE_CSS_HASH } from '../src/pages/page-styles.js'

export interface EmbedOptions {
  /** Prefix of the snippet's addresses: PUBLIC_BASE_URL, or '' for paths relative to this server. */
  base: string
}

const HTML = 'text/html; charset=utf-8'
const AS_HTML = { contentType: HTML, text: (payload: unknown) => payload as string }
const FRAMABLE_CSP = pageCsp(PAGE_CSS_HASH, { framable: true })
const DEMO_CSP = pageCsp(PAGE_CSS_HASH, { framable: false, allow: { 'script-src': "'self'", 'connect-src': "'self'", 'frame-src': "'self'" } })

/**
 * Every answer of the help pages, errors included, may be framed by any site, and an error
 * is a page too when the browser asks for HTML: in an iframe, problem JSON would show as raw
 * text, and a frame-ancestors 'none' error would show nothing at all, not even 999.
 */
function framable (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void): void {
  reply.header('content-security-policy', FRAMABLE_CSP)
  reply.removeHeader('x-frame-options')
  if (reply.statusCode >= 400) reply.header('vary', 'Accept')
  const accept = request.headers.accept
  const asPage = reply.statusCode >= 400 && typeof payload === 'string' && accept !== undefined && quality(accept, 'text/html') > quality(accept, 'application/problem+json')
  if (!asPage) return done(null, payload)
  reply.header('content-type', HTML)
  done(null, errorPage(JSON.parse(payload) as Problem))
}

/** The embed: the demo page, the web component, and the help as pages without JavaScript. */
const embed: FastifyPluginAsyncTypebox<EmbedOptions> = async (app, { base }) => {
  // The same bytes for the life of the process: made and compressed once.
  const script = precompress(prepare(HELP_JS, 'text/javascript; charset=utf-8'))
  const demo = precompress(prepare(demoPage(base), HTML))

  app.get('/embed', {
    schema: {
      operationId: 'getEmbedDemo',
      tags: ['embed'],
      summary: 'The embed: the snippet to paste, its options and live examples',
      description: 'A page for website owners: the two lines to paste (inside `<pre data-embed-snippet>`), the attributes, theming, and live examples of the web component and of the pages without JavaScript.',
      querystring: NoQuerySchema,
      response: { 200: textResponse('text/html', 'The demo page'), 304: NotModifiedResponse, 400: problemResponse('An unknown query parameter') }
    }
  }, async function getEmbedDemo (request, reply) {
    reply.header('content-security-policy', DEMO_CSP)
    return sendPrepared(request, reply, demo, this.clock(), 'asset')
  })

  app.get('/embed/v1/help.js', {
    schema: {
      operationId: 'getEmbedScript',
      tags: ['embed'],
      summary: 'The web component <safeguarding-help>, one dependency-free ES module',
      description: 'Load it as a module script (`type="module"`) and place a `safeguarding-help` element on the page: see GET /embed for the two lines to paste. It shows 999 first, then the route or the helplines with tap-to-call links and open-now badges, an optional postcode field and quick exit. No cookies, no storage, requests to this API only.',
      querystring: NoQuerySchema,
      response: { 200: textResponse('text/javascript', 'The script'), 304: NotModifiedResponse, 400: problemResponse('An unknown query parameter') }
    }
  }, async function getEmbedScript (request, reply) {
    return sendPrepared(request, reply, script, this.clock(), 'asset')
  })

  await app.register(async function helpPages (scope) {
    scope.addHook('onSend', framable)
    const pages = scope.withTypeProvider<TypeBoxTypeProvider>()

    pages.get('/embed/v1/route.html', {
      schema: {
        operationId: 'getEmbedRoutePage',
        tags: ['embed'],
        summary: 'A reporting route as a page without JavaScript, for an iframe or a link',
        description: 'The ordered steps for a situation as a complete, accessible HTML page: 999 first, tap-to-call links, hours and open-now, and quick exit as a plain link. This page and helplines.html are the only answers that may be framed (`frame-ancestors *`).',
        querystring: EmbedRouteQuerySchema,
        response: { 200: textResponse('text/html', 'The page'), 304: NotModifiedResponse, ...pageProblemResponses }
      }
    }, async function getEmbedRoutePage (request, reply) {
      const { query } = request
      const catalogue = this.catalogueFor(query.release)
      const situation = query.situation ?? 'worried-about-a-child'
      const entry = catalogue.routeById.get(situation)
      if (entry === undefined) throw unknownValue('situation', catalogue.routes.map((r) => r.situation.id))
      const { moment, followsClock, now } = momentOf(this, query)
      return respond(request, reply, {
        owner: catalogue,
        key: queryKey('/embed/v1/route.html', { ...query, situation }),
        pinned: true,
        now,
        followsClock,
        render: AS_HTML,
        build () {
          const { item, validUntil } = composeRoute(catalogue, entry, query.nation, null, moment)
          // "Opens 8am tomorrow" is wrong after midnight, whatever the hours.
          return { payload: page({ title: item.situation.title, css: PAGE_CSS, body: routeHtml(item, now) }), validUntil: Math.min(validUntil, nextLondonMidnight(now)) }
        }
      })
    })

    pages.get('/embed/v1/helplines.html', {
      schema: {
        operationId: 'getEmbedHelplinesPage',
        tags: ['embed'],
        summary: 'Helplines as a page without JavaScript, for an iframe or a link',
        description: 'Every helpline (for a nation when given) as a complete, accessible HTML page: 999 first, tap-to-call links, hours and open-now, and quick exit as a plain link. May be framed by any site.',
        querystring: EmbedHelplinesQuerySchema,
        response: { 200: textResponse('text/html', 'The page'), 304: NotModifiedResponse, ...pageProblemResponses }
      }
    }, async function getEmbedHelplinesPage (request, reply) {
      const { query } = request
      const catalogue = this.catalogueFor(query.release)
      const { moment, followsClock, now } = momentOf(this, query)
      return respond(request, reply, {
        owner: catalogue,
        key: queryKey('/embed/v1/helplines.html', query),
        pinned: true,
        now,
        followsClock,
        render: AS_HTML,
        build () {
          const { items, validUntil } = findHelplines(catalogue, { nation: query.nation }, moment)
          return { payload: page({ title: 'Helplines', css: PAGE_CSS, body: helplinesHtml(items, now) }), validUntil: Math.min(validUntil, nextLondonMidnight(now)) }
        }
      })
    })
  })
}

export default embed
