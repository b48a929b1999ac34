export const PLATFORMS = ['discord', 'slack', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A channel as written everywhere outside a platform adapter: `discord:123`, `slack:C0123`, `console:stdout`. */
export interface ChannelRef {
  platform: Platform;
  id: string;
}

export function channelKey(c: ChannelRef): string {
  return `${c.platform}:${c.id}`;
}

export function parseChannelKey(s: string): ChannelRef | { error: string } {
  const i = s.indexOf(':');
  const platform = i > 0 ? s.slice(0, i) : '';
  const id = i > 0 ? s.slice(i + 1) : '';
  if (!(PLATFORMS as readonly string[]).includes(platform) || !/^[A-Za-z0-9_.-]{1,64}$/.test(id)) {
    return { error: `"${s}" is not a channel: write <platform>:<id> with platform one of ${PLATFORMS.join(', ')}` };
  }
  return { platform: platform as Platform, id };
}
