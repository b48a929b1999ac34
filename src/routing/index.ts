/** Routing: which subscriptions take an incident (country, kind, severity, language). */
export { route, mismatch } from './match';
