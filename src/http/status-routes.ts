import type { Store } from '../store/port';
import { buildStatusView, renderStatusPage, type StatusInput, type StatusView } from '../status-page';
import type { HttpRequest, HttpResponse, Route } from './route';
import { jsonResponse } from './route';

/** The default window of "recent" incidents. */
export const RECENT_DAYS = 7;
/** Most incidents one page or answer lists (newest first). */
export const MAX_INCIDENTS = 1000;

export interface StatusPageDeps {
  /** Read only: the page works on any replica and either store. */
  store: Pick<Store, 'listLevels' | 'listIncidents' | 'listSourceStates'>;
  authoritySources: Record<string, string[]>;
  authorityNames?: Record<string, string>;
  clock: () => Date;
}

/** No script, nothing from elsewhere: even text a feed managed to smuggle in cannot run. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** `since` from the query (an ISO instant), else RECENT_DAYS ago; an error text when unreadable. */
export function sinceOf(req: Pick<HttpRequest, 'query'>, now: Date): { since: string } | { error: string } {
  const raw = req.query.get('since');
  if (raw === null || raw.trim() === '') return { since: new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString() };
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw.trim()) || Number.isNaN(t)) return { error: `since must be an ISO 8601 time such as 2026-01-31T00:00:00Z, not "${raw.slice(0, 64)}"` };
  return { since: new Date(t).toISOString() };
}

async function readView(deps: StatusPageDeps, since: string, parts: { levels?: boolean; incidents?: boolean }): Promise<StatusView> {
  const [levels, incidents, sources] = await Promise.all([
    parts.levels ? deps.store.listLevels() : [],
    parts.incidents ? deps.store.listIncidents({ since, limit: MAX_INCIDENTS }) : [],
    parts.levels ? deps.store.listSourceStates() : [],
  ]);
  const input: StatusInput = { levels, incidents, sources, authoritySources: deps.authoritySources, now: deps.clock(), since };
  if (deps.authorityNames) input.authorityNames = deps.authorityNames;
  return buildStatusView(input);
}

function withSince(deps: StatusPageDeps, answer: (since: string) => Promise<HttpResponse>): (req: HttpRequest) => Promise<HttpResponse> {
  return async (req) => {
    const since = sinceOf(req, deps.clock());
    if ('error' in since) return jsonResponse(400, { error: since.error });
    return answer(since.since);
  };
}

/** `GET /` (the page), `GET /api/levels`, `GET /api/incidents?since=`. */
export function statusRoutes(deps: StatusPageDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/',
      handle: withSince(deps, async (since) => ({ status: 200, headers: PAGE_HEADERS, body: renderStatusPage(await readView(deps, since, { levels: true, incidents: true })) })),
    },
    {
      method: 'GET',
      path: '/api/levels',
      async handle() {
        const view = await readView(deps, new Date(0).toISOString(), { levels: true });
        return jsonResponse(200, { generatedAt: view.generatedAt, levels: view.levels, sourceProblems: view.problems });
      },
    },
    {
      method: 'GET',
      path: '/api/incidents',
      handle: withSince(deps, async (since) => {
        const view = await readView(deps, since, { incidents: true });
        return jsonResponse(200, { generatedAt: view.generatedAt, since: view.since, incidents: view.incidents });
      }),
    },
  ];
}
