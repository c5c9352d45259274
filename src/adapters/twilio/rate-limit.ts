/**
 * SEND_RATE: messages per second, shared by every concurrent send. A schedule of start times
 * (slot k starts at first + k/rate; a token bucket of depth one) paces the requests, and enough
 * of them are in flight at once that Twilio's answer time does not cap the rate: at 100 ms per
 * answer, one request at a time could never go past 10 messages a second.
 */

export interface Pacing {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  private nextSlot = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly ratePerSecond: number,
    pacing: Pacing = {},
  ) {
    if (!(ratePerSecond > 0))
      throw new RangeError(`rate must be above 0 messages per second, got ${ratePerSecond}`);
    this.intervalMs = 1000 / ratePerSecond;
    this.now = pacing.now ?? (() => performance.now());
    this.sleep = pacing.sleep ?? realSleep;
  }

  /**
   * Waits for the caller's start slot. Slots are handed out in call order and spaced from the
   * previous slot, not from the moment of the call, so timer lateness does not add up; after an
   * idle spell the next call starts at once (no burst is saved up). A call of `weight` n takes n
   * slots: Twilio counts a long text's segments against the sender's throughput, not the text.
   */
  async acquire(weight = 1): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs * Math.max(1, weight);
    if (slot > now) await this.sleep(slot - now);
  }
}

/** Requests in flight for a rate: rate × expected answer time, plus one, within [1, 64]. */
export function concurrencyFor(ratePerSecond: number, expectedLatencyMs = 1000): number {
  return Math.max(1, Math.min(64, Math.ceil((ratePerSecond * expectedLatencyMs) / 1000) + 1));
}

export interface SendAllOptions<T, R> {
  /** messages per second */
  rate: number;
  /** how many slots of the rate an item takes (a text's segments); default 1 */
  weight?: (item: T) => number;
  /** requests in flight; default `concurrencyFor(rate)` */
  concurrency?: number;
  /** each result as soon as it is known, in completion order (record it before the next crash) */
  onResult?: (item: T, result: R, index: number) => void | Promise<void>;
  onProgress?: (done: number, total: number) => void;
  /** abort to stop starting new sends (those in flight finish and are reported) */
  signal?: AbortSignal;
  /** a limiter shared with other work, or a paced clock for tests */
  limiter?: RateLimiter;
  pacing?: Pacing;
}

export interface SendAllResult<R> {
  /** by input index; undefined for items never sent (stopped) */
  results: (R | undefined)[];
  sent: number;
}

/**
 * Sends every item at `rate`, `concurrency` at a time. When `send` or `onResult` throws (e.g. the
 * credentials were refused, Twilio stays down), no new send starts, those in flight finish and
 * are reported, and the first error is thrown.
 */
export async function sendAll<T, R>(
  items: readonly T[],
  send: (item: T, index: number) => Promise<R>,
  options: SendAllOptions<T, R>,
): Promise<SendAllResult<R>> {
  const limiter = options.limiter ?? new RateLimiter(options.rate, options.pacing);
  const workers = Math.max(1, Math.min(items.length, options.concurrency ?? concurrencyFor(options.rate)));
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  let done = 0;
  let failed: { error: unknown } | undefined;
  const stopped = () => failed !== undefined || options.signal?.aborted === true;

  async function worker(): Promise<void> {
    while (!stopped() && next < items.length) {
      const index = next++;
      await limiter.acquire(options.weight?.(items[index] as T) ?? 1);
      if (stopped()) return;
      try {
        const result = await send(items[index] as T, index);
        results[index] = result;
        await options.onResult?.(items[index] as T, result, index);
        done += 1;
        options.onProgress?.(done, items.length);
      } catch (error) {
        failed ??= { error };
      }
    }
  }

  await Promise.all(Array.from({ length: workers }, worker));
  if (failed !== undefined) throw failed.error;
  return { results, sent: done };
}
