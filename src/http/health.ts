import { createHash, timingSafeEqual } from 'node:crypto';
import type { SourceHealth } from '../model';
import type { Store } from '../store/port';
import type { HttpResponse, Route } from './route';
import { headerValue, jsonResponse } from './route';

export interface HealthReport {
  ok: boolean;
  store: 'ok' | string;
  sources: Record<SourceHealth, number>;
}

/**
 * Health from the store: ok when the store answers. Failing sources are reported but
 * do not make the process unhealthy (a restart would not fix a remote feed).
 */
export function storeHealth(store: Pick<Store, 'ping' | 'listSourceStates'>): () => Promise<HealthReport> {
  return async () => {
    const sources: Record<SourceHealth, number> = { healthy: 0, failing: 0, disabled: 0 };
    try {
      await store.ping();
      for (const s of await store.listSourceStates()) sources[s.health] += 1;
      return { ok: true, store: 'ok', sources };
    } catch (err) {
      return { ok: false, store: err instanceof Error ? err.message : String(err), sources };
    }
  };
}

/** `GET /healthz`: 200 with the report when ok, 503 otherwise (or when health itself fails). */
export function healthRoute(health: () => Promise<{ ok: boolean }>): Route {
  return {
    method: 'GET',
    path: '/healthz',
    async handle() {
      try {
        const report = await health();
        return jsonResponse(report.ok ? 200 : 503, report);
      } catch (err) {
        return jsonResponse(503, { ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}

/**
 * `GET /metrics`: whatever the metrics function renders (prom-client's registry, typically).
 * With a token (TOCSIN_METRICS_TOKEN), only a request bearing it is answered: the port is
 * often published for the chat endpoints, and metrics name sources and channels.
 */
export function metricsRoute(metrics: () => Promise<{ contentType: string; body: string }>, token?: string): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(req): Promise<HttpResponse> {
      if (token && !bearerMatches(headerValue(req, 'authorization'), token)) {
        const refused = jsonResponse(401, { error: 'metrics need Authorization: Bearer <TOCSIN_METRICS_TOKEN>' });
        return { ...refused, headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Bearer' } };
      }
      const m = await metrics();
      return { status: 200, headers: { 'content-type': m.contentType }, body: m.body };
    },
  };
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m?.[1]) return false;
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1].trim()), digest(token));
}
