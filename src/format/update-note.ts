import { severityRank, type ChangeFacts, type Incident } from '../model';
import { localiserFor, type MessageOptions } from './incident-message';
import type { Localiser } from './locale/localiser';
import { localLevel } from './locale/words';
import { displayName } from './text';

/**
 * The short thread reply saying what changed between two versions of an incident,
 * one line per change; undefined when nothing a reader cares about changed (e.g. only
 * another outlet reporting the same facts).
 */
export function updateNote(before: Incident, after: Incident, opts: MessageOptions = {}): string | undefined {
  const facts = changeFacts(before, after);
  return facts ? renderChange(facts, opts) : undefined;
}

/** What changed, as data; undefined when nothing a reader cares about did. */
export function changeFacts(before: Incident, after: Incident): ChangeFacts | undefined {
  const facts: ChangeFacts = {};
  const k0 = before.casualties.killed ?? 0;
  const k1 = after.casualties.killed ?? 0;
  if (k1 !== k0 && after.casualties.killed !== undefined) facts.killed = k1;
  const i0 = before.casualties.injured ?? 0;
  const i1 = after.casualties.injured ?? 0;
  if (i1 !== i0 && after.casualties.injured !== undefined) facts.injured = i1;
  if (facts.killed !== undefined || facts.injured !== undefined) {
    const by = newestSource(before, after);
    if (by) facts.by = by;
  }
  const claimed = after.claimedBy.filter((a) => !before.claimedBy.includes(a));
  if (claimed.length) facts.claimed = claimed;
  const countries = after.countries.filter((c) => !before.countries.includes(c));
  if (countries.length) facts.countries = countries;
  if (before.severity !== after.severity) facts.severity = { to: after.severity, raised: severityRank(after.severity) > severityRank(before.severity) };
  const a = before.level?.current;
  const b = after.level?.current;
  if (b && !(a && a.rank === b.rank && a.name === b.name)) facts.level = b;
  return Object.keys(facts).length ? facts : undefined;
}

/** The note for `facts` in the reader's language (options' locale). */
export function renderChange(facts: ChangeFacts, opts: MessageOptions = {}, L: Localiser = localiserFor(opts)): string | undefined {
  const suffix = facts.by ? ` — ${displayName(facts.by, opts.sourceNames)}` : '';
  const lines = [
    facts.killed !== undefined ? `${L.t('note.deathToll', { n: facts.killed })}${suffix}` : undefined,
    facts.injured !== undefined ? `${L.t('note.injured', { n: facts.injured })}${suffix}` : undefined,
    facts.claimed ? L.t('note.claimed', { actors: L.list(facts.claimed.map((x) => displayName(x, opts.actorNames))) }) : undefined,
    facts.countries ? L.t('note.countries', { countries: L.list(facts.countries.map(L.country)) }) : undefined,
    facts.severity ? L.t('note.severity', { raised: facts.severity.raised ? 'yes' : 'no', severity: facts.severity.to }) : undefined,
    facts.level ? L.t('note.level', { level: localLevel(facts.level, L, opts.levelGloss) }) : undefined,
  ].filter((l): l is string => Boolean(l));
  return lines.length ? lines.join('\n') : undefined;
}

/** The source behind the newest report `after` has that `before` lacked. */
function newestSource(before: Incident, after: Incident): string | undefined {
  const known = new Set(before.reports.map((r) => r.itemId));
  const fresh = after.reports.filter((r) => !known.has(r.itemId));
  const latest = fresh.reduce<(typeof fresh)[number] | undefined>((a, r) => (!a || r.at > a.at ? r : a), undefined);
  return latest?.sourceId;
}
