import { ConfigError } from '../config/config-error';

/** A user-facing failure: print the message, no stack, exit with `code`. */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/** Runs a command body; turns expected failures into a message on stderr and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (e) {
      if (e instanceof ConfigError || e instanceof CliError) {
        process.stderr.write(`${e.message}\n`);
      } else if (e instanceof Error && e.name === 'StoreUnavailableError') {
        process.stderr.write(`The store cannot be reached: ${e.message}\n`);
      } else {
        process.stderr.write(`tocsin: ${e instanceof Error ? e.message : String(e)}\n`);
        if (process.env.LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      }
      process.exitCode = e instanceof CliError ? e.code : 1;
    }
  };
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
