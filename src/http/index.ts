/**
 * The HTTP server: one node:http listener with a small router, a body cap and a clean
 * close; route factories for `/healthz` and `/metrics`. Chat endpoints come from
 * src/chat/* as plain `RouteHandler`s.
 */
export { startHttpServer, DEFAULT_MAX_BODY_BYTES, type HttpServerOptions, type RunningHttpServer } from './server';
export { healthRoute, metricsRoute, storeHealth, type HealthReport } from './health';
export { headerValue, jsonResponse, textResponse, type HttpRequest, type HttpResponse, type Route, type RouteHandler } from './route';
export { statusRoutes, sinceOf, RECENT_DAYS, MAX_INCIDENTS, type StatusPageDeps } from './status-routes';
