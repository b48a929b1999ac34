import type { CommandDeps, CommandRequest } from '../../src/commands';
import type { ChannelRef } from '../../src/model';
import { MemoryCommandStore } from './memory-store';

export const CHANNEL: ChannelRef = { platform: 'discord', id: '111' };
export const NOW = new Date('2024-03-23T12:00:00.000Z');

export function request(subcommand: string, args: Record<string, string> = {}, isAdmin = false): CommandRequest {
  return { subcommand, args, channel: CHANNEL, user: { id: 'u1', isAdmin }, now: NOW };
}

export function deps(store = new MemoryCommandStore(), over: Partial<CommandDeps> = {}): CommandDeps & { samples: ChannelRef[] } {
  const samples: ChannelRef[] = [];
  return {
    store,
    sources: [],
    postSample: async (c) => {
      samples.push(c);
    },
    samples,
    ...over,
  };
}
