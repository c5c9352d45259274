/**
 * Does `send` keep SEND_RATE when Twilio takes 100 ms to answer? Sends through the real SDK
 * adapter and `sendAll` to the local Twilio server with 100 ms latency, at 1, 30 and 100
 * messages per second, and prints the achieved rate against the target (the bar is 95%).
 *
 *   npx tsx bench/twilio-rate.ts [--quick]
 *
 * Achieved rate = (n - 1) / (time between the first and the last answer): n answers span n - 1
 * intervals, so the server's latency neither flatters nor penalises the figure.
 */
import { createTwilioAdapter } from '../src/adapters/twilio/index.js';
import { sendAll } from '../src/adapters/twilio/rate-limit.js';
import { startTwilioServer } from '../src/twilio-server/index.js';

const ACCOUNT_SID = `AC${'0f'.repeat(16)}`;
const AUTH_TOKEN = 'bench-token';
const LATENCY_MS = 100;
const quick = process.argv.includes('--quick');
const CASES: [rate: number, messages: number][] = quick
  ? [
      [1, 4],
      [30, 60],
      [100, 200],
    ]
  : [
      [1, 10],
      [30, 150],
      [100, 500],
    ];

const server = await startTwilioServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
server.faults({ latencyMs: LATENCY_MS });
const rows: string[] = [];
let worst = Number.POSITIVE_INFINITY;
for (const [rate, count] of CASES) {
  const adapter = await createTwilioAdapter({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    phoneNumber: '+15005550006',
    messagingServiceSid: undefined,
    retryForMs: 60_000,
    apiBaseUrl: server.url,
    sendRate: rate,
    timeoutMs: 10_000,
  });
  server.resetRequestCounts();
  const answeredAt: number[] = [];
  const started = performance.now();
  const { sent } = await sendAll(
    Array.from(
      { length: count },
      (_, i) => `+1555${String(rate).padStart(3, '0')}${String(i).padStart(4, '0')}`,
    ),
    async (to) => {
      const outcome = await adapter.sendMessage({ to, body: 'Benchmark text' });
      answeredAt.push(performance.now());
      if (outcome.kind !== 'sent') throw new Error(`unexpected outcome ${outcome.kind}`);
      return outcome;
    },
    { rate },
  );
  const total = (performance.now() - started) / 1000;
  adapter.close();
  const span = ((answeredAt.at(-1) ?? 0) - (answeredAt[0] ?? 0)) / 1000;
  const achieved = (sent - 1) / span;
  const ratio = achieved / rate;
  worst = Math.min(worst, ratio);
  const requests = server.requestCounts()['POST /Messages.json'] ?? 0;
  rows.push(
    `| ${rate} | ${sent} | ${requests} | ${total.toFixed(2)} s | ${achieved.toFixed(2)}/s | ${(ratio * 100).toFixed(1)}% |`,
  );
}
await server.stop();

console.log(
  `Send rate through the twilio SDK to the local server, ${LATENCY_MS} ms per answer (Node ${process.version})\n`,
);
console.log('| SEND_RATE | messages | requests | wall time | achieved | achieved/target |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log(`\nworst achieved/target: ${(worst * 100).toFixed(1)}% (bar: 95%)`);
process.exitCode = worst >= 0.95 ? 0 : 1;
