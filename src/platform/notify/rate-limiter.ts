/**
 * Per-provider send rates, per app instance (config.notify.smsPerSecond …). A reservation
 * scheduler (GCRA): each send takes the next free slot and is told how long until it;
 * the job then runs again at its slot instead of sleeping in the worker, so one busy
 * provider never holds up the others, and a big batch is spread out once, not polled.
 */
export class SendRateLimiter {
  private readonly theoretical = new Map<string, number>();

  constructor(
    private readonly ratePerSecond: (provider: string) => number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Milliseconds until this send may go (0 = now); the slot is taken either way. */
  reserve(provider: string): number {
    const rate = this.ratePerSecond(provider);
    const interval = 1000 / rate;
    // A full second's worth may go at once (burst), then one per interval.
    const tolerance = interval * Math.max(0, rate - 1);
    const now = this.clock();
    const tat = Math.max(this.theoretical.get(provider) ?? now, now);
    this.theoretical.set(provider, tat + interval);
    return Math.max(0, tat - tolerance - now);
  }
}
