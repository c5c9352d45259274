/**
 * Delivery results of many pending texts (issue #11): `poll-replies` with 1,000 or 5,000 texts
 * whose results are due, sent from our number or through a Messaging Service. Cost must be one
 * listing (pages of PageSize 1000), not one GET per text: requests = pages of our texts + the
 * reply listing. Yardstick for time: the same poll with no pending text.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeStateFile } from '../../src/adapters/store/run-state.js';
import { STATE } from '../../src/core/state-files.js';
import type { StoredMessage } from '../../src/twilio-server/index.js';
import {
  makeDataDir,
  NOW,
  OUR_NUMBER,
  phoneOf,
  writeContacts,
  writeMessages,
  writeState,
} from '../lib/data.js';
import { smsfunnel } from '../lib/proc.js';
import type { Section } from '../lib/report.js';
import { cronEnv, startServer } from '../lib/rig.js';
import { count, median, ms, ratio } from '../lib/stats.js';

const SERVICE = `MG${'ab'.repeat(16)}`;
const PAGE = 1000;

export async function deliveriesSection(
  workDir: string,
  funnelFile: string,
  sizes: readonly number[],
  reps: number,
): Promise<Section> {
  const rows: string[][] = [];
  const bars: Section['bars'] = [];
  let yardstick: number | undefined;
  for (const via of ['number', 'service'] as const) {
    for (const pending of [0, ...sizes]) {
      const server = await startServer();
      const dir = await makeDataDir(join(workDir, `deliveries-${via}-${pending}`));
      const sent = NOW.getTime() - 30 * 60_000;
      const texts: StoredMessage[] = Array.from({ length: pending }, (_, i) => ({
        sid: `SM${(i + 1).toString(16).padStart(32, '0')}`,
        direction: 'outbound-api',
        from: OUR_NUMBER,
        to: phoneOf(1 + i),
        body: 'Hi there, a free quote?',
        status: 'delivered',
        errorCode: null,
        errorMessage: null,
        messagingServiceSid: via === 'service' ? SERVICE : null,
        numSegments: 1,
        dateCreated: sent,
        dateSent: sent,
        dateUpdated: sent,
        statusCallback: null,
      }));
      server.addMessages(texts);
      try {
        await writeContacts(join(dir, 'contacts.csv'), { count: Math.max(pending, 1) });
        await writeMessages(join(dir, 'messages.csv'), 10, 10);
        const times: number[] = [];
        let requests = 0;
        let last = '';
        const env = cronEnv(
          server,
          dir,
          funnelFile,
          via === 'service' ? { TWILIO_PHONE_NUMBER: '', TWILIO_MESSAGING_SERVICE_SID: SERVICE } : {},
        );
        for (let r = 0; r < reps; r++) {
          await writeState(dir, new Date(NOW.getTime() - 60_000));
          await writeStateFile(dir, STATE.deliveries, {
            pending: texts.map((t, i) => ({
              sid: t.sid,
              contactId: String(i + 1),
              to: t.to,
              body: t.body,
              step: 'intro',
              sentAt: new Date(sent).toISOString(),
            })),
            resends: [],
          });
          server.resetRequestCounts();
          const run = await smsfunnel(['poll-replies'], env);
          times.push(run.ms);
          requests = Object.values(server.requestCounts()).reduce((a, b) => a + b, 0);
          last = run.stdout.trim();
        }
        const t = median(times);
        yardstick ??= t;
        const bar = pending === 0 ? 1 : Math.ceil(pending / PAGE) + 1 + 1;
        rows.push([
          via,
          count(pending),
          String(requests),
          `≤ ${bar}`,
          ms(t),
          ms(yardstick),
          ratio(t, yardstick),
          last,
        ]);
        bars.push({
          name: `delivery results of ${count(pending)} texts (${via})`,
          ok: requests <= bar,
          detail: `${requests} request(s), bar ≤ ${bar} (pages of our texts + the reply listing); ${ms(t)}`,
        });
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  return {
    title: 'Delivery results',
    about: `The real \`poll-replies\` with N texts whose delivery results are pending (all delivered on the server), from our number or through a Messaging Service. Requests are every API request the server counted; median of ${reps}. Yardstick: the same poll with no pending text.`,
    headers: ['sender', 'pending', 'requests', 'bar', 'time', 'yardstick', 'ratio', 'output'],
    rows,
    bars,
    notes: [],
  };
}
