import { channelKey, parseChannelKey, type SourceState } from '../model';
import type { CommandSpec } from './command-spec';
import type { CommandDeps, CommandRequest, ConfiguredSource } from './request';
import { answer, formatTime } from './reply';

/** Long error texts are cut: the reply is a summary, logs have the rest. */
const MAX_ERROR_CHARS = 160;

/** `sources`: source health. */
export const sources: CommandSpec = {
  name: 'sources',
  usage: 'sources',
  summary: 'source health: last success, last error, failures, next poll (admins: this server\'s failed deliveries too)',
  admin: false,
  moreForAdmins: true,
  args: [],
  async run(req, deps) {
    const states = new Map((await deps.store.listSourceStates()).map((s) => [s.id, s]));
    // Configured sources first, in config order; then any the store still remembers.
    const rows: { state?: SourceState; config?: ConfiguredSource; id: string }[] = deps.sources.map((c) => ({
      id: c.id,
      config: c,
      state: states.get(c.id),
    }));
    for (const [id, state] of states) if (!deps.sources.some((c) => c.id === id)) rows.push({ id, state });
    if (rows.length === 0) return answer('Sources', ['No source is configured.']);

    const counts = { healthy: 0, failing: 0, disabled: 0, unpolled: 0 };
    for (const r of rows) counts[r.state?.health ?? 'unpolled'] += 1;
    const unpolled = counts.unpolled ? `, ${counts.unpolled} not polled yet` : '';
    const summary = `${counts.healthy} healthy, ${counts.failing} failing, ${counts.disabled} disabled${unpolled}`;
    const lines = [summary, ...rows.map((r) => describeSource(r.id, r.config, r.state))];
    // Deliveries that gave up belong here too: they are what an admin must act on.
    const dead = await ownDeadLetters(req, deps, 5);
    if (dead.length) {
      lines.push(`Deliveries that gave up (latest ${dead.length}):`);
      for (const d of dead) lines.push(`${formatTime(d.at)} · ${d.channel} · incident ${d.incidentId} · ${d.failure}: ${d.reason.slice(0, MAX_ERROR_CHARS)}`);
    }
    return answer('Sources', lines);
  },
};

export function describeSource(id: string, config: ConfiguredSource | undefined, state: SourceState | undefined): string {
  const head = config ? `${id} (${config.type}, every ${config.every})` : `${id} (no longer configured)`;
  if (!state) return `${head}: not polled yet`;
  const parts = [`${head}: ${state.health}`, `last success ${formatTime(state.lastSuccess)}`];
  if (state.lastError) {
    const text = state.lastError.length > MAX_ERROR_CHARS ? `${state.lastError.slice(0, MAX_ERROR_CHARS)}…` : state.lastError;
    parts.push(`last error ${formatTime(state.lastErrorAt)}: ${text}`);
  }
  parts.push(`${state.consecutiveFailures} consecutive failure${state.consecutiveFailures === 1 ? '' : 's'}`);
  parts.push(`next poll ${state.health === 'disabled' ? 'none (disabled)' : formatTime(state.nextDue)}`);
  return parts.join(' · ');
}

/** How many dead letters to look through for the asker's own. */
const DEAD_LETTER_SCAN = 200;

/**
 * Dead letters name channels and quote platform errors: only admins see them, and only those
 * of channels in their own guild / workspace (in a DM, of that channel alone). A channel whose
 * owner the platform does not tell is shown to no one here (operators have `tocsin sources`).
 */
async function ownDeadLetters(req: CommandRequest, deps: CommandDeps, limit: number) {
  if (!req.user.isAdmin || !deps.deadLetters) return [];
  const own: Awaited<ReturnType<NonNullable<CommandDeps['deadLetters']>>> = [];
  const tenants = new Map<string, Promise<string | undefined>>();
  const tenantOf = (key: string): Promise<string | undefined> => {
    const channel = parseChannelKey(key);
    if ('error' in channel || !deps.channelTenant) return Promise.resolve(undefined);
    let known = tenants.get(key);
    if (!known) tenants.set(key, (known = deps.channelTenant(channel).catch(() => undefined)));
    return known;
  };
  const here = channelKey(req.channel);
  for (const d of await deps.deadLetters(DEAD_LETTER_SCAN)) {
    if (own.length >= limit) break;
    if (!d.channel.startsWith(`${req.channel.platform}:`)) continue;
    const mine = d.channel === here || (req.tenant !== undefined && (await tenantOf(d.channel)) === req.tenant);
    if (mine) own.push(d);
  }
  return own;
}
