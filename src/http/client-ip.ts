import type { IncomingMessage } from 'node:http'
import proxyAddr from '@fastify/proxy-addr'

type Trust = (addr: string, hop: number) => boolean

/** Fastify's reading of its `trustProxy` option (lib/request.js), so both paths see one client. */
function trustOf (trustProxy: boolean | number | string): Trust {
  if (trustProxy === true) return () => true
  // Fastify fails closed on a bare hop count: it cannot vouch for the immediate peer.
  if (typeof trustProxy === 'number') return () => false
  return proxyAddr.compile(String(trustProxy).split(',').map((value) => value.trim()))
}

/**
 * The client address of a raw request exactly as Fastify's `request.ip` gives it, for the
 * fast lane's rate limiting. Used for counting only; never logged.
 */
export function clientIpReader (trustProxy: boolean | number | string): (raw: IncomingMessage) => string {
  if (trustProxy === false) return (raw) => raw.socket.remoteAddress ?? ''
  const trust = trustOf(trustProxy)
  return (raw) => {
    const addresses = proxyAddr.all(raw, trust)
    return addresses[addresses.length - 1] ?? ''
  }
}
