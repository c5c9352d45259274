/**
 * The cron tick `poll-replies && categorize && send`, three real processes of the built binary,
 * against the local server in this process, with SMSFUNNEL_NOW fixed.
 *
 * - quiet: nothing due, nothing new (the tick cron runs most often), at each contacts size, with
 *   the shared message log (1M rows in the full run) in place. Bar: the largest tick costs no
 *   more than 2× the 1k tick.
 * - busy: 10,000 new replies to record and categorize and 10,000 follow-ups due. Bar: 1.3× the
 *   floor of fast-csv parsing and writing the same files (plus, see the notes, SEND_RATE's
 *   pacing of 10,000 texts); peak RSS of each child under 1 GB at 1M contacts.
 */
import { copyFile, link, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TwilioServer } from '../../src/twilio-server/index.js';
import { makeDataDir, NOW, writeContacts, writeState } from '../lib/data.js';
import type { Phases } from '../lib/floor.js';
import { type ProcResult, smsfunnel } from '../lib/proc.js';
import type { Section } from '../lib/report.js';
import { cronEnv, injectReplies, seedHistory, startServer } from '../lib/rig.js';
import { count, mb, median, ms, ratio } from '../lib/stats.js';

const COMMANDS = ['poll-replies', 'categorize', 'send'] as const;
const CURSOR = new Date(NOW.getTime() - 20 * 60_000);
/** replies whose categories move contacts without owing a text: the busy tick's texts are the 10k due */
const REPLIES = [
  'not now, maybe later',
  'who is this?',
  'ok thanks',
  'STOP',
  'wrong number',
  "I'll think about it",
];
const GB_KB = 1024 * 1024;

interface Tick {
  runs: Record<(typeof COMMANDS)[number], ProcResult>;
  total: number;
  peakKb: number;
}

