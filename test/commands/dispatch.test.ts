import { dispatch, dispatchText } from '../../src/commands';
import { StoreUnavailableError } from '../../src/store/port';
import { MemoryCommandStore, level } from './memory-store';
import { CHANNEL, NOW, deps, request } from './support';

describe('dispatch', () => {
  it('answers an unknown subcommand with usage, never a throw', async () => {
    const r = await dispatch(request('explode'), deps());
    expect(r).toMatchObject({ ok: false, ephemeral: true, title: 'Unknown subcommand' });
    expect(r.lines[1]).toContain('status, recent, subscriptions, sources, subscribe, unsubscribe, test, help');
  });

  it('refuses an option the subcommand does not take, before running it', async () => {
    const store = new MemoryCommandStore();
    const r = await dispatch(request('subscribe', { countries: 'FR', colour: 'red' }, true), deps(store));
    expect(r).toMatchObject({ ok: false, title: 'Unknown option' });
    expect(r.lines[1]).toMatch(/^Usage: \/alerts subscribe/);
    expect(store.subs.size).toBe(0);
  });

  it('turns a store failure into a short reply and tells onError', async () => {
    const store = new MemoryCommandStore();
    store.failWith = new StoreUnavailableError('redis down at redis://secret@host');
    const seen: unknown[] = [];
    const r = await dispatch(request('status'), deps(store, { onError: (e) => seen.push(e) }));
    expect(r).toMatchObject({ ok: false, ephemeral: true });
    expect(r.lines[0]).toContain('StoreUnavailableError');
    expect(r.lines.join(' ')).not.toContain('secret');
    expect(seen).toEqual([store.failWith]);
  });
});

describe('dispatchText', () => {
  const base = { channel: CHANNEL, user: { id: 'u1', isAdmin: true }, now: NOW };

  it('runs Slack-style text end to end', async () => {
    const store = new MemoryCommandStore().addLevel(level());
    expect((await dispatchText('status GB', base, deps(store))).lines[0]).toContain('SEVERE (4 of 5)');
    await dispatchText('subscribe countries=FR, GB kinds=attack min-severity=high', base, deps(store));
    expect(await store.getSubscription(CHANNEL)).toMatchObject({ countries: ['FR', 'GB'], kinds: ['attack'], minSeverity: 'high' });
  });

  it('answers empty text with help and unreadable text with usage', async () => {
    expect((await dispatchText('  ', base, deps())).title).toBe('/alerts — usage');
    const r = await dispatchText('status France', base, deps());
    expect(r).toMatchObject({ ok: false, ephemeral: true });
    expect(r.lines).toEqual(['"France" is not understood here', 'Usage: /alerts status [country]']);
  });
});
