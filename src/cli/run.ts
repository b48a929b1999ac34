import { loadConfig, startRuntime } from '../app';
import { startServing } from './serve';

const DRAIN_TIMEOUT_MS = 120_000;

/** `tocsin run [--once]` */
export async function run(opts: { once?: boolean }): Promise<number> {
  const config = loadConfig(process.env);
  const runtime = await startRuntime(config);
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
  const serving = await startServing(runtime);
  runtime.scheduler.start();
  log.info({ sources: config.sources.length, store: runtime.store.kind, http: serving.url }, 'Tocsin is running');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping: no new polls, finishing deliveries');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await runtime.scheduler.stop();
  await serving.close();
  await runtime.close(10_000);
  return 0;
}
