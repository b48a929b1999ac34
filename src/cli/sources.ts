import path from 'node:path';
import { loadConfig, openConfiguredStore, secretsOf } from '../app';
import { makeScrubber } from '../observability/scrub';
import { openOutbox } from '../delivery/outbox';
import { freshSourceState } from '../model';
import { SqliteStore } from '../store';
import { print } from './errors';

/** `tocsin sources [--json]` — every source's health, and deliveries that gave up. */
export async function sources(opts: { json?: boolean }): Promise<number> {
  const { env, sources: configured } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  const outbox = openOutbox({
    redisUrl: env.redisUrl,
    sqlite: store instanceof SqliteStore ? store.file : path.join(env.dataDir, 'tocsin.db'),
    options: { maxAttempts: 1, baseBackoffMs: 1000, maxBackoffMs: 1000, concurrency: 1 },
  });
  try {
    const states = new Map((await store.listSourceStates()).map((s) => [s.id, s]));
    const rows = configured.map((c) => ({ type: c.type, url: c.url, every: c.every, ...(states.get(c.id) ?? freshSourceState(c.id)) }));
    const dead = await outbox.deadLetters(50);
    // Defence in depth: reasons are scrubbed when stored, and again here (older records).
    const scrub = makeScrubber(secretsOf(env));
    const say = (line: string) => print(scrub(line));
    if (opts.json) {
      say(JSON.stringify({ sources: rows, deadLetters: dead }));
      return 0;
    }
    for (const r of rows) {
      const polled = r.lastPoll ? `last poll ${r.lastPoll}` : 'never polled';
      say(`${r.health.padEnd(8)} ${r.id} (${r.type}, every ${r.every}) — ${polled}${r.nextDue ? `, next ${r.nextDue}` : ''}`);
      if (r.lastSuccess) say(`         last success ${r.lastSuccess}`);
      if (r.consecutiveFailures) say(`         ${r.consecutiveFailures} failures in a row since ${r.failingSince}: ${r.lastError}`);
    }
    if (dead.length) {
      print('');
      print(`Deliveries that gave up (${dead.length}):`);
      for (const d of dead) say(`  ${d.at} ${d.job.channel} incident ${d.job.incidentId} v${d.job.version}: ${d.failure}: ${d.reason}`);
    }
    return 0;
  } finally {
    await outbox.close(1000);
    await store.close();
  }
}
