import { describeShared, failureOf, own, parseWith, shared, summary } from './helpers';

describeShared('au-nationalsecurity on the real ThreatLevelJson value', () => {
  it('reads PROBABLE as 3 of 5', () => {
    const json = shared('au-nationalsecurity-ThreatLevelJson.txt')
      .split('\n')
      .find((l) => l.startsWith('{"ThreatLevelNo"'));
    expect(json).toBeDefined();
    const page = `<html><head><script id="ThreatLevelJson" type="application/json">${json}</script></head><body></body></html>`;
    expect(parseWith('au-nationalsecurity', page).map(summary)).toEqual(['au-asio/national PROBABLE 3/5']);
  });
});

describe('au-nationalsecurity on written pages', () => {
  it('reads HTML-escaped JSON (Possible, 2 of 5)', () => {
    expect(parseWith('au-nationalsecurity', own('au-threat-level-escaped.html')).map(summary)).toEqual([
      'au-asio/national POSSIBLE 2/5',
    ]);
  });

  it('reads EXPECTED as 4 of 5, not NOT EXPECTED', () => {
    expect(parseWith('au-nationalsecurity', own('au-threat-level-expected.html'))[0]).toMatchObject({ rank: 4, name: 'EXPECTED' });
  });

  it('fails without the script, or with a name not on the scale', () => {
    // Without the script, the prose statement is read (older pages carry only prose).
    expect(parseWith('au-nationalsecurity', own('au-no-script.html')).map((r) => r.rank)).toEqual([3]);
    expect(failureOf('au-nationalsecurity', '<html><body><main><p>Threat level page.</p></main></body></html>')).toMatch(/no ThreatLevelJson/);
    expect(failureOf('au-nationalsecurity', own('au-unknown-name.html'))).toMatch(/unknown .*"Maybe"/);
    expect(failureOf('au-nationalsecurity', '<html><body><script id="ThreatLevelJson">{oops</script></body></html>')).toMatch(/not valid JSON/);
  });
});
