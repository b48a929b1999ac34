const MAX_ENTRIES = 5_000;

/**
 * Channel → guild/workspace answers, kept because a channel never moves. Only answers are
 * kept: a failed lookup is asked again next time. Bounded: the oldest entries go first.
 */
export class TenantCache {
  private readonly known = new Map<string, string | undefined>();

  async get(channelId: string, look: () => Promise<string | undefined>): Promise<string | undefined> {
    if (this.known.has(channelId)) return this.known.get(channelId);
    const tenant = await look();
    this.known.set(channelId, tenant);
    if (this.known.size > MAX_ENTRIES) this.known.delete(this.known.keys().next().value as string);
    return tenant;
  }
}
