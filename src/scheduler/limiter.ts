/** Runs at most `global` tasks at once, and at most `perKey` with the same key (a host). */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly byKey = new Map<string, number>();

  /** `onRelease` is called after a task has finished and its room is free again. */
  constructor(
    private readonly global: number,
    private readonly perKey: number,
    private readonly onRelease?: () => void,
  ) {}

  hasRoom(key: string): boolean {
    return this.running < this.global && (this.byKey.get(key) ?? 0) < this.perKey;
  }

  /** No room for anything, whatever the key. */
  get full(): boolean {
    return this.running >= this.global;
  }

  /** Starts `task` now if there is room and resolves true; false when it would exceed a limit. */
  tryRun(key: string, task: () => Promise<unknown>): boolean {
    const n = this.byKey.get(key) ?? 0;
    if (this.running >= this.global || n >= this.perKey) return false;
    this.running++;
    this.byKey.set(key, n + 1);
    void task().finally(() => {
      this.running--;
      const left = (this.byKey.get(key) ?? 1) - 1;
      if (left) this.byKey.set(key, left);
      else this.byKey.delete(key);
      this.onRelease?.();
    });
    return true;
  }

  get active(): number {
    return this.running;
  }
}
