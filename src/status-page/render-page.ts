import { formatUtc, titleCase } from '../format/text';
import { esc, timeTag } from './html';
import { BANDS, NO_LEVEL, NOT_TRACKED, type Band } from './level-colour';
import { STYLES } from './styles';
import { mapLevels, type PublicIncident, type PublicLevel, type SourceProblem, type StatusView } from './view-model';
import { renderWorldMap, type CountryFill } from './world-map';

/** How often the page reloads itself (no script needed). */
export const REFRESH_SECONDS = 60;

const when = (iso: string | undefined) => timeTag(iso, formatUtc);
const cell = (label: string, html: string) => `<td data-label="${esc(label)}">${html}</td>`;
const swatch = (colour: string) => `<span class="swatch" style="background:${esc(colour)}" aria-hidden="true"></span>`;

/** "SEVERE (Severe)" when the authority's wording differs from the English one. */
export function levelWords(l: Pick<PublicLevel, 'name' | 'name_en'>): string {
  const same = !l.name_en || l.name.trim().toLowerCase() === l.name_en.trim().toLowerCase();
  return same ? l.name : `${l.name} (${l.name_en})`;
}

function position(l: PublicLevel): string {
  return l.rank > 0 ? `${l.rank} of ${l.of}` : 'no level in force';
}

function scopeWords(l: PublicLevel): string {
  return l.scope === 'national' ? l.countryName : `${l.countryName} (${titleCase(l.scope)})`;
}

function mapTitle(l: PublicLevel): string {
  return `${l.countryName}: ${levelWords(l)}, ${position(l)} (${l.band}), ${l.authorityName}`;
}

function legend(): string {
  const item = (b: Band) => `<li>${swatch(b.colour)}${esc(b.label)}</li>`;
  return `<ul class="legend" aria-label="Map legend">${[...BANDS].reverse().map(item).join('')}${item(NO_LEVEL)}${item(NOT_TRACKED)}</ul>`;
}

function healthWords(l: PublicLevel): string {
  if (l.sourceHealth === 'unknown') return 'not polled yet';
  const text = l.sourceProblem ? `${l.sourceHealth}: ${l.sourceProblem}` : l.sourceHealth;
  return `<span class="health-${esc(l.sourceHealth)}">${esc(text)}</span>`;
}

function levelRow(l: PublicLevel): string {
  const name = l.url ? `<a href="${esc(l.url)}" rel="noopener noreferrer">${esc(levelWords(l))}</a>` : esc(levelWords(l));
  return (
    `<tr data-authority="${esc(l.authority)}" data-country="${esc(l.country)}">` +
    cell('Where', `<strong>${esc(scopeWords(l))}</strong><br><small>${esc(l.authorityName)}</small>`) +
    cell('Level', `${swatch(l.colour)}${name}<br><small>${esc(position(l))}, ${esc(l.band)}</small>`) +
    cell('Since', when(l.since)) +
    cell('Official or reported', esc(l.status ?? 'not stated')) +
    cell('Last read', when(l.lastRead)) +
    cell('Source health', healthWords(l)) +
    '</tr>'
  );
}

function levelsSection(view: StatusView): string {
  const fills = new Map<string, CountryFill>();
  for (const [country, l] of mapLevels(view.levels)) fills.set(country, { colour: l.colour, title: mapTitle(l) });
  const rows = view.levels.map(levelRow).join('');
  const table = view.levels.length
    ? `<div class="table-wrap"><table class="stack" id="authorities"><caption>Authorities and their current levels</caption>` +
      `<thead><tr><th scope="col">Where</th><th scope="col">Level</th><th scope="col">Since</th><th scope="col">Official or reported</th><th scope="col">Last read</th><th scope="col">Source health</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></div>`
    : '<p class="empty">No alert level has been read yet.</p>';
  return (
    `<section aria-labelledby="levels-h"><h2 id="levels-h">Threat levels</h2><div class="levels">` +
    `<figure>${renderWorldMap(fills)}<figcaption>${legend()}</figcaption></figure>` +
    `<div>${table}</div></div></section>`
  );
}

function placesWords(i: PublicIncident): string {
  const places = i.places.map((p) => p.name);
  const countries = i.countries.map((c) => c.name).filter((c) => !places.includes(c));
  return [...places, ...countries].join(', ') || '—';
}

