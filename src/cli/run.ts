import { loadConfig, startRuntime, ROLES, type Role, type Runtime } from '../app';
import { ConfigError } from '../config/config-error';
import { CliError } from './errors';
import { startServing } from './serve';

const DRAIN_TIMEOUT_MS = 120_000;

function parseRole(role: string | undefined): Role {
  const r = role ?? 'all';
  if (!(ROLES as readonly string[]).includes(r)) throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${r}")`, 2);
  return r as Role;
}

/** SIGHUP: the config folder again, applied only when every file is valid. */
function reloadOnHangup(runtime: Runtime): () => void {
  const { log } = runtime;
  const onHangup = () => {
    try {
      const config = runtime.reload();
      log.info({ sources: config.sources.length }, 'configuration reloaded');
    } catch (e) {
      const problems = e instanceof ConfigError ? e.problems : [{ file: '', path: '', message: e instanceof Error ? e.message : String(e) }];
      log.error({ problems }, `configuration refused, the running one is kept. ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}

/** `tocsin run [--once] [--role all|web|worker]` */
export async function run(opts: { once?: boolean; role?: string }): Promise<number> {
  const role = parseRole(opts.role);
  const config = loadConfig(process.env);
  const runtime = await startRuntime(config, { role: opts.once ? 'all' : role });
  const { log } = runtime;
  if (opts.once) {
    const deadBefore = (await runtime.outbox.deadLetters(10_000)).length;
    const results = await runtime.pollAll();
    for (const r of results) {
      if (!r.ok) log.warn({ source: r.sourceId, error: r.error }, `source ${r.sourceId} failed: ${r.error}`);
    }
    const left = await runtime.outbox.drain(DRAIN_TIMEOUT_MS);
    const deadAfter = (await runtime.outbox.deadLetters(10_000)).length;
    await runtime.close(5_000);
    const ok = left.pending === 0 && deadAfter <= deadBefore;
    log.info({ sources: results.length, failed: results.filter((r) => !r.ok).length, pending: left.pending, dead: deadAfter - deadBefore }, ok ? 'run --once done' : 'run --once: delivery could not complete');
    return ok ? 0 : 1;
  }
  const serving = await startServing(runtime, role);
  if (role !== 'web') runtime.scheduler.start();
  const stopReloading = reloadOnHangup(runtime);
  log.info({ role, sources: config.sources.length, store: runtime.store.kind, http: serving.url }, 'Tocsin is running');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping: no new polls, finishing deliveries');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  stopReloading();
  await runtime.scheduler.stop();
  await serving.close();
  await runtime.close(10_000);
  return 0;
}
