import type { CommandSpec } from './command-spec';
import { answer } from './reply';

/** `help`: usage of every subcommand. Takes the list so it never drifts from dispatch. */
export function makeHelp(all: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'help',
    usage: 'help',
    summary: 'this list',
    admin: false,
    args: [],
    async run() {
      return answer('/alerts — usage', helpLines(all()));
    },
  };
}

export function helpLines(specs: readonly CommandSpec[]): string[] {
  return [
    ...specs.map((s) => `/alerts ${s.usage} — ${s.summary}`),
    'Countries are ISO codes (FR, GB, US); severities: low, medium, high, critical; kinds: attack, alert_level.',
  ];
}
