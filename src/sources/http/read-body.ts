import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { FetchError, formatBytes } from './fetch-error';

/**
 * Reads a body into a Buffer while counting bytes, so an oversized body is abandoned as
 * soon as it crosses the cap rather than after it has all arrived. Decompression is done
 * here (not by undici) so that the decompressed size is capped too: a gzip bomb stops at
 * the cap after inflating at most one zlib chunk past it.
 */
export async function readBoundedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const encodings = parseEncodings(contentEncoding);
  if (encodings.length === 0) return collect(body, maxBytes);
  if (encodings.length > 1) throw new FetchError(`unsupported content encoding "${contentEncoding}"`);
  return collect(decompress(body, encodings[0] as string, maxBytes), maxBytes);
}

function parseEncodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
}

async function collect(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw new FetchError(`body larger than ${formatBytes(maxBytes)}`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

function inflaterFor(encoding: string, firstByte: number | undefined): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
      return firstByte !== undefined && (firstByte & 0x0f) === 8 ? createInflate() : createInflateRaw();
    default:
      throw new FetchError(`unsupported content encoding "${encoding}"`);
  }
}

/** Feeds compressed chunks to zlib and yields decompressed ones; the raw input is capped as well. */
async function* decompress(body: Readable, encoding: string, maxBytes: number): AsyncGenerator<Buffer> {
  const raw = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await raw.next();
  if (first.done) return;
  const inflater = inflaterFor(encoding, first.value[0]);
  let rawTotal = 0;
  let pumpError: unknown;
  const feed = async (chunk: Buffer): Promise<void> => {
    rawTotal += chunk.length;
    if (rawTotal > maxBytes) throw new FetchError(`body larger than ${formatBytes(maxBytes)}`);
    if (!inflater.write(chunk)) await new Promise<void>((r) => inflater.once('drain', r).once('close', r));
  };
  const pumping = (async () => {
    try {
      await feed(first.value);
      for (let next = await raw.next(); !next.done && !inflater.destroyed; next = await raw.next()) {
        await feed(next.value);
      }
      inflater.end();
    } catch (err) {
      pumpError = err;
      inflater.destroy();
    }
  })();
  try {
    for await (const out of inflater) yield out as Buffer;
  } catch (err) {
    if (pumpError === undefined) {
      throw new FetchError(`could not decompress ${encoding} body: ${(err as Error).message}`);
    }
  } finally {
    inflater.destroy();
    body.destroy();
    await pumping;
  }
  if (pumpError !== undefined) throw pumpError;
}
