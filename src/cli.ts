/** The command line: `tocsin <command>`. Each command's body lives in src/cli/. */
import { Command } from 'commander';
import dotenv from 'dotenv';
import { action } from './cli/errors';
import { checkConfig } from './cli/check-config';
import { run } from './cli/run';
import { parse } from './cli/parse';
import { levels } from './cli/levels';
import { sources } from './cli/sources';
import { subscribe, subscriptions, unsubscribe } from './cli/subscriptions';
import { replay } from './cli/replay';
import { explain } from './cli/explain';
import { evaluate } from './cli/evaluate';
import { registerCommandsCli } from './cli/register-commands';

dotenv.config({ quiet: true });

const program = new Command()
  .name('tocsin')
  .description('Terrorism alert levels and attack reports, posted to Discord, Slack or the console.')
  .showHelpAfterError();

program
  .command('run')
  .description('run the bot (SIGHUP reloads the config folder, SIGTERM drains and exits)')
  .option('--once', 'poll every source once, deliver, wait for the outbox to drain, exit')
  .option('--role <role>', 'all | web (HTTP and chat commands only) | worker (polls and deliveries only)', 'all')
  .action(action(run));
program.command('check-config').description('validate the environment and TOCSIN_CONFIG_DIR; list every problem').action(action(checkConfig));
program.command('replay').description('push RSS/Atom files or JSONL items through detect → incidents → route → deliver').argument('<file...>').action(action(replay));
program
  .command('evaluate')
  .description('score detection and incident grouping on labelled JSONL items')
  .argument('<labelled.jsonl>')
  .option('--json', 'one JSON object with the figures and every prediction')
  .option('--misses', 'list every false negative and false positive with its rule trace, and every grouping error')
  .action(action(evaluate));
program
  .command('parse')
  .description('show what Tocsin sees in feeds or pages')
  .argument('<input...>', 'files or http(s) URLs')
  .option('--type <type>', 'feed, or an alert-level source type such as uk-mi5')
  .option('--source <id>', 'read as the configured source <id> would (its type and options)')
  .option('--json', 'one JSON line per input')
  .action(action((inputs: string[], opts: { type?: string; source?: string; json?: boolean }) => parse(inputs, { ...opts, allowPrivate: process.env.TOCSIN_ALLOW_PRIVATE_FETCH === '1' })));
program.command('explain').description('what the detector makes of a text').argument('<text>').action(action(explain));
program.command('levels').description('current alert level per authority').option('--json').action(action(levels));
program.command('sources').description('every source: health, last success, last error, next poll').option('--json').action(action(sources));
program
  .command('subscribe')
  .description("add or replace a channel's subscription")
  .argument('<channel>', 'platform:channel, e.g. discord:123456789, slack:C0123, console:stdout')
  .option('--countries <list>', 'ISO country codes, e.g. FR,GB (default: all)')
  .option('--kinds <list>', 'attack,alert_level (default: both)')
  .option('--min-severity <level>', 'low | medium | high | critical (default: low)')
  .option('--languages <list>', 'ISO 639-1 codes, e.g. en,fr (default: all)')
  .option('--locale <code>', 'language the messages are written in: en fr de es it nl pt sv no da pl (default: en)')
  .option('--timezone <zone>', 'IANA time zone of the times shown, e.g. Europe/Paris (default: UTC)')
  .action(action(subscribe));
program.command('unsubscribe').description("remove a channel's subscription").argument('<channel>').action(action(unsubscribe));
program.command('subscriptions').description('list every subscription').option('--json').action(action(subscriptions));
program
  .command('commands')
  .description('Discord slash commands')
  .command('register')
  .description('register /alerts with Discord (globally, or in one guild at once)')
  .option('--guild <id>', 'register in this guild only (takes effect immediately)')
  .action(action(registerCommandsCli));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`tocsin: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
