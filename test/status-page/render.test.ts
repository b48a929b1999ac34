import { BANDS, NO_LEVEL, bandIndex, buildStatusView, countryShapes, renderStatusPage, type LevelView, type StatusInput } from '../../src/status-page';
import { incident, level, sourceState } from '../store/records';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const SINCE = '2026-11-21T12:00:00.000Z';

function input(over: Partial<StatusInput> = {}): StatusInput {
  return {
    levels: [],
    incidents: [],
    sources: [],
    authoritySources: {},
    now: NOW,
    since: SINCE,
    ...over,
  };
}

/** The `<path>` drawn for one country (by its alpha-2 code). */
function countryPath(html: string, code: string): string {
  const m = new RegExp(`<path [^>]*data-country="${code}"[^>]*>(?:<title>[^<]*</title></path>)?`).exec(html);
  if (!m) throw new Error(`no path for ${code}`);
  return m[0];
}

describe('level bands (relative to each scale)', () => {
  it('puts the bottom of any scale in the first band and its top in the last', () => {
    expect([bandIndex(1, 3), bandIndex(2, 3), bandIndex(3, 3)]).toEqual([0, 2, 4]);
    expect([1, 2, 3, 4, 5].map((r) => bandIndex(r, 5))).toEqual([0, 1, 2, 3, 4]);
    expect([1, 2, 3, 4].map((r) => bandIndex(r, 4))).toEqual([0, 1, 3, 4]);
    expect(bandIndex(0, 3)).toBeUndefined();
    expect(bandIndex(6, 5)).toBeUndefined();
  });
});

describe('the world map', () => {
  it('projects the Natural Earth countries once, with their ISO codes', () => {
    const shapes = countryShapes();
    expect(shapes.length).toBeGreaterThan(150);
    expect(shapes.find((s) => s.alpha2 === 'FR')?.d).toMatch(/^M[\d.-]+,[\d.-]+L/);
    expect(countryShapes()).toBe(shapes);
  });

  it('colours each tracked country by its level, names it in both languages on hover, and leaves the rest grey', () => {
    const levels: LevelView[] = [
      level('uk-mi5', 'national', 4, { name: 'SEVERE', name_en: 'Severe' }),
      level('uk-mi5', 'northern-ireland', 5, { name: 'CRITICAL', name_en: 'Critical' }),
      level('fr-sgdsn', 'national', 3, { country: 'FR', of: 3, name: 'Urgence attentat', name_en: 'Emergency attack alert' }),
    ];
    const html = renderStatusPage(buildStatusView(input({ levels, authorityNames: { 'uk-mi5': 'MI5 (UK)' } })));
    const gb = countryPath(html, 'GB');
    expect(gb).toContain(`fill="${BANDS[3]!.colour}"`); // the national level, not Northern Ireland's
    expect(gb).toContain('<title>United Kingdom: SEVERE, 4 of 5 (high on its scale), MI5 (UK)</title>');
    const fr = countryPath(html, 'FR');
    expect(fr).toContain(`fill="${BANDS[4]!.colour}"`);
    expect(fr).toContain('Urgence attentat (Emergency attack alert), 3 of 3 (top of its scale)');
    expect(countryPath(html, 'DE')).not.toContain('<title>');
    expect(countryPath(html, 'DE')).not.toContain(BANDS[4]!.colour);
  });

  it('shows "no level in force" in its own colour and words', () => {
    const html = renderStatusPage(buildStatusView(input({ levels: [level('us-dhs', 'national', 0, { country: 'US', of: 3, name: 'No advisory', name_en: 'No advisory' })] })));
    expect(countryPath(html, 'US')).toContain(`fill="${NO_LEVEL.colour}"`);
    expect(html).toContain('no level in force');
  });
});

