/** HTTP for sources: bounded fetch (time, size, redirects, conditional GET) and the CLI's input reader. */
export { fetchBounded, FETCH_DEFAULTS } from './fetch-bounded';
export type { FetchOptions, FetchResult } from './fetch-bounded';
export { FetchError } from './fetch-error';
export { readInput } from './read-input';
export type { InputBytes } from './read-input';
export { USER_AGENT } from './user-agent';
