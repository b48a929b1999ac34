import { fetchBounded, readInput } from '../../src/sources/http';

/**
 * fetchBounded / readInput as tests use them: their servers listen on 127.0.0.1, which the
 * bot refuses unless TOCSIN_ALLOW_PRIVATE_FETCH=1 — the same allowance, given as an option.
 */
export const fetchLocal: typeof fetchBounded = (url, opts = {}) => fetchBounded(url, { allowPrivate: true, ...opts });
export const readLocalInput: typeof readInput = (pathOrUrl, opts = {}) => readInput(pathOrUrl, { allowPrivate: true, ...opts });
