/**
 * The English catalogue: the source of truth for every message key. Other languages live in
 * config/locales/<lang>.yaml (translators edit those); a key they lack falls back to this text.
 * ICU MessageFormat: `{n, plural, one {…} other {…}}`, `{x, select, a {…} other {…}}`.
 * The English wording is the one the messages always had: tests compare it exactly.
 */
export const EN = {
  'kind.attack': 'Attack',
  'kind.alert_level': 'Alert Level',
  'severity.name': '{severity, select, low {Low} medium {Medium} high {High} other {Critical}}',
  'field.severity': 'Severity',
  'field.casualties': 'Casualties',
  'field.sources': 'Sources',
  'field.countries': 'Countries',
  'field.level': 'Level',
  'field.previous': 'Previous',
  'field.authority': 'Authority',
  'field.status': 'Status',

  'attack.title.place': '{kind} — {place}, {country}',
  'attack.title.countries': '{kind} — {countries}',
  'attack.title.none': '{kind} reported',
  'attack.killed': '{n, plural, one {# killed} other {# killed}}',
  'attack.injured': '{n, plural, one {# injured} other {# injured}}',
  'attack.atLeast': 'At least {toll}',
  'attack.claim': 'Claimed by {actors}',
  'attack.footer': '{sources, plural, one {# source} other {# sources}} · first seen {time}',
  'headline.quoted': '“{headline}” ({lang})',

  'level.title': '{place} — terrorism threat level {direction, select, raised {raised} lowered {lowered} other {changed}}',
  'level.when': '{direction, select, raised {Raised} lowered {Lowered} other {Changed}} {time}',
  'level.whenSeen': '{direction, select, raised {Raised} lowered {Lowered} other {Changed}} (seen {time})',
  'level.expires': 'Expires {time}',
  'level.footer': 'Official source · observed {time}',
  'level.position': '({rank} of {of})',
  'level.noLevel': '(no level in force)',
  'level.gloss': '{name} ({gloss})',

  'reported.title': '{country} — terrorism threat level {what, select, raised {raised} lowered {lowered} other {changed}} ({status, select, reported {reported} confirmed {confirmed} other {disputed}})',
  'reported.notStated': 'New level not stated',
  'reported.by': 'Reported by {outlets}',
  'reported.status': '{status, select, reported {Reported} confirmed {Confirmed} other {Disputed}}',
  'reported.confirmed': 'Confirmed by {who}',
  'reported.confirmedAt': 'Confirmed by {who}: {level}',
  'reported.disputed': 'Not confirmed: {who} reads {level}',
  'reported.disputedAt': 'Not confirmed: {who} reads {level} (read {time})',
  'reported.pending': 'Not yet confirmed by {who}',
  'reported.untracked': 'No official source is tracked for {country}',
  'reported.officialSource': 'the official source',
  'reported.anotherLevel': 'another level',
  'reported.footer': 'News report · first seen {time}',
  'reported.confirmation': 'Confirmed by {who} · first reported by {outlets}',

  'note.deathToll': 'Death toll now {n}',
  'note.injured': 'Injured now {n}',
  'note.claimed': '{actors} claimed responsibility',
  'note.countries': 'Now also affects {countries}',
  'note.severity': 'Severity {raised, select, yes {raised} other {lowered}} to {severity, select, low {low} medium {medium} high {high} other {critical}}',
  'note.level': 'Level now {level}',

  'sample.title': 'TEST — sample Tocsin alert (nothing has happened)',

  'reply.status.title': 'Alert levels',
  'reply.status.titleCountry': 'Alert levels — {country}',
  'reply.status.none': 'No alert level has been read yet.',
  'reply.status.noneCountry': 'No tracked authority has reported a level for {country} yet.',
  'reply.status.since': 'since {time}',
  'reply.status.until': 'until {time}',
  'reply.status.noLevel': 'no level in force (scale of {of})',
  'reply.recent.title': 'Incidents in the last {hours} h',
  'reply.recent.titleCountry': 'Incidents in the last {hours} h — {country}',
  'reply.recent.none': 'Nothing reported.',
  'reply.recent.more': '… and more: narrow with a country or fewer hours.',
  'reply.recent.sources': '{n, plural, one {# source} other {# sources}}',
} as const;

export type MessageKey = keyof typeof EN;
export const MESSAGE_KEYS = Object.keys(EN) as MessageKey[];
