import { brotliCompress, brotliCompressSync, constants, crc32, deflateRaw, deflateRawSync, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/**
 * `fast`: what a request that finds no copy waits for (Brotli 4, gzip 6: a 25 KB list in
 * ~0.2 ms). `best`: made in the background for answers asked for again (Brotli 9, gzip 9).
 * Brotli 10 and 11 would save another ~10% for 20–50 times the CPU (25 ms for the same
 * list), which on a shared core would be taken from requests.
 */
export type Level = 'fast' | 'best'
const BROTLI_QUALITY: Record<Level, number> = { fast: 4, best: 9 }
const GZIP_LEVEL: Record<Level, number> = { fast: 6, best: 9 }

function brotliOptions (bytes: Buffer, level: Level, open: boolean): BrotliOptions {
  return {
    ...(open ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {}),
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[level],
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      // A window no larger than the body: the default 4 MB one makes each small response
      // ten times slower to compress, for the same bytes.
      [constants.BROTLI_PARAM_LGWIN]: Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.ceil(Math.log2(Math.max(2, bytes.length)))))
    }
  }
}

const gzipOptions = (level: Level, open: boolean): ZlibOptions => ({ level: GZIP_LEVEL[level], ...(open ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) })

/** A gzip member's header: deflate, no name or time, from Unix (RFC 1952 §2.3). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])

/**
 * The bytes compressed. `open`: the stream is left unfinished at a byte boundary (flushed,
 * not ended), for `finishStream` to append the rest of a body to, uncompressed.
 */
export function compressSync (bytes: Buffer, encoding: Encoding, level: Level, open = false): Buffer {
  if (encoding === 'br') return brotliCompressSync(bytes, brotliOptions(bytes, level, open))
  return open ? Buffer.concat([GZIP_HEADER, deflateRawSync(bytes, gzipOptions(level, true))]) : gzipSync(bytes, gzipOptions(level, false))
}

/** compressSync on the thread pool, off the event loop. */
export function compressAsync (bytes: Buffer, encoding: Encoding, level: Level, open = false): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => { if (err === null) resolve(out); else reject(err) }
    if (encoding === 'br') brotliCompress(bytes, brotliOptions(bytes, level, open), done)
    else if (!open) gzip(bytes, gzipOptions(level, false), done)
    else deflateRaw(bytes, gzipOptions(level, true), (err, out) => done(err, err === null ? Buffer.concat([GZIP_HEADER, out]) : out))
  })
}

/** The most bytes one uncompressed block carries here (both formats allow this many). */
const STORED_BLOCK = 65_535

/**
 * Finishes an open stream of `head` (compressSync with `open`) with `tail` stored as it is:
 * one valid stream of head + tail. The head's compressed bytes are shared by every body
 * that starts with it, so a body that differs only near its end costs a copy, not a
 * compression. Brotli: uncompressed meta-blocks, then an empty last one (RFC 7932 §9.2);
 * gzip: stored deflate blocks, then the CRC-32 and length of the whole (RFC 1951 §3.2.4,
 * RFC 1952 §2.3). `headCrc` is crc32(head), for gzip.
 */
export function finishStream (encoding: Encoding, open: Buffer, tail: Buffer, headLength: number, headCrc: number): Buffer {
  const pieces: Buffer[] = [open]
  for (let at = 0; at < tail.length; at += STORED_BLOCK) {
    const block = tail.subarray(at, at + STORED_BLOCK)
    const last = at + STORED_BLOCK >= tail.length
    if (encoding === 'br') {
      // ISLAST 0, MNIBBLES 4 (code 0), MLEN-1 in 16 bits, ISUNCOMPRESSED 1, padding.
      const header = ((block.length - 1) << 3) | (1 << 19)
      pieces.push(Buffer.from([header & 0xff, (header >>> 8) & 0xff, (header >>> 16) & 0xff]), block)
    } else {
      // BFINAL on the last block, BTYPE 00 (stored), then LEN and its one's complement.
      const header = Buffer.alloc(5)
      header[0] = last ? 1 : 0
      header.writeUInt16LE(block.length, 1)
      header.writeUInt16LE(~block.length & 0xffff, 3)
      pieces.push(header, block)
    }
  }
  if (encoding === 'br') {
    // ISLAST 1, ISLASTEMPTY 1: the end of the stream.
    pieces.push(Buffer.from([0x03]))
  } else {
    // An empty tail still needs a final block.
    if (tail.length === 0) pieces.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]))
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc32(tail, headCrc) >>> 0, 0)
    trailer.writeUInt32LE((headLength + tail.length) % 0x1_0000_0000, 4)
    pieces.push(trailer)
  }
  return Buffer.concat(pieces)
}

/** crc32 of some bytes (for the gzip trailer of streams finished by finishStream). */
export const crcOf = (bytes: Buffer): number => crc32(bytes) >>> 0
