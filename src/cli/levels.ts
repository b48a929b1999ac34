import { loadConfig, openConfiguredStore } from '../app';
import { levelLabel } from '../format';
import { describeReportedLevel } from '../format/reported-level-message';
import { reportedLevels } from '../incidents';
import { print } from './errors';
import { describeHealth, levelHealth } from '../commands/level-health';

/** `tocsin levels [--json]` — the current level per authority and scope, when its page was last read right, its source's health. */
export async function levels(opts: { json?: boolean }): Promise<number> {
  const { env } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  try {
    const all = (await store.listLevels()).sort((a, b) => a.country.localeCompare(b.country) || a.scope.localeCompare(b.scope));
    // Changes the news reported that no official reading has confirmed (yet).
    const since = new Date(Date.now() - 6 * 86_400_000).toISOString();
    const reported = reportedLevels(await store.listIncidents({ since, kind: 'alert_level', limit: 200 }));
    const states = new Map((await store.listSourceStates()).map((s) => [s.id, s]));
    if (opts.json) {
      print(JSON.stringify([...all.map((r) => ({ ...r, status: 'official', ...levelHealth(r, states) })), ...reported]));
      return 0;
    }
    if (!all.length && !reported.length) print('No level read yet: run `tocsin run --once` (or wait for the first poll).');
    for (const r of reported) print(`${r.country}  ${describeReportedLevel(r)}`);
    for (const r of all) {
      print(`${r.country}  ${r.authority} (${r.scope}): ${levelLabel(r)} — ${r.rank} of ${r.of}${r.since ? `, since ${r.since}` : ''}`);
      print(`    ${describeHealth(levelHealth(r, states))} — ${r.url}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