function incidentRow(i: PublicIncident): string {
  const links = i.links.length
    ? `<ul class="links">${i.links.map((l) => `<li><a href="${esc(l.url)}" rel="noopener noreferrer nofollow">${esc(l.title || l.url)}</a> <small>(${esc(l.source)})</small></li>`).join('')}</ul>`
    : '—';
  return (
    `<tr data-incident="${esc(i.id)}">` +
    cell('Severity', `<span class="sev sev-${esc(i.severity)}">${esc(i.severity)}</span>`) +
    cell('Headline', `${esc(i.headline)}${i.kind === 'alert_level' ? ' <small>(alert level)</small>' : ''}`) +
    cell('Where', esc(placesWords(i))) +
    cell('Casualties', esc(i.casualtiesText ?? 'none reported')) +
    cell('Sources', `${i.sources} source${i.sources === 1 ? '' : 's'}, ${i.languages.length} language${i.languages.length === 1 ? '' : 's'}${i.languages.length ? ` (${esc(i.languages.join(', '))})` : ''}`) +
    cell('First seen', when(i.firstSeen)) +
    cell('Last update', when(i.lastUpdate)) +
    cell('Links', links) +
    '</tr>'
  );
}

function incidentsSection(view: StatusView): string {
  const body = view.incidents.length
    ? `<div class="table-wrap"><table class="stack" id="incidents"><caption>${view.incidents.length} incident${view.incidents.length === 1 ? '' : 's'} updated since ${esc(formatUtc(view.since))}, newest first</caption>` +
      `<thead><tr><th scope="col">Severity</th><th scope="col">Headline</th><th scope="col">Where</th><th scope="col">Casualties</th><th scope="col">Sources</th><th scope="col">First seen</th><th scope="col">Last update</th><th scope="col">Links</th></tr></thead>` +
      `<tbody>${view.incidents.map(incidentRow).join('')}</tbody></table></div>`
    : `<p class="empty">No incident since ${esc(formatUtc(view.since))}.</p>`;
  return `<section aria-labelledby="incidents-h"><h2 id="incidents-h">Recent incidents</h2>${body}</section>`;
}

function problemRow(p: SourceProblem): string {
  return (
    `<tr data-source="${esc(p.id)}">` +
    cell('Source', esc(p.id)) +
    cell('Health', `<span class="health-${esc(p.health)}">${esc(p.health)}</span>`) +
    cell('Reason', esc(p.reason)) +
    cell('Failing since', when(p.failingSince)) +
    cell('Last success', when(p.lastSuccess)) +
    '</tr>'
  );
}

function sourcesSection(view: StatusView): string {
  const ok = view.sourceCount - view.problems.length;
  const summary = `<p>${ok} of ${view.sourceCount} source${view.sourceCount === 1 ? '' : 's'} healthy.</p>`;
  const body = view.problems.length
    ? `<div class="table-wrap"><table class="stack" id="source-problems"><caption>Sources with problems</caption>` +
      `<thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Reason</th><th scope="col">Failing since</th><th scope="col">Last success</th></tr></thead>` +
      `<tbody>${view.problems.map(problemRow).join('')}</tbody></table></div>`
    : '<p class="empty">Every source answered at its last poll.</p>';
  return `<section aria-labelledby="sources-h"><h2 id="sources-h">Source health</h2>${summary}${body}</section>`;
}

/** The whole status page: one HTML document, no script, no external resource. */
export function renderStatusPage(view: StatusView): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">` +
    // An empty icon: otherwise every browser asks for /favicon.ico and logs the 404.
    '<link rel="icon" href="data:,">' +
    '<title>Tocsin — terrorism threat levels and incidents</title>' +
    `<style>${STYLES}</style></head><body>` +
    '<header><h1>Tocsin status</h1>' +
    `<p class="meta">Official terrorism threat levels, reported attacks and the health of Tocsin's sources. Updated ${when(view.generatedAt)}; this page reloads every minute. The same data as JSON: <a href="/api/levels">/api/levels</a>, <a href="/api/incidents">/api/incidents</a>.</p></header>` +
    `<main>${levelsSection(view)}${incidentsSection(view)}${sourcesSection(view)}</main>` +
    '<footer><p>Levels are colour-coded relative to each authority\'s own scale; the tables say the same in words.</p></footer>' +
    '</body></html>'
  );
}
