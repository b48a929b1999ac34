import { loadConfig } from '../app';
import { registerCommands } from '../chat/discord';
import { CliError, print } from './errors';

/** `tocsin commands register [--guild ID]` */
export async function registerCommandsCli(opts: { guild?: string }): Promise<number> {
  const { env } = loadConfig(process.env);
  if (!env.discord.token || !env.discord.applicationId) {
    throw new CliError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the /alerts command.');
  }
  await registerCommands({ token: env.discord.token, applicationId: env.discord.applicationId, guildId: opts.guild, apiUrl: env.discord.apiUrl });
  print(opts.guild ? `Registered /alerts in guild ${opts.guild}.` : 'Registered /alerts globally (Discord may take up to an hour to show it everywhere).');
  return 0;
}
