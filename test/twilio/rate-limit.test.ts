/** SEND_RATE pacing on a virtual clock (no waiting), and once loosely on the real one. */
import { describe, expect, test } from 'vitest';
import { TwilioAuthError } from '../../src/adapters/twilio/errors.js';
import { createTwilioAdapter } from '../../src/adapters/twilio/index.js';
import { concurrencyFor, RateLimiter, sendAll } from '../../src/adapters/twilio/rate-limit.js';
import { startTwilioServer } from '../../src/twilio-server/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, twilioConfig } from './helpers.js';

/** A clock that jumps to the next timer once everything else has settled. */
function virtualTime() {
  let t = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const now = () => t;
  const sleep = (ms: number) => new Promise<void>((wake) => timers.push({ at: t + ms, wake }));
  async function run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (next === undefined) throw new Error('deadlock: nothing to wait for');
      t = Math.max(t, next.at);
      next.wake();
    }
    return work;
  }
  return { now, sleep, run };
}

describe('RateLimiter', () => {
  test('concurrent callers share one rate: slots 1/rate apart, in call order', async () => {
    const vt = virtualTime();
    const limiter = new RateLimiter(10, vt);
    const starts: number[] = [];
    await vt.run(
      Promise.all(Array.from({ length: 20 }, () => limiter.acquire().then(() => starts.push(vt.now())))),
    );
    expect(starts).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
  });

  test('an idle spell saves up no burst', async () => {
    const vt = virtualTime();
    const limiter = new RateLimiter(2, vt);
    const starts: number[] = [];
    await vt.run(
      (async () => {
        for (let i = 0; i < 2; i++) await limiter.acquire().then(() => starts.push(vt.now()));
        await vt.sleep(10_000);
        for (let i = 0; i < 3; i++) await limiter.acquire().then(() => starts.push(vt.now()));
      })(),
    );
    expect(starts).toEqual([0, 500, 10_500, 11_000, 11_500]);
  });

  test.each([
    [1, 2],
    [30, 31],
    [100, 64],
  ])('at %i/s, %i requests are in flight', (rate, expected) => {
    expect(concurrencyFor(rate)).toBe(expected);
  });
});

describe('sendAll', () => {
  test.each([1, 30, 100])('keeps %i/s with 100 ms answers, whatever the latency', async (rate) => {
    const vt = virtualTime();
    const count = rate * 5;
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];
    const progress: number[] = [];
    await vt.run(
      sendAll(
        Array.from({ length: count }, (_, i) => i),
        async (i) => {
          starts.push(vt.now());
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await vt.sleep(100);
          inFlight--;
          return i * 2;
        },
        { rate, pacing: vt, onProgress: (done) => progress.push(done) },
      ).then(({ results, sent }) => {
        expect(sent).toBe(count);
        expect(results.slice(0, 3)).toEqual([0, 2, 4]);
      }),
    );
    const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    expect(span).toBeCloseTo(((count - 1) * 1000) / rate, 0);
    expect(progress.at(-1)).toBe(count);
    if (rate > 10) expect(maxInFlight).toBeGreaterThan(1);
  });

  test('one request at a time could not keep 30/s at 100 ms per answer (why the pool exists)', async () => {
    const vt = virtualTime();
    await vt.run(
      sendAll([...Array(30).keys()], () => vt.sleep(100), { rate: 30, concurrency: 1, pacing: vt }),
    );
    expect(vt.now()).toBeGreaterThanOrEqual(3000);
  });

  test('a fatal error stops new sends; those in flight finish and are reported; the error is thrown', async () => {
    const vt = virtualTime();
    const reported: number[] = [];
    const attempted: number[] = [];
    const run = sendAll(
      [...Array(50).keys()],
      async (i) => {
        attempted.push(i);
        await vt.sleep(100);
        if (i === 5) throw new TwilioAuthError('HTTP 401, Twilio code 20003');
        return i;
      },
      { rate: 20, pacing: vt, onResult: (_item, r) => void reported.push(r) },
    );
    await expect(vt.run(run)).rejects.toBeInstanceOf(TwilioAuthError);
    expect(attempted.length).toBeLessThan(12);
    expect(reported.sort((a, b) => a - b)).toEqual(attempted.filter((i) => i !== 5).sort((a, b) => a - b));
  });

  test('an aborted signal stops new sends', async () => {
    const vt = virtualTime();
    const controller = new AbortController();
    const { results, sent } = await vt.run(
      sendAll([...Array(10).keys()], async (i) => i, {
        rate: 10,
        concurrency: 1,
        pacing: vt,
        signal: controller.signal,
        onResult: (i) => {
          if (i === 2) controller.abort();
        },
      }),
    );
    expect(sent).toBe(3);
    expect(results).toEqual([0, 1, 2, ...Array(7).fill(undefined)]);
  });

  test('for real: 40 sends at 40/s against a server answering in 100 ms take about a second', async () => {
    const server = await startTwilioServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const adapter = await createTwilioAdapter(twilioConfig(server.url));
    try {
      server.faults({ latencyMs: 100 });
      const started = performance.now();
      const { sent } = await sendAll(
        Array.from({ length: 40 }, (_, i) => `+1555100${String(i).padStart(4, '0')}`),
        (to) => adapter.sendMessage({ to, body: 'Hi' }),
        { rate: 40 },
      );
      const seconds = (performance.now() - started) / 1000;
      expect(sent).toBe(40);
      expect(server.messages()).toHaveLength(40);
      expect(seconds).toBeGreaterThan(0.9); // never faster than the rate
      expect(seconds).toBeLessThan(3); // generous: latency alone would make it 4 s one at a time
    } finally {
      adapter.close();
      await server.stop();
    }
  });
});
