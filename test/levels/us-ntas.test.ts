import { describeShared, failureOf, own, parseWith, readOne, shared } from './helpers';

const read = (body: string) => readOne('us-ntas', body);

describe('us-ntas', () => {
  it('reads an empty feed as no active advisory, rank 0 of 3', () => {
    const r = read(own('ntas-none.xml'));
    expect([r.authority, r.country, r.rank, r.of, r.name]).toEqual(['us-dhs', 'US', 0, 3, 'No active advisory']);
    expect(r.expires).toBeUndefined();
  });

  it('reads a bulletin as 1 of 3 with its dates (GMT)', () => {
    const r = read(own('ntas-bulletin.xml'));
    expect([r.rank, r.name]).toEqual([1, 'Bulletin']);
    expect(r.since).toBe('2026-06-22T15:00:00.000Z');
    expect(r.expires).toBe('2026-12-22T15:00:00.000Z');
  });

  it('takes the highest advisory in force: elevated alert over a bulletin', () => {
    const r = read(own('ntas-elevated-and-bulletin.xml'));
    expect([r.rank, r.name, r.expires]).toEqual([2, 'Elevated Threat Alert', '2026-12-04T09:30:00.000Z']);
  });

  it('reads an advisory past its end as no advisory', () => {
    expect(read(own('ntas-expired.xml')).rank).toBe(0);
    const live = own('ntas-expired.xml').replace("end=\"2026/05/15 12:00\"", 'end="2026/12/15 12:00"');
    expect(read(live)).toMatchObject({ rank: 3, name: 'Imminent Threat Alert' });
  });

  it('refuses the index feed, whose advisories carry no type', () => {
    expect(failureOf('us-ntas', own('ntas-index-without-type.xml'))).toMatch(/without a type/);
  });

  it('refuses a cut-off feed rather than reading it as "no advisory"', () => {
    expect(failureOf('us-ntas', own('ntas-truncated.xml'))).toMatch(/malformed NTAS feed/);
    expect(failureOf('us-ntas', '<alerts><alert type="Bulletin"')).toMatch(/malformed NTAS feed/);
  });

  it('refuses HTML and XML that is not an NTAS feed', () => {
    expect(failureOf('us-ntas', own('maintenance.html'))).toMatch(/maintenance/);
    expect(failureOf('us-ntas', own('mi5-no-level.xml'))).toMatch(/not an NTAS feed/);
  });
});

describeShared('us-ntas on the sample alert of the DHS documentation', () => {
  it('reads the sample "Elevated Threat" alert wrapped in <alerts> as elevated until it ends', () => {
    const text = shared('us-dhs-ntas-api-doc-dtd.txt');
    const sample = /<alert start="[^]*?<\/alert>/.exec(text)?.[0];
    expect(sample).toBeDefined();
    const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<alerts>${sample}</alerts>`;
    // The sample ran 2011-04-14 to 2012-04-14: ended long before NOW.
    expect(read(feed).rank).toBe(0);
    const inForce = parseWith('us-ntas', feed.replace('end="2012/04/14 14:38"', 'end="2030/01/01 00:00"'))[0];
    expect(inForce).toMatchObject({ rank: 2, since: '2011-04-14T14:39:00.000Z', expires: '2030-01-01T00:00:00.000Z' });
  });
});
