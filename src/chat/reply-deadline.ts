/**
 * Both platforms want an answer within 3 s. A command that takes longer (a slow store,
 * `test` posting through delivery) is acknowledged first and answered later.
 */
export const ACK_DEADLINE_MS = 2500;

export type Raced<T> = { done: true; value: T } | { done: false; later: Promise<T> };

export async function raceDeadline<T>(work: Promise<T>, ms: number = ACK_DEADLINE_MS): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    return first === 'late' ? { done: false, later: work } : { done: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
