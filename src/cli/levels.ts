import { loadConfig, openConfiguredStore } from '../app';
import { levelLabel } from '../format';
import { print } from './errors';

/** `tocsin levels [--json]` — the current level per authority and scope. */
export async function levels(opts: { json?: boolean }): Promise<number> {
  const { env } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  try {
    const all = (await store.listLevels()).sort((a, b) => a.country.localeCompare(b.country) || a.scope.localeCompare(b.scope));
    if (opts.json) {
      print(JSON.stringify(all));
      return 0;
    }
    if (!all.length) print('No level read yet: run `tocsin run --once` (or wait for the first poll).');
    for (const r of all) {
      print(`${r.country}  ${r.authority} (${r.scope}): ${levelLabel(r)} — ${r.rank} of ${r.of}${r.since ? `, since ${r.since}` : ''}`);
      print(`    ${r.url} (observed ${r.observedAt})`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
