import { LogLevel, WebClient } from '@slack/web-api';

/** users.info is asked inside Slack's 3 s window: bound it well below. */
const USERS_INFO_TIMEOUT_MS = 1500;

export interface SlackAdminCheckOptions {
  /** Needed for users.info; without it only `admins` count. */
  botToken?: string;
  apiUrl?: string;
  /** TOCSIN_SLACK_ADMINS: user ids that may administer besides workspace admins/owners. */
  admins: readonly string[];
  /** Told when users.info fails (the user is then treated as not an admin). */
  onError?: (err: unknown) => void;
}

/** Whether a Slack user may run admin subcommands. A failed lookup means "no", never a crash. */
export function slackAdminCheck(opts: SlackAdminCheckOptions): (userId: string) => Promise<boolean> {
  const client = opts.botToken
    ? new WebClient(opts.botToken, {
        timeout: USERS_INFO_TIMEOUT_MS,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
        ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
      })
    : undefined;
  const listed = new Set(opts.admins);
  return async (userId) => {
    if (listed.has(userId)) return true;
    if (!client) return false;
    try {
      const info = await client.users.info({ user: userId });
      return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    } catch (err) {
      opts.onError?.(err);
      return false;
    }
  };
}
