import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { HttpRequest, HttpResponse, RouteHandler } from '../../http/route';
import { headerValue as header, jsonResponse, textResponse } from '../../http/route';
import type { SlackAppOptions } from './alerts-app';
import { buildAlertsApp } from './alerts-app';
import { parseSlackBody } from './parse-body';
import { checkSlackSignature } from './verify-signature';

export interface SlackHandlerOptions extends SlackAppOptions {
  /** SLACK_SIGNING_SECRET. */
  signingSecret: string;
}

/** Bolt's receiver slot, filled by our own server: it only hands over verified bodies. */
class RouteReceiver implements Receiver {
  app?: App;
  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/**
 * `POST /slack/events` on our HTTP server: verifies the signature before anything runs,
 * then hands the body to a Bolt app whose `/alerts` listener answers through `ack`.
 */
export function createSlackHandler(opts: SlackHandlerOptions): { handle: RouteHandler; app: App } {
  const clock = opts.clock ?? (() => new Date());
  const app = buildAlertsApp(opts, { receiver: new RouteReceiver() });

  const handle = async (req: HttpRequest): Promise<HttpResponse> => {
    const refused = checkSlackSignature({
      signingSecret: opts.signingSecret,
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      body: req.body,
      now: clock(),
    });
    if (refused) return jsonResponse(401, { error: `invalid request: ${refused}` });
    const body = parseSlackBody(req.body, header(req, 'content-type'));
    if ('error' in body) return jsonResponse(400, { error: body.error });
    if (body.type === 'url_verification') return jsonResponse(200, { challenge: body.challenge });
    if (body.ssl_check) return textResponse(200, '');
    return processWithAck(app, body, req, opts.onError);
  };
  return { handle, app };
}

/** Runs Bolt on one body and answers with whatever the listener acked (200 empty when none did). */
async function processWithAck(app: App, body: Record<string, unknown>, req: HttpRequest, onError?: (err: unknown) => void): Promise<HttpResponse> {
  let acked: (r: HttpResponse) => void = () => {};
  const ackResponse = new Promise<HttpResponse>((resolve) => {
    acked = resolve;
  });
  const retryNum = Number(header(req, 'x-slack-retry-num'));
  const event: ReceiverEvent = {
    body,
    ...(Number.isFinite(retryNum) ? { retryNum } : {}),
    ...(header(req, 'x-slack-retry-reason') ? { retryReason: header(req, 'x-slack-retry-reason') } : {}),
    ack: async (response: unknown) => {
      acked(response === undefined || response === '' ? textResponse(200, '') : typeof response === 'string' ? textResponse(200, response) : jsonResponse(200, response));
    },
  };
  const processed = app.processEvent(event).then(
    () => textResponse(200, ''),
    (err: unknown) => {
      onError?.(err);
      return jsonResponse(500, { error: 'internal error' });
    },
  );
  // Work after the ack (a late `respond`) carries on; the HTTP answer goes out at the ack.
  return Promise.race([ackResponse, processed]);
}
