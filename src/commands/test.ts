import type { CommandSpec } from './command-spec';
import { confirm, refuse } from './reply';

/** `test` (admins): post a sample alert here through the normal delivery path. */
export const test: CommandSpec = {
  name: 'test',
  usage: 'test',
  summary: 'post a sample alert to this channel (admins)',
  admin: true,
  args: [],
  async run(req, deps) {
    try {
      await deps.postSample(req.channel);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return refuse('Sample alert not posted', [`Posting to this channel failed: ${why}`, 'Check that the bot may post and embed links here.']);
    }
    return confirm('Sample alert posted', ['A sample alert was sent to this channel.']);
  },
};
