/**
 * Does `send` keep SEND_RATE when Twilio takes 100 ms to answer? The real `send` process texts
 * `n` due contacts through the local server (100 ms per answer); the benchmark samples the
 * server's request counter every millisecond to date each create request's arrival.
 * Achieved rate = (n - 1) / (last arrival - first arrival): n requests span n - 1 intervals.
 */
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDataDir, NOW, writeContacts, writeMessages, writeState } from '../lib/data.js';
import { smsfunnel } from '../lib/proc.js';
import type { Section } from '../lib/report.js';
import { cronEnv, startServer } from '../lib/rig.js';
import { count, median, ms, ratio } from '../lib/stats.js';

const LATENCY_MS = 100;
const CREATE = 'POST /Messages.json';

export async function sendRateSection(workDir: string, funnelFile: string, quick: boolean): Promise<Section> {
  const cases: [rate: number, n: number][] = quick
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
  const rows: string[][] = [];
  const bars: Section['bars'] = [];
  for (const [rate, n] of cases) {
    const dir = await makeDataDir(join(workDir, `send-rate-${rate}`));
    await writeContacts(join(dir, 'contacts.csv'), { count: n, due: n });
    await writeMessages(join(dir, 'messages.csv'), 0, 1);
    await writeState(dir, new Date(NOW.getTime() - 20 * 60_000));
    const server = await startServer();
    server.faults({ latencyMs: LATENCY_MS });
    const arrivals: number[] = [];
    let seen = 0;
    const sampler = setInterval(() => {
      const c = server.requestCounts()[CREATE] ?? 0;
      const t = performance.now();
      for (; seen < c; seen++) arrivals.push(t);
    }, 1);
    try {
      const run = await smsfunnel(['send'], cronEnv(server, dir, funnelFile, { SEND_RATE: String(rate) }), {
        timeoutMs: 10 * 60_000,
      });
      clearInterval(sampler);
      const c = server.requestCounts()[CREATE] ?? 0;
      for (; seen < c; seen++) arrivals.push(performance.now());
      const span = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
      const achieved = (arrivals.length - 1) / span;
      const share = achieved / rate;
      rows.push([
        String(rate),
        String(arrivals.length),
        ms(run.ms),
        ms(((n - 1) / rate) * 1000),
        `${achieved.toFixed(2)}/s`,
        `${(share * 100).toFixed(1)}%`,
        '≥ 95%',
      ]);
      bars.push({
        name: `send at SEND_RATE ${rate}, ${LATENCY_MS} ms per answer`,
        ok: share >= 0.95 && arrivals.length === n,
        detail: `${(share * 100).toFixed(1)}% of the rate, ${arrivals.length}/${n} create requests (${run.stdout.trim()})`,
      });
    } finally {
      clearInterval(sampler);
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    title: 'Send throughput',
    about: `The real \`send\` command texting n due contacts, the local server answering each request after ${LATENCY_MS} ms. Yardstick: SEND_RATE itself (the ideal span of n requests is (n−1)/rate).`,
    headers: [
      'SEND_RATE',
      'texts',
      'send wall time',
      'ideal span',
      'achieved',
      'achieved / SEND_RATE',
      'bar',
    ],
    rows,
    bars,
    notes: [],
  };
}

/**
 * What one text costs `send` besides the wait for Twilio: `n` due contacts texted at SEND_RATE
 * 1000 (the highest accepted) with no server latency, in a small contacts file and in a large
 * one (contacts.csv is checkpointed every 50 texts), against the disk's fsync latency (each text
 * is made durable by several fsyncs: journal intent, journal SID, messages.csv, journal logged).
 */
export async function sendCeilingSection(
  workDir: string,
  funnelFile: string,
  quick: boolean,
): Promise<Section> {
  const texts = quick ? 1000 : 2000;
  const fsyncMs = fsyncLatency(join(workDir, 'fsync-probe'), 200);
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const contacts of [texts, 100_000]) {
    const dir = await makeDataDir(join(workDir, `send-ceiling-${contacts}`));
    await writeContacts(join(dir, 'contacts.csv'), { count: contacts, due: texts });
    await writeMessages(join(dir, 'messages.csv'), 0, 1);
    await writeState(dir, new Date(NOW.getTime() - 20 * 60_000));
    const server = await startServer();
    try {
      const run = await smsfunnel(['send'], cronEnv(server, dir, funnelFile, { SEND_RATE: '1000' }), {
        timeoutMs: 10 * 60_000,
      });
      const perText = run.ms / texts;
      rows.push([
        count(contacts),
        String(texts),
        ms(run.ms),
        `${((texts / run.ms) * 1000).toFixed(0)}/s`,
        ms(perText),
        ms(fsyncMs),
        ratio(perText, fsyncMs),
        ratio(run.ms, texts),
      ]);
      notes.push(`${count(contacts)} contacts: send said "${run.stdout.trim()}"`);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    title: 'Send: cost per text',
    about: `The real \`send\` texting ${texts} due contacts at SEND_RATE 1000, no server latency, in a contacts file of ${texts} and of 100k rows (whole command, including start-up, load and plan). Yardsticks: SEND_RATE (1 ms a text) and the fsync latency of this disk (append 300 bytes + fsync, median of 200, in process).`,
    headers: [
      'contacts',
      'texts',
      'send wall time',
      'texts/s',
      'per text',
      'fsync',
      'per text / fsync',
      'vs SEND_RATE 1000',
    ],
    rows,
    bars: [],
    notes,
  };
}

function fsyncLatency(path: string, times: number): number {
  const fd = openSync(path, 'a');
  const samples: number[] = [];
  try {
    const line = `${'x'.repeat(299)}\n`;
    for (let i = 0; i < times; i++) {
      const start = performance.now();
      writeSync(fd, line);
      fsyncSync(fd);
      samples.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  return median(samples);
}
