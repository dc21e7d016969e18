import { get } from 'node:http'

export interface RawReply {
  status: number
  /** Name, value, name, value… as received. */
  rawHeaders: string[]
  header: (name: string) => string | undefined
  body: Buffer
}

/** One GET on a fresh connection; the body exactly as sent (never decompressed). */
export function getRaw (port: number, path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        rawHeaders: res.rawHeaders,
        header: (name) => { const v = res.headers[name]; return Array.isArray(v) ? v.join(', ') : v },
        body: Buffer.concat(chunks)
      }))
    })
    req.on('error', reject)
  })
}
