import { severityRank, type Incident, type Subscription } from '../model';

/** Why a subscription does not take an incident, or undefined when it does. */
export function mismatch(incident: Incident, sub: Subscription): string | undefined {
  if (sub.broken) return `channel broken: ${sub.broken.reason}`;
  if (sub.kinds.length && !sub.kinds.includes(incident.kind)) return `kind ${incident.kind} not in ${sub.kinds.join(',')}`;
  if (sub.countries.length && !incident.countries.some((c) => sub.countries.includes(c))) {
    return `countries ${incident.countries.join(',') || 'unknown'} not in ${sub.countries.join(',')}`;
  }
  if (severityRank(incident.severity) < severityRank(sub.minSeverity)) {
    return `severity ${incident.severity} below ${sub.minSeverity}`;
  }
  if (sub.languages.length) {
    // Official level changes have no language of their own: they go to every language.
    const langs = incident.reports.map((r) => r.language);
    if (incident.kind !== 'alert_level' && !langs.some((l) => sub.languages.includes(l))) {
      return `languages ${[...new Set(langs)].join(',')} not in ${sub.languages.join(',')}`;
    }
  }
  return undefined;
}

/** The subscriptions that take this incident. */
export function route(incident: Incident, subs: readonly Subscription[]): Subscription[] {
  return subs.filter((s) => mismatch(incident, s) === undefined);
}