describe('the status page', () => {
  it('lists authorities with since, official or reported, last read and source health in words', () => {
    const levels: LevelView[] = [{ ...level('uk-mi5', 'national', 4, { name: 'SEVERE', name_en: 'Severe' }), status: 'official' }, level('fr-sgdsn', 'national', 2, { country: 'FR', of: 3, name: 'Sécurité renforcée – risque attentat', name_en: 'Heightened security' })];
    const sources = [sourceState('uk-mi5'), sourceState('fr-vigipirate', { health: 'failing', consecutiveFailures: 4, lastError: 'HTTP 503 from the server', failingSince: '2026-11-28T08:00:00.000Z' })];
    const html = renderStatusPage(buildStatusView(input({ levels, sources, authoritySources: { 'uk-mi5': ['uk-mi5'], 'fr-sgdsn': ['fr-vigipirate'] } })));
    const row = (a: string) => new RegExp(`<tr data-authority="${a}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    expect(row('uk-mi5')).toContain('official');
    expect(row('uk-mi5')).toContain('1 Feb 2026 00:00 UTC'); // since
    expect(row('uk-mi5')).toContain('28 Nov 2026 10:00 UTC'); // last read
    expect(row('uk-mi5')).toContain('>healthy<');
    expect(row('fr-sgdsn')).toContain('not stated');
    expect(row('fr-sgdsn')).toContain('Sécurité renforcée – risque attentat (Heightened security)');
    expect(row('fr-sgdsn')).toContain('failing: 4 failed polls in a row: HTTP 503 from the server');
  });

  it('lists recent incidents with tolls, places, sources and languages, newest first, and only those in the window', () => {
    const a = incident('a', '2026-11-27T10:00:00.000Z', 'attack', {
      title: 'Explosion at Gare du Nord',
      countries: ['FR'],
      places: [{ name: 'Paris', country: 'FR' }],
      casualties: { killed: 3, injured: 12 },
      reports: [
        { itemId: '1', sourceId: 'france24-fr', url: 'https://example.org/fr', title: 'Explosion à la gare', language: 'fr', at: '2026-11-27T09:00:00.000Z' },
        { itemId: '2', sourceId: 'bbc-world', url: 'https://example.org/en', title: 'Blast in Paris', language: 'en', at: '2026-11-27T10:00:00.000Z' },
      ],
    });
    const b = incident('b', '2026-11-28T09:00:00.000Z', 'attack', { title: 'Stabbing in Hamburg', countries: ['DE'], places: [], casualties: {} });
    const old = incident('old', '2026-11-01T00:00:00.000Z', 'attack', { title: 'Old news' });
    const html = renderStatusPage(buildStatusView(input({ incidents: [a, old, b] })));
    expect(html).not.toContain('Old news');
    expect(html.indexOf('Stabbing in Hamburg')).toBeLessThan(html.indexOf('Explosion at Gare du Nord'));
    const row = /<tr data-incident="a">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(row).toContain('At least 3 killed, 12 injured');
    expect(row).toContain('Paris');
    expect(row).toContain('2 sources, 2 languages (en, fr)');
    expect(row).toContain('href="https://example.org/fr"');
    expect(/<tr data-incident="b">[\s\S]*?<\/tr>/.exec(html)?.[0]).toContain('none reported');
  });

  it('lists failing and disabled sources with their reason, and says when all are healthy', () => {
    const sources = [sourceState('ok-feed'), sourceState('bad-feed', { health: 'disabled', consecutiveFailures: 50, lastError: 'certificate has expired', failingSince: '2026-11-26T00:00:00.000Z' })];
    const html = renderStatusPage(buildStatusView(input({ sources })));
    expect(html).toContain('1 of 2 sources healthy');
    expect(/<tr data-source="bad-feed">[\s\S]*?<\/tr>/.exec(html)?.[0]).toContain('Disabled after failing since 2026-11-26T00:00:00.000Z: certificate has expired');
    expect(html).not.toContain('data-source="ok-feed"');
    expect(renderStatusPage(buildStatusView(input({ sources: [sourceState('ok-feed')] })))).toContain('Every source answered at its last poll.');
  });

  it('renders text from feeds inert: no markup, no script, no javascript: links', () => {
    const evil = incident('x"><script>alert(1)</script>', '2026-11-28T10:00:00.000Z', 'attack', {
      title: '<script>alert("pwned")</script><img src=x onerror=alert(2)>',
      places: [{ name: '<b>Paris</b>', country: 'FR' }],
      reports: [{ itemId: '1', sourceId: 'evil"feed', url: 'javascript:alert(3)', title: '<i>x</i>', language: 'en', at: '2026-11-28T10:00:00.000Z' }],
    });
    const lvl = level('uk-mi5', 'national', 4, { name: '"><script>alert(4)</script>', url: 'javascript:alert(5)' });
    const failing = sourceState('s', { health: 'failing', consecutiveFailures: 3, lastError: '<script>alert(6)</script>' });
    const html = renderStatusPage(buildStatusView(input({ incidents: [evil], levels: [lvl], sources: [failing] })));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<b>|<i>/);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&#60;script&#62;alert(&#34;pwned&#34;)&#60;/script&#62;');
  });

  it('reloads itself every minute, fits a phone and loads nothing from elsewhere', () => {
    const html = renderStatusPage(buildStatusView(input()));
    expect(html).toContain('<meta http-equiv="refresh" content="60">');
    expect(html).toContain('name="viewport"');
    expect(html).toMatch(/@media \(max-width:640px\)/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/@import|url\(/);
  });
});
