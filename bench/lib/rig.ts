/**
 * The local Twilio-compatible server the benchmark's children talk to, its clock set to the
 * benchmark's NOW, and the environment a cron tick runs with.
 */
import type { StoredMessage, TwilioServer } from '../../src/twilio-server/index.js';
import { startTwilioServer } from '../../src/twilio-server/index.js';
import { NOW, OUR_NUMBER, phoneOf } from './data.js';

export const ACCOUNT_SID = `AC${'0f'.repeat(16)}`;
export const AUTH_TOKEN = 'bench-token-0123456789';

export async function startServer(): Promise<TwilioServer> {
  const server = await startTwilioServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  server.setNow(NOW);
  return server;
}

/** What cron gives each command: the credentials, the server, the data dir, a fixed clock. */
export function cronEnv(
  server: TwilioServer,
  dataDir: string,
  funnelFile: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_PHONE_NUMBER: OUR_NUMBER,
    TWILIO_API_BASE_URL: server.url,
    SMSFUNNEL_DATA_DIR: dataDir,
    SMSFUNNEL_FUNNEL: funnelFile,
    SMSFUNNEL_NOW: NOW.toISOString(),
    SMSFUNNEL_LOCK_WAIT: '30',
    SEND_RATE: '1000',
    ...extra,
  };
}

const base = (
  t: number,
  sid: string,
): Omit<StoredMessage, 'direction' | 'from' | 'to' | 'body' | 'status'> => ({
  sid,
  errorCode: null,
  errorMessage: null,
  messagingServiceSid: null,
  numSegments: 1,
  dateCreated: t,
  dateSent: t,
  dateUpdated: t,
  statusCallback: null,
});

/**
 * History on the server: `count` messages, one a second, all ending before `before`; half are
 * texts we sent, half replies to our number. Added oldest first, so the store only appends.
 */
export function seedHistory(server: TwilioServer, count: number, before: Date, contacts: number): void {
  const start = Math.floor(before.getTime() / 1000) * 1000 - count * 1000;
  const batch: StoredMessage[] = [];
  for (let i = 0; i < count; i++) {
    const t = start + i * 1000;
    const phone = phoneOf(1 + (i % contacts));
    const sid = `SM${(i + 1).toString(16).padStart(32, '0')}`;
    batch.push(
      i % 2 === 0
        ? {
            ...base(t, sid),
            direction: 'outbound-api',
            from: OUR_NUMBER,
            to: phone,
            body: 'Hi there, a free quote?',
            status: 'delivered',
          }
        : {
            ...base(t, sid),
            direction: 'inbound',
            from: phone,
            to: OUR_NUMBER,
            body: 'tell me more',
            status: 'received',
          },
    );
    if (batch.length === 50_000) server.addMessages(batch.splice(0));
  }
  server.addMessages(batch);
}

/** New replies, one per contact from `firstContact` on, spread evenly over [from, to). */
export function injectReplies(
  server: TwilioServer,
  count: number,
  firstContact: number,
  from: Date,
  to: Date,
  bodies: readonly string[],
): void {
  const step = (to.getTime() - from.getTime()) / count;
  const list: StoredMessage[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor((from.getTime() + i * step) / 1000) * 1000;
    list.push({
      ...base(t, `SM${'f'}${(i + 1).toString(16).padStart(31, '0')}`),
      direction: 'inbound',
      from: phoneOf(firstContact + i),
      to: OUR_NUMBER,
      body: bodies[i % bodies.length] as string,
      status: 'received',
    });
  }
  server.addMessages(list);
}
