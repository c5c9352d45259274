/**
 * `kill -9` at random (seeded) moments: during `send`, during `poll-replies` with thousands of
 * replies waiting, and during a large contacts.csv write (`import`, `categorize`). After the reruns
 * cron would make: no text twice, no reply lost or logged twice, every file loads. The killed runs
 * are the built binary; the reruns, imports and status checks run `main` in-process.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CANARY_TOKEN,
  contactsCsv,
  duplicateTexts,
  faultWorld,
  OUR_NUMBER,
  prng,
  type RunOptions,
  until,
  usNumber,
  type World,
} from '../helpers/world.js';

const SEED = 20261201;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a command and kills it with SIGKILL once `moment` says so (or lets it finish). */
async function killAt(
  ws: World,
  args: string[],
  moment: () => boolean,
  extraDelayMs: number,
  options: RunOptions = {},
): Promise<{ killed: boolean; code: number | null }> {
  const running = ws.start(args, options);
  let exited = false;
  void running.done.then(() => {
    exited = true;
  });
  await until(() => exited || moment());
  if (!exited && extraDelayMs > 0) await sleep(extraDelayMs);
  const killed = !exited && running.child.kill('SIGKILL');
  const result = await running.done;
  if (killed) ws.ageLock();
  return { killed, code: result.code };
}

const posts = (ws: World) => ws.server.requestCounts()['POST /Messages.json'] ?? 0;
const lists = (ws: World) => ws.server.requestCounts()['GET /Messages.json'] ?? 0;

describe('kill -9 during send', () => {
  let ws: World;
  beforeAll(async () => {
    ws = await faultWorld(new Date('2026-12-01T15:00:00Z'), { runs: 'in-process' }); // 10:00 in New York
  });
  afterAll(async () => {
    expect(ws.everything()).not.toContain(CANARY_TOKEN);
    await ws.close();
  });

  test('texts in flight when killed are reconciled: each contact texted once, every text logged once', async () => {
    const random = prng(SEED);
    const phones = Array.from({ length: 300 }, (_, i) => usNumber('212', i));
    writeFileSync(join(ws.root, 'leads.csv'), contactsCsv(phones));
    expect((await ws.run(['import', 'leads.csv'])).code).toBe(0);
    // Paced at 200 a second with answers taking 15 ms: a run is killed with texts in flight.
    ws.server.faults({ latencyMs: 15 });
    const env = { SEND_RATE: '200' };

    let kills = 0;
    for (let round = 0; round < 5; round++) {
      const before = posts(ws);
      const target = before + 1 + Math.floor(random() * 40);
      const r = await killAt(ws, ['send'], () => posts(ws) >= target, Math.floor(random() * 25), { env });
      if (r.killed) kills++;
      else expect(r.code).toBe(0);
    }
    expect(kills).toBeGreaterThanOrEqual(3);

    // Cron's next ticks, five minutes apart: run until there is nothing left to send. A text whose
    // create is unknown is declared not sent only by a second empty read 10 minutes on.
    ws.server.faults({ clear: true });
    for (let i = 0; i < 3; i++) {
      ws.at(new Date(ws.now.getTime() + 5 * 60_000));
      const r = await ws.run(['send', ...(i === 0 ? ['--verbose'] : [])]);
      expect(r.code, r.stderr).toBe(0);
    }

    expect(duplicateTexts(ws.server)).toEqual([]);
    const outbound = ws.server.messages().filter((m) => m.direction !== 'inbound');
    expect(new Set(outbound.map((m) => m.to))).toEqual(new Set(phones));
    const { contacts, messages } = await ws.load();
    const sent = messages.filter((m) => m.event === 'sent');
    expect(sent.map((m) => m.sid).sort()).toEqual(outbound.map((m) => m.sid).sort());
    expect(contacts.map((c) => c.state)).toEqual(phones.map(() => 'intro'));
    // Each contact's last_sent_at is the clock of the run that planned its one text: a killed run
    // (15:00), or a tick that proved an unanswered create had not gone out (a second empty read).
    const ticks = [0, 5, 10, 15].map((m) => `2026-12-01T15:${String(m).padStart(2, '0')}:00Z`);
    for (const c of contacts) expect(ticks, c.phone).toContain(c.last_sent_at);
    expect((await ws.run(['status'])).code).toBe(0);
  });
});