async function tick(
  server: TwilioServer,
  dir: string,
  funnelFile: string,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<Tick> {
  const runs = {} as Tick['runs'];
  for (const command of COMMANDS) {
    runs[command] = await smsfunnel([command], cronEnv(server, dir, funnelFile, env), {
      timeoutMs,
      allowTimeout: command === 'send',
    });
  }
  const list = Object.values(runs);
  return {
    runs,
    total: list.reduce((a, r) => a + r.ms, 0),
    peakKb: Math.max(...list.map((r) => (Number.isNaN(r.maxRssKb) ? 0 : r.maxRssKb))),
  };
}

const medianOf = (ticks: readonly Tick[], f: (t: Tick) => number) => median(ticks.map(f));

export async function quietTickSection(options: {
  workDir: string;
  funnelFile: string;
  sharedLog: string;
  logRows: number;
  sizes: readonly number[];
  reps: number;
  phases: Map<number, Phases>;
}): Promise<Section> {
  const { workDir, funnelFile, sizes, reps } = options;
  const rows: string[][] = [];
  const results = new Map<number, number>();
  const notes: string[] = [];
  for (const size of sizes) {
    const dir = await makeDataDir(join(workDir, `quiet-${size}`));
    await writeContacts(join(dir, 'contacts.csv'), { count: size });
    await link(options.sharedLog, join(dir, 'messages.csv'));
    await writeState(dir, CURSOR);
    const server = await startServer();
    seedHistory(server, 10_000, CURSOR, size);
    const ticks: Tick[] = [];
    try {
      for (let r = 0; r < reps; r++) {
        const t = await tick(server, dir, funnelFile, 10 * 60_000);
        const line = t.runs.send.stdout.trim();
        if (!/^sent 0\b/.test(line)) throw new Error(`quiet tick at ${size}: send said "${line}"`);
        ticks.push(t);
      }
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
    const total = medianOf(ticks, (t) => t.total);
    results.set(size, total);
    const base = results.get(sizes[0] as number) as number;
    const p = options.phases.get(size);
    rows.push([
      count(size),
      ...COMMANDS.map((c) => ms(medianOf(ticks, (t) => t.runs[c].ms))),
      ms(total),
      `${count(sizes[0] as number)} tick: ${ms(base)}`,
      ratio(total, base),
      mb(medianOf(ticks, (t) => t.peakKb)),
      p === undefined ? '' : `${ms(p.loadMs)} + ${ms(p.saveMs)}`,
    ]);
  }
  const largest = sizes[sizes.length - 1] as number;
  const ok = (results.get(largest) as number) <= 2 * (results.get(sizes[0] as number) as number);
  notes.push(
    'The last column is the in-process cost of the store loading contacts.csv and saving it back (median, same files): a quiet `send` that costs about that much is reading and rewriting the whole contacts file although nothing is due.',
  );
  return {
    title: 'Quiet cron tick',
    about: `\`poll-replies && categorize && send\` as real processes, nothing due (every contact waits in \`intro\` until tomorrow) and nothing new on the server (cursor in place, empty inbox), ${count(options.logRows)} rows in messages.csv; median of ${reps} ticks. Yardstick: the ${count(sizes[0] as number)}-contact tick of this run.`,
    headers: [
      'contacts',
      'poll-replies',
      'categorize',
      'send',
      'tick',
      'yardstick',
      'ratio',
      'peak RSS',
      'store load + save (in process)',
    ],
    rows,
    bars: [
      {
        name: `quiet tick at ${count(largest)} contacts ≤ 2× the ${count(sizes[0] as number)} tick`,
        ok,
        detail: `${ms(results.get(largest) as number)} vs ${ms(results.get(sizes[0] as number) as number)}: ${ratio(results.get(largest) as number, results.get(sizes[0] as number) as number)}`,
      },
    ],
    notes,
  };
}

export async function busyTickSection(options: {
  workDir: string;
  funnelFile: string;
  sharedLog: string;
  logRows: number;
  sizes: readonly number[];
  reps: (size: number) => number;
  phases: Map<number, Phases>;
  /** fast-csv write of the 30k message rows a busy tick appends, ms */
  appendFloorMs: number;
  timeoutMs: number;
}): Promise<Section> {
  const { workDir, funnelFile, sizes } = options;
  const replies = 10_000;
  const due = 10_000;
  const sendRate = 1000;
  const pacingMs = (due / sendRate) * 1000;
  const rows: string[][] = [];
  const bars: Section['bars'] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    const ticks: Tick[] = [];
    for (let r = 0; r < options.reps(size); r++) {
      const dir = await makeDataDir(join(workDir, `busy-${size}`));
      await writeContacts(join(dir, 'contacts.csv'), { count: size, due });
      await copyFile(options.sharedLog, join(dir, 'messages.csv'));
      await writeState(dir, CURSOR);
      const server = await startServer();
      seedHistory(server, 10_000, CURSOR, size);
      injectReplies(
        server,
        replies,
        due + 1,
        new Date(CURSOR.getTime() + 60_000),
        new Date(NOW.getTime() - 1000),
        REPLIES,
      );
      try {
        // The tick before, two hours earlier (nothing due yet): as cron leaves a data dir, with the
        // schedule and the index of contacts.csv in place. Not measured.
        const before = await smsfunnel(
          ['send'],
          cronEnv(server, dir, funnelFile, {
            SMSFUNNEL_NOW: new Date(NOW.getTime() - 2 * 3_600_000).toISOString(),
          }),
          { timeoutMs: options.timeoutMs },
        );
        if (!/^sent 0\b/.test(before.stdout.trim()))
          throw new Error(`busy tick at ${size}: the tick before said "${before.stdout.trim()}"`);
        const t = await tick(server, dir, funnelFile, options.timeoutMs, { SEND_RATE: String(sendRate) });
        const sent = server.requestCounts()['POST /Messages.json'] ?? 0;
        if (t.runs.send.timedOut) {
          notes.push(
            `${count(size)}: \`send\` was killed after ${ms(t.runs.send.ms)} (the run's cap), having made ${sent} of ${due} create requests: ${((sent / t.runs.send.ms) * 1000).toFixed(1)} texts/s against SEND_RATE ${sendRate}.`,
          );
        } else if (!/^recorded 10000 replies/.test(t.runs['poll-replies'].stdout.trim()) || sent !== due) {
          throw new Error(
            `busy tick at ${size}: ${COMMANDS.map((c) => `${c}: ${t.runs[c].stdout.trim()}`).join(' | ')}; ${sent} creates`,
          );
        }
        if (r === 0)
          notes.push(
            `${count(size)}: ${COMMANDS.map((c) => `${c} said "${t.runs[c].stdout.trim()}"`).join('; ')}`,
          );
        ticks.push(t);
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      }
    }
    const p = options.phases.get(size);
    const csvFloor = p === undefined ? Number.NaN : p.parseMs + p.writeMs + options.appendFloorMs;
    const floor = csvFloor + pacingMs;
    const total = medianOf(ticks, (t) => t.total);
    const peak = medianOf(ticks, (t) => t.peakKb);
    const killed = ticks.some((t) => t.runs.send.timedOut);
    rows.push([
      count(size),
      ...COMMANDS.map(
        (c) => ms(medianOf(ticks, (t) => t.runs[c].ms)) + (c === 'send' && killed ? ' (killed)' : ''),
      ),
      `${killed ? '> ' : ''}${ms(total)}`,
      ms(csvFloor),
      ratio(total, csvFloor),
      ms(floor),
      ratio(total, floor),
      COMMANDS.map((c) => mb(medianOf(ticks, (t) => t.runs[c].maxRssKb))).join(' / '),
    ]);
    bars.push({
      name: `busy tick at ${count(size)} ≤ 1.3× floor (fast-csv + pacing)`,
      ok: !killed && total <= 1.3 * floor,
      detail: `${killed ? '> ' : ''}${ms(total)} vs ${ms(floor)}: ${ratio(total, floor)}${killed ? ' (send killed at the cap)' : ''}; against the CSV floor alone ${ratio(total, csvFloor)}`,
    });
    if (size >= 1_000_000)
      bars.push({
        name: `peak RSS of each command at ${count(size)} contacts < 1 GB`,
        ok: !killed && peak < GB_KB,
        detail: `${mb(peak)}${killed ? ' without send, which was killed before it ended (its RSS is unknown)' : ''} (poll / categorize / send: ${COMMANDS.map((c) => mb(medianOf(ticks, (t) => t.runs[c].maxRssKb))).join(' / ')})`,
      });
  }
  notes.push(
    `CSV floor = fast-csv parse of contacts.csv + fast-csv write of it + fast-csv write of the ${3 * replies} rows the tick appends to messages.csv, measured in this run in process. Floor = CSV floor + ${due} texts at SEND_RATE ${sendRate} (${ms(pacingMs)}): no tick can send 10,000 texts faster than SEND_RATE allows, and 1000/s is the highest SEND_RATE config accepts, so the bar is judged against that floor. A tick can come in under it: through contacts.csv.index each command parses and formats only the rows it needs (the replies' contacts, those due) and copies the rest of the file as bytes, so no command does a whole fast-csv parse and write.`,
  );
  return {
    title: 'Busy cron tick',
    about: `\`poll-replies && categorize && send\` as real processes: ${replies.toLocaleString('en-US')} new replies on the server (poll records them; categorize sorts them: later, question, other, opt-out, wrong number — routes that owe no text) and ${due.toLocaleString('en-US')} contacts whose follow-up is due (send texts them at SEND_RATE ${sendRate}, no server latency); ${count(options.logRows)} rows in messages.csv; a fresh data dir and server, left as the tick two hours before leaves them (a \`send\` with nothing due yet, not measured: it reads contacts.csv whole and writes its index and schedule); ${options.reps(100_000)} repetition(s) per size.`,
    headers: [
      'contacts',
      'poll-replies',
      'categorize',
      'send',
      'tick',
      'CSV floor',
      'ratio',
      'floor + pacing',
      'ratio',
      'peak RSS poll / cat / send',
    ],
    rows,
    bars,
    notes,
  };
}
