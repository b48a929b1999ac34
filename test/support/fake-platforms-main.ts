/**
 * Starts a fake Discord and a fake Slack and prints `{"discord": DISCORD_API_URL, "slack": SLACK_API_URL}`
 * as one JSON line on stdout; stops on SIGTERM/SIGINT or when stdin closes.
 * Run: npx tsx test/support/fake-platforms-main.ts
 */
import { startFakeDiscord, startFakeSlack } from './fake-platforms';

async function main(): Promise<void> {
  const discord = await startFakeDiscord();
  const slack = await startFakeSlack();
  process.stdout.write(`${JSON.stringify({ discord: discord.url, slack: slack.url })}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([discord.close(), slack.close()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}

main().catch((err: unknown) => {
  process.stderr.write(`fake platforms failed to start: ${String(err)}\n`);
  process.exit(1);
});
