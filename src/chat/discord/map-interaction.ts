import type { CommandRequest } from '../../commands';

/** Discord permission bits that make a member an `/alerts` admin. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_GUILD = 1n << 5n;

/** What both Discord paths (HTTP interactions, gateway) extract from an `/alerts` invocation. */
export interface AlertsInvocation {
  subcommand: string;
  options: { name: string; value: unknown }[];
  channelId: string;
  userId: string;
  /** The guild it came from; absent in a DM. */
  guildId?: string;
  /** `member.permissions`: a decimal string over HTTP, a bigint from discord.js; absent in DMs. */
  permissions?: string | bigint | null;
  /** The user's and the guild's languages (`locale`, `guild_locale`), e.g. `fr`, `pt-BR`. */
  locale?: string;
  guildLocale?: string;
}

export function isDiscordAdmin(permissions: string | bigint | null | undefined): boolean {
  if (permissions === undefined || permissions === null) return false;
  let bits: bigint;
  try {
    bits = typeof permissions === 'bigint' ? permissions : BigInt(permissions);
  } catch {
    return false;
  }
  return (bits & (ADMINISTRATOR | MANAGE_CHANNELS | MANAGE_GUILD)) !== 0n;
}

export function toCommandRequest(inv: AlertsInvocation, now: Date): CommandRequest {
  const args: Record<string, string> = {};
  for (const o of inv.options) if (o.value !== undefined && o.value !== null) args[o.name] = String(o.value);
  return {
    subcommand: inv.subcommand,
    args,
    channel: { platform: 'discord', id: inv.channelId },
    user: { id: inv.userId, isAdmin: isDiscordAdmin(inv.permissions) },
    ...(inv.guildId ? { tenant: inv.guildId } : {}),
    ...(inv.locale ? { userLocale: inv.locale } : {}),
    ...(inv.guildLocale ? { tenantLocale: inv.guildLocale } : {}),
    now,
  };
}

interface RawOption {
  name?: unknown;
  type?: unknown;
  value?: unknown;
  options?: RawOption[];
}

/** Reads an APPLICATION_COMMAND interaction body; an error string when it is not one we can use. */
export function fromInteractionBody(body: Record<string, unknown>): AlertsInvocation | { error: string } {
  const data = body.data as { name?: unknown; options?: RawOption[] } | undefined;
  const sub = data?.options?.[0];
  // Type 1 = SUB_COMMAND: every `/alerts` use names exactly one.
  if (!sub || sub.type !== 1 || typeof sub.name !== 'string') return { error: 'no subcommand given' };
  const member = body.member as { user?: { id?: unknown }; permissions?: unknown } | undefined;
  const user = (member?.user ?? body.user) as { id?: unknown } | undefined;
  const channelId = body.channel_id ?? (body.channel as { id?: unknown } | undefined)?.id;
  if (typeof user?.id !== 'string' || typeof channelId !== 'string') return { error: 'no user or channel in the interaction' };
  return {
    subcommand: sub.name,
    options: (sub.options ?? []).filter((o) => typeof o.name === 'string').map((o) => ({ name: o.name as string, value: o.value })),
    channelId,
    userId: user.id,
    ...(typeof body.guild_id === 'string' ? { guildId: body.guild_id } : {}),
    permissions: typeof member?.permissions === 'string' ? member.permissions : null,
    ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
    ...(typeof body.guild_locale === 'string' ? { guildLocale: body.guild_locale } : {}),
  };
}
