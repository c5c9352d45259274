/** The local server's list API: Twilio's filters, newest-first order, and paging that holds while texts arrive. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTwilioServer, type TwilioServer } from '../../src/twilio-server/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER } from './helpers.js';

let server: TwilioServer;
const clock = { t: Date.parse('2026-04-10T08:00:00Z') };
const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

interface Page {
  messages: { sid: string; body: string; date_sent: string | null }[];
  next_page_uri: string | null;
}
async function get(pathAndQuery: string): Promise<{ status: number; body: Page & { code?: number } }> {
  const res = await fetch(`${server.url}${pathAndQuery}`, { headers: { Authorization: auth } });
  return { status: res.status, body: (await res.json()) as Page & { code?: number } };
}
const list = (query: string) => get(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?${query}`);
const inbound = (from: string, body: string, at: string, receiving = false) =>
  server.injectInbound({ from, to: OUR_NUMBER, body, at: new Date(at), receiving });

beforeAll(async () => {
  server = await startTwilioServer({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    now: () => new Date(clock.t),
  });
  inbound('+15550000001', 'a 9 Apr late', '2026-04-09T23:59:59Z');
  inbound('+15550000001', 'b 10 Apr early', '2026-04-10T00:00:00Z');
  inbound('+15550000002', 'c 10 Apr noon', '2026-04-10T12:00:00Z');
  inbound('+15550000002', 'd 11 Apr', '2026-04-11T06:30:00Z');
  inbound('+15550000003', 'e still receiving', '2026-04-10T13:00:00Z', true);
});
afterAll(() => server.stop());

const bodies = (p: Page) => p.messages.map((m) => m.body[0]).join('');

describe('filters (Twilio docs: DateSent, DateSent<, DateSent>, inclusive, GMT)', () => {
  test.each([
    ['', 'decba'], // e is still receiving: placed by date_created
    ['From=%2B15550000002', 'dc'],
    [`To=${encodeURIComponent(OUR_NUMBER)}&From=%2B15550000001`, 'ba'],
    ['To=%2B19999999999', ''],
    ['DateSent=2026-04-10', 'cb'],
    ['DateSent%3E=2026-04-10', 'dcb'],
    ['DateSent%3C=2026-04-10', 'cba'],
    // documented as date-only: a time of day is read as its whole day, as a client must expect
    ['DateSent%3E=2026-04-10T12:00:00Z', 'dcb'],
    ['DateSent%3C=2026-04-10T12:00:00Z', 'cba'],
    ['DateSent%3E=2026-04-10T12:00:01Z', 'dcb'],
    ['DateSent%3E=2026-04-10&DateSent%3C=2026-04-10T11:00:00Z', 'cb'],
  ])('%s -> %s', async (query, expected) => {
    const { status, body } = await list(query);
    expect(status).toBe(200);
    expect(bodies(body)).toBe(expected);
  });

  test.each([
    ['DateSent%3E=2026-04-10T12:00:00Z', 'dc'],
    ['DateSent%3C=2026-04-10T12:00:00Z', 'cba'],
    ['DateSent%3E=2026-04-10T12:00:01Z', 'd'],
    ['DateSent%3E=2026-04-10&DateSent%3C=2026-04-10T11:00:00Z', 'b'],
  ])('with realism dateOnly off (kinder than documented): %s -> %s', async (query, expected) => {
    const exact = await startTwilioServer({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      now: () => new Date(clock.t),
      realism: { dateOnly: false },
    });
    for (const m of server.messages()) {
      exact.injectInbound({
        from: m.from ?? '',
        to: m.to,
        body: m.body,
        at: new Date(m.dateSent ?? m.dateCreated),
        receiving: m.status === 'receiving',
      });
    }
    const res = await fetch(`${exact.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?${query}`, {
      headers: { Authorization: auth },
    });
    await exact.stop();
    expect(bodies((await res.json()) as Page)).toBe(expected);
  });

  test('a date it cannot read is a 400 naming the filter', async () => {
    const { status, body } = await list('DateSent%3E=last-tuesday');
    expect(status).toBe(400);
    expect(body.code).toBe(20001);
  });

  test('a receiving message lists once it has arrived, with its date_sent', async () => {
    const [receiving] = server.messages().filter((m) => m.status === 'receiving');
    server.completeReceiving(receiving?.sid ?? '');
    expect(bodies((await list('DateSent=2026-04-10')).body)).toBe('ecb');
    expect(server.messages().every((m) => m.dateSent !== null)).toBe(true);
  });
});

describe('paging', () => {
  test('pages hold still while new messages arrive, and the last page says so', async () => {
    const first = await list('PageSize=2');
    expect(bodies(first.body)).toBe('de');
    clock.t = Date.parse('2026-04-12T00:00:00Z');
    inbound('+15550000009', 'z brand new', '2026-04-12T00:00:00Z');
    inbound('+15550000009', 'y also new', '2026-04-11T07:00:00Z');
    const second = await get(first.body.next_page_uri ?? '');
    expect(bodies(second.body)).toBe('cb');
    const third = await get(second.body.next_page_uri ?? '');
    expect(bodies(third.body)).toBe('a');
    expect(third.body.next_page_uri).toBeNull();
    // a fresh listing sees the new ones first
    expect(bodies((await list('PageSize=3')).body)).toBe('zyd');
  });

  test('PageSize is capped at 1000 and ties in time are ordered by SID', async () => {
    const at = Date.parse('2026-05-01T00:00:00Z');
    server.addMessages(
      Array.from({ length: 1500 }, (_, i) => ({
        direction: 'outbound-api' as const,
        from: OUR_NUMBER,
        to: '+15557770000',
        body: `bulk ${i}`,
        status: 'delivered' as const,
        errorCode: null,
        errorMessage: null,
        messagingServiceSid: null,
        numSegments: 1,
        dateCreated: at,
        dateSent: at,
        dateUpdated: at,
        statusCallback: null,
      })),
    );
    const page = await list('To=%2B15557770000&PageSize=5000');
    expect(page.body.messages).toHaveLength(1000);
    const sids = page.body.messages.map((m) => m.sid);
    expect(sids).toEqual([...sids].sort().reverse());
    const rest = await get(page.body.next_page_uri ?? '');
    expect(rest.body.messages).toHaveLength(500);
    expect(new Set([...sids, ...rest.body.messages.map((m) => m.sid)]).size).toBe(1500);
  });
});
