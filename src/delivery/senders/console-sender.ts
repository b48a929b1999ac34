import { toConsoleText } from '../../format';
import type { AlertMessage } from '../../format';
import type { Sender } from '../port';

const MAX_KEYS = 10_000;

/** Prints alerts; refs are `console-1`, `console-2`… A repeated idempotency key prints nothing new. */
export class ConsoleSender implements Sender {
  readonly platform = 'console' as const;
  private counter = 0;
  private readonly sent = new Map<string, string>();

  constructor(private readonly write: (s: string) => void) {}

  async post(_channelId: string, msg: AlertMessage, opts: { idempotencyKey: string }): Promise<{ ref: string }> {
    return this.once(opts.idempotencyKey, () => this.write(toConsoleText(msg)));
  }

  async edit(_channelId: string, ref: string, msg: AlertMessage): Promise<void> {
    this.write(`updated: ${ref}\n${toConsoleText(msg)}`);
  }

  async reply(_channelId: string, _ref: string, text: string, opts: { idempotencyKey: string }): Promise<{ ref: string }> {
    // eslint-disable-next-line no-control-regex
    return this.once(opts.idempotencyKey, () => this.write(`  ↳ ${text.replace(/[\u0000-\u001f\u007f]+/g, ' ')}`));
  }

  async findPosted(_channelId: string, idempotencyKey: string): Promise<{ ref: string } | undefined> {
    const ref = this.sent.get(idempotencyKey);
    return ref ? { ref } : undefined;
  }

  private once(key: string, print: () => void): { ref: string } {
    const known = this.sent.get(key);
    if (known) return { ref: known };
    print();
    const ref = `console-${++this.counter}`;
    this.sent.set(key, ref);
    // Remember only recent keys: retries come soon after the first attempt.
    if (this.sent.size > MAX_KEYS) this.sent.delete(this.sent.keys().next().value as string);
    return { ref };
  }
}
