/**
 * Polls `pending` until it is 0 or `timeoutMs` passed. A backend that cannot answer for a
 * while (Redis restarting) is waited for; only at the deadline is its error thrown.
 */
export async function pollUntilDrained(
  pending: () => Promise<number>,
  timeoutMs: number,
  everyMs = 50,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let n: number;
    try {
      n = await pending();
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    if (n === 0 || Date.now() >= deadline) return n;
    await new Promise((r) => setTimeout(r, Math.min(everyMs, Math.max(1, deadline - Date.now()))));
  }
}

/** True when `p` settles within `ms`; it keeps running either way. */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
