import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { InjectOptions } from 'light-my-request'
import { WARM_UP_HEADER, WARM_UP_TOKEN } from '../http/warm-up.js'
import { crawl, type CrawlResult } from './crawl.js'
import { nginxConf, type MirroredUrl, type Profile } from './nginx-conf.js'
import { exportReadme } from './readme.js'

/** Headers decided per answer or per connection: everything else is the same for every answer of a kind. */
const PER_ANSWER = new Set(['etag', 'content-type', 'content-length', 'content-encoding', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'])

const EXTENSIONS: Array<[RegExp, string]> = [
  [/^application\/(?:problem\+)?json/, 'json'], [/^text\/csv/, 'csv'], [/^application\/yaml/, 'yaml'],
  [/^application\/atom\+xml/, 'atom'], [/^text\/html/, 'html'], [/^(?:text|application)\/javascript/, 'js'],
  [/^text\/css/, 'css'], [/^text\/plain/, 'txt']
]

/** Where an answer is stored: its path as a folder, `index` plus the query, and an extension for its type. */
export function fileFor (url: string, contentType: string): string {
  const [path = '/', query] = url.split('?')
  const ext = EXTENSIONS.find(([re]) => re.test(contentType))?.[1] ?? 'bin'
  const safeQuery = query === undefined ? '' : '.' + query.replace(/[^A-Za-z0-9=&._-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  return `${path.replace(/\/$/, '')}/index${safeQuery}.${ext}`
}

const fixedHeaders = (headers: Record<string, string>) =>
  Object.entries(headers).filter(([k]) => !PER_ANSWER.has(k)).sort(([a], [b]) => a.localeCompare(b))

export interface ExportResult extends CrawlResult {
  out: string
  urls: MirroredUrl[]
}

/**
 * Writes every public answer of the latest release that does not depend on the clock or on
 * who asks, with its .br/.gz siblings, urls.txt, manifest.json, nginx.conf and a README.
 */
export async function exportStatic (app: FastifyInstance, options: { out: string, port: number, base: string, releasedAt: string }): Promise<ExportResult> {
  const out = resolve(options.out)
  const result = await crawl(app, options.base)
  const profiles = new Map<string, Profile>()
  const urls: MirroredUrl[] = []
  const mtime = new Date(options.releasedAt)
  const write = (file: string, bytes: Buffer | string) => {
    const path = join(out, file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, bytes)
    // The files date from the release they hold, whenever the export ran.
    utimesSync(path, mtime, mtime)
  }

  for (const answer of result.exported) {
    const contentType = answer.headers['content-type'] as string
    const headers = fixedHeaders(answer.headers)
    const key = JSON.stringify([contentType, headers])
    let profile = [...profiles.values()].find((p) => JSON.stringify([p.contentType, p.headers]) === key)
    if (profile === undefined) {
      profile = { name: `p${profiles.size + 1}`, contentType, headers }
      profiles.set(profile.name, profile)
    }
    const file = fileFor(answer.url, contentType)
    write(file, answer.body)
    const encodings: MirroredUrl['encodings'] = []
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const res = await app.inject({ url: answer.url, headers: { [WARM_UP_HEADER]: WARM_UP_TOKEN, 'accept-encoding': encoding } })
      if (res.headers['content-encoding'] !== encoding) continue
      write(file + suffix, res.rawPayload)
      encodings.push(encoding)
    }
    urls.push({ url: answer.url, file, etag: answer.headers.etag as string, profile: profile.name, encodings })
  }

  const special = async (request: InjectOptions) => {
    const res = await app.inject(request)
    return { status: res.statusCode, headers: fixedHeaders(Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]))) }
  }
  const notFound = await special({ url: '/v1/no-such-answer' })
  const preflight = await special({ method: 'OPTIONS' as const, url: '/v1/sources', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } })
  const notAllowed = await special({ method: 'POST' as const, url: '/v1/sources' })
  const problem = (status: number, title: string, detail: string) => JSON.stringify({ type: status === 404 ? '/problems/not-found' : '/problems/method-not-allowed', title, status, detail, instance: '/' })

  write('urls.txt', urls.map((u) => u.url).join('\n') + '\n')
  write('manifest.json', JSON.stringify(urls.map((u) => ({ ...u, ...(() => { const p = profiles.get(u.profile) as Profile; return { content_type: p.contentType, headers: Object.fromEntries(p.headers) } })() })), null, 2) + '\n')
  write('README.md', exportReadme(result, urls.length))
  write('nginx.conf', nginxConf({
    root: out,
    port: options.port,
    urls,
    profiles: [...profiles.values()],
    notFound: { headers: notFound.headers, body: problem(404, 'Not in this mirror', 'This static mirror holds only the answers listed in /urls.txt. Answers about what is open now, and postcode lookups, are never in it: ask the API, or answer them on the device with the typed client\'s offline mode.') },
    preflight,
    methodNotAllowed: { headers: notAllowed.headers, body: problem(405, 'Method not allowed', 'This mirror is read-only: use GET, HEAD or OPTIONS.') }
  }))
  mkdirSync(join(out, '.nginx', 'tmp'), { recursive: true })
  return { ...result, out, urls }
}