describe('kill -9 during poll-replies, thousands of replies waiting', () => {
  let ws: World;
  beforeAll(async () => {
    ws = await faultWorld(new Date('2026-12-02T15:00:00Z'), { runs: 'in-process' });
  });
  afterAll(async () => {
    expect(ws.everything()).not.toContain(CANARY_TOKEN);
    await ws.close();
  });

  test('every inbound message ends up in messages.csv exactly once', async () => {
    const random = prng(SEED + 1);
    const contacts = Array.from({ length: 40 }, (_, i) => usNumber('312', i));
    writeFileSync(join(ws.root, 'leads.csv'), contactsCsv(contacts));
    expect((await ws.run(['import', 'leads.csv'])).code).toBe(0);

    const inject = (count: number, base: number, minutesAgo: number) => {
      for (let i = 0; i < count; i++) {
        const from = i < contacts.length && base === 0 ? (contacts[i] as string) : usNumber('646', base + i);
        ws.server.injectInbound({
          from,
          to: OUR_NUMBER,
          body: `reply ${base + i}: ${i % 3 === 0 ? 'yes please' : 'who is this?'}`,
          at: new Date(ws.now.getTime() - (minutesAgo * 60_000 - i * 10)),
        });
      }
    };
    // A first poll completes, so the later ones start from a cursor.
    inject(500, 0, 50);
    expect((await ws.run(['poll-replies'])).code).toBe(0);

    ws.server.faults({ latencyMs: 30 });
    let kills = 0;
    for (let round = 0; round < 6; round++) {
      inject(1500, 10_000 * (round + 1), 40 - round * 5);
      ws.at(new Date(ws.now.getTime() + 60_000));
      const log = ws.path('messages.csv');
      const size = statSync(log).size;
      // Three kinds of moment: after a page came back, as soon as the log grows, or any time.
      const kind = round % 3;
      const pages = lists(ws) + 1 + Math.floor(random() * 2);
      const started = Date.now();
      const delay = Math.floor(random() * 400);
      const moment =
        kind === 0
          ? () => lists(ws) >= pages
          : kind === 1
            ? () => statSync(log).size > size
            : () => Date.now() - started >= delay;
      const r = await killAt(ws, ['poll-replies'], moment, kind === 0 ? Math.floor(random() * 40) : 0);
      if (r.killed) kills++;
      else expect(r.code).toBe(0);
    }
    expect(kills).toBeGreaterThanOrEqual(3);

    ws.server.faults({ clear: true });
    const last = await ws.run(['poll-replies', '--verbose']);
    expect(last.code, last.stderr).toBe(0);

    const inbound = ws.server.messages().filter((m) => m.direction === 'inbound');
    const { messages } = await ws.load();
    const received = new Map<string, number>();
    for (const m of messages.filter((row) => row.event === 'received'))
      received.set(m.sid, (received.get(m.sid) ?? 0) + 1);
    const missing = inbound.filter((m) => !received.has(m.sid)).map((m) => m.sid);
    const twice = [...received].filter(([, n]) => n > 1).map(([sid]) => sid);
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(received.size).toBe(inbound.length);
    expect((await ws.run(['categorize'])).code).toBe(0);
    expect((await ws.run(['status'])).code).toBe(0);
  });
});

describe('kill -9 while a large contacts.csv is written', () => {
  let ws: World;
  beforeAll(async () => {
    ws = await faultWorld(new Date('2026-12-01T15:00:00Z'), { runs: 'in-process' });
  });
  afterAll(async () => {
    expect(ws.everything()).not.toContain(CANARY_TOKEN);
    await ws.close();
  });

  const tempFileExists = () => {
    return readdirSync(ws.dataDir).some((n) => n.startsWith('.contacts.csv.') && n.endsWith('.tmp'));
  };

  test('import and categorize killed mid-write: the file is the old one or the new one, never torn', async () => {
    const random = prng(SEED + 2);
    const N = 20_000;
    const phones = Array.from({ length: N }, (_, i) =>
      usNumber(['212', '312', '415', '303'][i % 4] as string, i),
    );
    writeFileSync(join(ws.root, 'big.csv'), contactsCsv(phones, 'x'.repeat(40)));

    for (let round = 0; round < 3; round++) {
      const r = await killAt(ws, ['import', 'big.csv'], tempFileExists, Math.floor(random() * 60));
      if (!r.killed) expect(r.code).toBe(0);
      const status = await ws.run(['status']);
      expect(status.code, status.stderr).toBe(0);
    }
    const done = await ws.run(['import', 'big.csv']);
    expect(done.code, done.stderr).toBe(0);
    let { contacts } = await ws.load();
    expect(contacts).toHaveLength(N);
    expect(new Set(contacts.map((c) => c.phone)).size).toBe(N);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(N);

    // Replies from the first 300 contacts, then categorize, killed while it rewrites contacts.csv.
    // They were never texted: a STOP still opts out, a "yes!" is logged, not routed (issue #11).
    for (let i = 0; i < 300; i++)
      ws.server.injectInbound({ from: phones[i] as string, to: OUR_NUMBER, body: i % 2 ? 'STOP' : 'yes!' });
    expect((await ws.run(['poll-replies'])).code).toBe(0);
    for (let round = 0; round < 2; round++) {
      await killAt(ws, ['categorize'], tempFileExists, Math.floor(random() * 60));
      expect((await ws.run(['status'])).code).toBe(0);
    }
    const r = await ws.run(['categorize']);
    expect(r.code, r.stderr).toBe(0);
    ({ contacts } = await ws.load());
    expect(contacts).toHaveLength(N);
    const replied = contacts.slice(0, 300);
    for (const [i, c] of replied.entries()) {
      if (i % 2) expect(c.state, c.id).toMatch(/^opted_out\./);
      else expect(c, c.id).toMatchObject({ state: 'start', category: '' });
    }
    expect(contacts.slice(300).every((c) => c.state === 'start' && c.category === '')).toBe(true);
    const categories = (await ws.load()).messages.filter((m) => m.event === 'category');
    expect(new Set(categories.filter((m) => m.category === 'interested').map((m) => m.sid)).size).toBe(150);
    // each reply's category is logged once, however many runs were killed after logging it
    expect(categories).toHaveLength(300);
  });
});
