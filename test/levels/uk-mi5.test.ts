import { describeShared, failureOf, NOW, own, parseWith, shared, summary } from './helpers';

describeShared('uk-mi5 on the real MI5 feed', () => {
  it('reads SUBSTANTIAL for both scopes from the 2024 feed, with the item date as since', () => {
    const readings = parseWith('uk-mi5', shared('uk-mi5-UKThreatLevel.xml'));
    expect(readings.map(summary)).toEqual([
      'uk-mi5/national SUBSTANTIAL 3/5',
      'uk-mi5/northern-ireland SUBSTANTIAL 3/5',
    ]);
    // "Tuesday, March 05, 2024 - 02:52" is UK wall-clock time, GMT in March.
    expect(readings[0]?.since).toBe('2024-03-05T02:52:00.000Z');
    expect(readings[0]?.country).toBe('GB');
    expect(readings[0]?.observedAt).toBe(NOW.toISOString());
  });

  it('reads SEVERE (4 of 5) nationally from the 30 April 2026 feed, NI unchanged', () => {
    const readings = parseWith('uk-mi5', shared('uk-mi5-UKThreatLevel-2026-04-30-SEVERE.xml'));
    expect(readings.map(summary)).toEqual([
      'uk-mi5/national SEVERE 4/5',
      'uk-mi5/northern-ireland SUBSTANTIAL 3/5',
    ]);
    // 06:09 British Summer Time.
    expect(readings[0]?.since).toBe('2026-04-30T05:09:00.000Z');
  });

  it.each([200, 403])('rejects the Cloudflare challenge page served with %i', (status) => {
    const reason = failureOf('uk-mi5', shared('uk-mi5-UKThreatLevel-cloudflare-challenge.html'), {}, status);
    expect(reason).toMatch(/Cloudflare challenge/);
    expect(reason).toContain(`HTTP ${status}`);
  });

  it('rejects the bare Cloudflare error bodies, naming the code', () => {
    const bodies = shared('uk-mi5-UKThreatLevel-cloudflare-errors.txt')
      .split('\n')
      .filter((l) => /^error code:/.test(l));
    expect(bodies).toHaveLength(2);
    const reasons = bodies.map((b) => failureOf('uk-mi5', b));
    expect(reasons).toEqual(['Cloudflare error code 520 (HTTP 200)', 'Cloudflare error code 1022 (HTTP 200)']);
  });

  it('rejects the maintenance page served at the feed URL', () => {
    expect(failureOf('uk-mi5', shared('uk-mi5-UKThreatLevel-maintenance-page-error.html'))).toMatch(/maintenance/);
  });
});

describe('uk-mi5 on written samples', () => {
  it('reads the pre-2019 wording: international terrorism CRITICAL, Northern Ireland SEVERE', () => {
    const readings = parseWith('uk-mi5', own('mi5-old-wording-critical.xml'));
    expect(readings.map(summary)).toEqual([
      'uk-mi5/national CRITICAL 5/5',
      'uk-mi5/northern-ireland SEVERE 4/5',
    ]);
    expect(readings[0]?.since).toBe('2017-05-24T08:00:00.000Z');
  });

  it('fails with a reason when the item states no level, or there is no item', () => {
    expect(failureOf('uk-mi5', own('mi5-no-level.xml'))).toMatch(/not found/);
    expect(failureOf('uk-mi5', own('mi5-empty-channel.xml'))).toMatch(/no item/);
  });

  it('fails on an error status even with a feed-like body', () => {
    expect(failureOf('uk-mi5', own('mi5-old-wording-critical.xml'), {}, 503)).toBe('HTTP 503');
  });
});
