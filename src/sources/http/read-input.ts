import { open } from 'node:fs/promises';
import { fetchBounded, FETCH_DEFAULTS } from './fetch-bounded';
import type { FetchOptions } from './fetch-bounded';
import { FetchError, formatBytes } from './fetch-error';

export interface InputBytes {
  bytes: Buffer;
  contentType?: string;
  /** The URL after redirects, or the path as given. */
  location: string;
}

/**
 * What the CLI reads for `tocsin parse` / `replay`: an http(s) URL through fetchBounded,
 * anything else as a local file, capped at the same size. Rejects with a FetchError.
 */
export async function readInput(pathOrUrl: string, opts: FetchOptions = {}): Promise<InputBytes> {
  if (/^https?:\/\//i.test(pathOrUrl)) {
    const res = await fetchBounded(pathOrUrl, opts);
    return res.contentType !== undefined
      ? { bytes: res.bytes, contentType: res.contentType, location: res.finalUrl }
      : { bytes: res.bytes, location: res.finalUrl };
  }
  return { bytes: await readLocalFile(pathOrUrl, opts.maxBytes ?? FETCH_DEFAULTS.maxBytes), location: pathOrUrl };
}

async function readLocalFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path.startsWith('file://') ? new URL(path) : path, 'r');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new FetchError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new FetchError(`is a directory: ${path}`);
    if (code === 'EACCES') throw new FetchError(`permission denied: ${path}`);
    throw new FetchError(`cannot open ${path}: ${(err as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FetchError(`is a directory: ${path}`);
    // Read one byte past the cap so a file that grows or lies about its size is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new FetchError(`file larger than ${formatBytes(maxBytes)}`);
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError(`cannot read ${path}: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}
