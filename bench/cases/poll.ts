/**
 * `poll-replies` against a server holding 10k, 100k or 1M messages, with 0 or 1,000 new replies
 * since the cursor: the requests it makes (the server counts them) and its wall time. Cost must
 * follow what is new, not the history: requests = pages of new replies (PageSize 1000) + 1.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeStateFile } from '../../src/adapters/store/run-state.js';
import { STATE } from '../../src/core/state-files.js';
import { logHeaderBytes, makeDataDir, NOW, writeContacts, writeMessages, writeState } from '../lib/data.js';
import { smsfunnel } from '../lib/proc.js';
import type { Section } from '../lib/report.js';
import { cronEnv, injectReplies, seedHistory, startServer } from '../lib/rig.js';
import { count, median, ms, ratio } from '../lib/stats.js';

const CONTACTS = 1000;
const PAGE = 1000;
const REPLIES = ['not now, maybe later', 'who is this?', 'ok thanks', 'STOP'];

export async function pollSection(
  workDir: string,
  funnelFile: string,
  sizes: readonly number[],
  reps: number,
): Promise<Section> {
  const rows: string[][] = [];
  const bars: Section['bars'] = [];
  const notes: string[] = [];
  const yardstick = new Map<number, number>(); // new -> ms at the smallest size
  const cursor = new Date(NOW.getTime() - 20 * 60_000);
  for (const size of sizes) {
    const server = await startServer();
    const seedStart = performance.now();
    seedHistory(server, size, cursor, CONTACTS);
    const seedMs = performance.now() - seedStart;
    injectReplies(
      server,
      1000,
      1,
      new Date(cursor.getTime() + 60_000),
      new Date(NOW.getTime() - 1000),
      REPLIES,
    );
    try {
      for (const fresh of [0, 1000]) {
        const dir = await makeDataDir(join(workDir, `poll-${size}-${fresh}`));
        await writeContacts(join(dir, 'contacts.csv'), { count: CONTACTS });
        await writeMessages(join(dir, 'messages.csv'), 1000, CONTACTS);
        // 0 new: the cursor is past the new replies (as after the poll that recorded them)
        const after = fresh === 0 ? new Date(NOW.getTime() - 1000) : cursor;
        const times: number[] = [];
        const requests: number[] = [];
        let last = '';
        for (let r = 0; r < reps; r++) {
          await writeState(dir, after);
          if (fresh === 0) {
            // the replies sit inside the overlap window: the cursor remembers them as seen
            const seen = server
              .messages()
              .filter((m) => m.direction === 'inbound' && (m.dateSent ?? 0) >= after.getTime() - 10 * 60_000)
              .map((m) => m.sid)
              .sort();
            await writeStateFile(dir, STATE.pollCursor, {
              after: new Date(after.getTime() - 10 * 60_000).toISOString(),
              seen,
              logSize: (await stat(join(dir, 'messages.csv'))).size,
              logHeader: await logHeaderBytes(dir),
            });
          }
          server.resetRequestCounts();
          const run = await smsfunnel(['poll-replies'], cronEnv(server, dir, funnelFile));
          times.push(run.ms);
          requests.push(Object.values(server.requestCounts()).reduce((a, b) => a + b, 0));
          last = run.stdout.trim();
        }
        const t = median(times);
        const req = Math.max(...requests);
        if (!yardstick.has(fresh)) yardstick.set(fresh, t);
        const base = yardstick.get(fresh) as number;
        const expected = Math.ceil(fresh / PAGE) + 1;
        rows.push([
          count(size),
          String(fresh),
          String(req),
          `≤ ${expected}`,
          ms(t),
          `${count(sizes[0] as number)}: ${ms(base)}`,
          ratio(t, base),
          last,
        ]);
        bars.push({
          name: `poll requests with ${count(size)} on the server, ${fresh} new`,
          ok: req <= expected,
          detail: `${req} request(s), bar ≤ ${expected} (pages of new replies + 1); ${ms(t)}, ${ratio(t, base)} the ${count(sizes[0] as number)} poll`,
        });
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      await server.stop();
    }
    notes.push(
      `seeding the server with ${count(size)} messages took ${ms(seedMs)} (bench process, not measured)`,
    );
  }
  return {
    title: 'Poll',
    about: `The real \`poll-replies\` with a cursor (as the previous poll left it), ${CONTACTS} contacts, against the local server holding the history (half our texts, half replies to our number, all before the cursor) and 0 or 1,000 new replies. Requests are every API request the server counted (list pages and delivery fetches); median time of ${reps}. Yardstick for time: the same poll against the smallest history.`,
    headers: ['messages on server', 'new', 'requests', 'bar', 'time', 'yardstick', 'ratio', 'output'],
    rows,
    bars,
    notes,
  };
}
