/**
 * How the simulators misbehave on purpose, so retries and idempotency are exercised
 * for real: a share of calls answered with 5xx. Half of those failures happen after
 * the message was stored ("lost answer": the caller must retry, and the retry must
 * be recognised as the same message), half before. Decided from the idempotency key
 * and the call number, so a run is repeatable.
 */
import crypto from 'node:crypto';

export type SimulatedFault = 'none' | 'refuse' | 'lose-answer';

export class SimulatorControl {
  private readonly calls = new Map<string, number>();

  /** Percentage (0–100) of calls answered with 503; NOTIFY_SIMULATOR_FAIL_PERCENT, the /dev/notify form, or tests. */
  constructor(public failPercent = 0) {}

  decide(channel: string, idempotencyKey: string): SimulatedFault {
    const key = `${channel}:${idempotencyKey}`;
    const call = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, call);
    if (this.calls.size > 100_000) this.calls.clear(); // a long dev session must not grow without bound
    if (this.failPercent <= 0) return 'none';
    const digest = crypto.createHash('sha256').update(`${key}:${call}`).digest();
    if ((digest.readUInt32BE(0) / 0x1_0000_0000) * 100 >= this.failPercent) return 'none';
    return digest[4]! < 128 ? 'refuse' : 'lose-answer';
  }
}
