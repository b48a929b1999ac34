/** The command line: `tocsin <command>`. Each command's body lives in src/cli/. */
import { Command } from 'commander';
import dotenv from 'dotenv';
import { action } from './cli/errors';
import type * as CheckConfig from './cli/check-config';
import type * as Run from './cli/run';
import type * as Parse from './cli/parse';
import type * as Levels from './cli/levels';
import type * as Sources from './cli/sources';
import type * as Subscriptions from './cli/subscriptions';
import type * as Replay from './cli/replay';
import type * as Explain from './cli/explain';
import type * as Evaluate from './cli/evaluate';
import type * as RegisterCommands from './cli/register-commands';

/*
 * Each command's module loads only when that command runs: the platform clients, the
 * detector and the HTTP server take seconds to load together, and `tocsin subscribe` needs
 * none of them. (Synchronous require: the bin runs through tsx's CommonJS loader.)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const cli = {
  checkConfig: () => (require('./cli/check-config') as typeof CheckConfig).checkConfig,
  run: () => (require('./cli/run') as typeof Run).run,
  parse: () => (require('./cli/parse') as typeof Parse).parse,
  levels: () => (require('./cli/levels') as typeof Levels).levels,
  sources: () => (require('./cli/sources') as typeof Sources).sources,
  subscriptions: () => require('./cli/subscriptions') as typeof Subscriptions,
  replay: () => (require('./cli/replay') as typeof Replay).replay,
  explain: () => (require('./cli/explain') as typeof Explain).explain,
  evaluate: () => (require('./cli/evaluate') as typeof Evaluate).evaluate,
  registerCommands: () => (require('./cli/register-commands') as typeof RegisterCommands).registerCommandsCli,
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
  .action(action((opts: Parameters<typeof Run.run>[0]) => cli.run()(opts)));
program.command('check-config').description('validate the environment and TOCSIN_CONFIG_DIR; list every problem').action(action(() => cli.checkConfig()()));
program.command('replay').description('push RSS/Atom files or JSONL items through detect → incidents → route → deliver').argument('<file...>').action(action((files: string[]) => cli.replay()(files)));
program
  .command('evaluate')
  .description('score detection and incident grouping on labelled JSONL items')
  .argument('<labelled.jsonl>')
  .option('--json', 'one JSON object with the figures and every prediction')
  .option('--misses', 'list every false negative and false positive with its rule trace, and every grouping error')
  .action(action((file: string, opts: Parameters<typeof Evaluate.evaluate>[1]) => cli.evaluate()(file, opts)));
program
  .command('parse')
  .description('show what Tocsin sees in feeds or pages')
  .argument('<input...>', 'files or http(s) URLs')
  .option('--type <type>', 'feed, or an alert-level source type such as uk-mi5')
  .option('--source <id>', 'read as the configured source <id> would (its type and options)')
  .option('--json', 'one JSON line per input')
  .action(action((inputs: string[], opts: { type?: string; source?: string; json?: boolean }) => cli.parse()(inputs, { ...opts, allowPrivate: process.env.TOCSIN_ALLOW_PRIVATE_FETCH === '1' })));
program.command('explain').description('what the detector makes of a text').argument('<text>').action(action((text: string) => cli.explain()(text)));
program.command('levels').description('current alert level per authority').option('--json').action(action((opts: Parameters<typeof Levels.levels>[0]) => cli.levels()(opts)));
program.command('sources').description('every source: health, last success, last error, next poll').option('--json').action(action((opts: Parameters<typeof Sources.sources>[0]) => cli.sources()(opts)));
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
  .action(action((channel: string, opts: Parameters<typeof Subscriptions.subscribe>[1]) => cli.subscriptions().subscribe(channel, opts)));
program.command('unsubscribe').description("remove a channel's subscription").argument('<channel>').action(action((channel: string) => cli.subscriptions().unsubscribe(channel)));
program.command('subscriptions').description('list every subscription').option('--json').action(action((opts: Parameters<typeof Subscriptions.subscriptions>[0]) => cli.subscriptions().subscriptions(opts)));
program
  .command('commands')
  .description('Discord slash commands')
  .command('register')
  .description('register /alerts with Discord (globally, or in one guild at once)')
  .option('--guild <id>', 'register in this guild only (takes effect immediately)')
  .action(action((opts: Parameters<typeof RegisterCommands.registerCommandsCli>[0]) => cli.registerCommands()(opts)));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`tocsin: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
