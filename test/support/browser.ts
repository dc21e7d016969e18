import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium (`.ci/run` installs the package); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// This machine has no network but loopback: without these, Chromium keeps trying to reach
// Google's services. The sandbox needs privileges a root CI run does not give it.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Chromium with a fresh, empty profile (its own --user-data-dir), deleted on close. */
export async function launchChromium (): Promise<{ context: BrowserContext, close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'sg-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } })
  return {
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    }
  }
}

export interface Site { origin: string, close: () => Promise<void> }

/** A web server on 127.0.0.1 answering each path from `pages` with its status, headers and body. */
export async function serveSite (pages: Record<string, { headers?: Record<string, string>, body: string }>): Promise<Site> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const found = pages[new URL(req.url ?? '/', 'http://x').pathname]
    if (found === undefined) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...found.headers }).end(found.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** The text of an HTML-escaped element's content, as a browser would read it. */
export function unescapeHtml (text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&')
}
