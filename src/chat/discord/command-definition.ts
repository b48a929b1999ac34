import { REST, Routes } from 'discord.js';
import { KINDS, LOCALES, SEVERITIES } from '../../model';
import { MAX_HOURS } from '../../commands/recent';
import { ALERTS_COMMAND } from './interactions-endpoint';

/** Discord application-command option types. */
const SUB_COMMAND = 1;
const STRING = 3;
const INTEGER = 4;

const country = { type: STRING, name: 'country', description: 'ISO country code, e.g. FR', required: false, min_length: 2, max_length: 2 };

/** The `/alerts` command as Discord wants it registered. Countries are free text, checked server-side. */
export const ALERTS_COMMAND_DEFINITION = {
  name: ALERTS_COMMAND,
  description: 'Terrorism alert levels and attack reports',
  type: 1,
  options: [
    { type: SUB_COMMAND, name: 'status', description: 'Current alert level of each tracked authority', options: [country] },
    {
      type: SUB_COMMAND,
      name: 'recent',
      description: 'Latest incidents',
      options: [country, { type: INTEGER, name: 'hours', description: `How far back (1–${MAX_HOURS}, default 24)`, required: false, min_value: 1, max_value: MAX_HOURS }],
    },
    { type: SUB_COMMAND, name: 'subscriptions', description: 'What this channel receives' },
    { type: SUB_COMMAND, name: 'sources', description: 'Source health' },
    {
      type: SUB_COMMAND,
      name: 'subscribe',
      description: 'Change what this channel receives (Manage Server or Manage Channels)',
      options: [
        { type: STRING, name: 'countries', description: 'ISO codes separated by commas, e.g. FR,GB (default: all)', required: false, max_length: 200 },
        {
          type: STRING,
          name: 'kinds',
          description: 'What to receive (default: both)',
          required: false,
          choices: [...KINDS.map((k) => ({ name: k, value: k })), { name: 'both', value: KINDS.join(',') }],
        },
        {
          type: STRING,
          name: 'min-severity',
          description: 'Lowest severity to receive (default: low)',
          required: false,
          choices: SEVERITIES.map((s) => ({ name: s, value: s })),
        },
        { type: STRING, name: 'languages', description: 'Language codes separated by commas, e.g. en,fr (default: all)', required: false, max_length: 100 },
        {
          type: STRING,
          name: 'locale',
          description: "Language the alerts are written in (default: the server's language, else en)",
          required: false,
          choices: LOCALES.map((l) => ({ name: l, value: l })),
        },
        { type: STRING, name: 'timezone', description: 'Time zone of the times shown, e.g. Europe/Paris (default: UTC)', required: false, max_length: 64 },
      ],
    },
    { type: SUB_COMMAND, name: 'unsubscribe', description: 'Stop alerts in this channel (Manage Server or Manage Channels)' },
    { type: SUB_COMMAND, name: 'test', description: 'Post a sample alert here (Manage Server or Manage Channels)' },
    { type: SUB_COMMAND, name: 'help', description: 'Usage' },
  ],
} as const;

export interface RegisterCommandsOptions {
  token: string;
  applicationId: string;
  /** Registers in one guild (instant) instead of globally (may take up to an hour to show). */
  guildId?: string;
  /** Discord REST base, e.g. `http://127.0.0.1:9999/api`; `/v10/...` is appended. */
  apiUrl?: string;
}

/** PUTs the command list (replacing what was registered); resolves with Discord's answer. */
export async function registerCommands(opts: RegisterCommandsOptions): Promise<unknown> {
  const rest = new REST({ version: '10', timeout: 15_000, ...(opts.apiUrl ? { api: opts.apiUrl } : {}) }).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  return rest.put(route, { body: [ALERTS_COMMAND_DEFINITION] });
}
