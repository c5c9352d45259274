/**
 * What a text cost, as Twilio reports it: `price` is null at create and while a text is queued,
 * set once it was sent (per segment), never for a text that failed before it left; `poll-replies`
 * records it (and `price_unit`) on the message's status row when the delivery result comes in.
 */
import { afterEach, expect, test } from 'vitest';
import type { Deliveries } from '../../src/core/delivery.js';
import { priceOf } from '../../src/twilio-server/format.js';
import { enrolled, HOUR, makeWorld, testRealism, type World } from './world.js';

let world: World;
afterEach(async () => {
  await world?.close();
});

test('poll-replies records the price Twilio reports with the delivery result; none for a failed text', async () => {
  world = await makeWorld();
  await world.seed([enrolled('1'), enrolled('2')]);
  expect((await world.run(['send'])).code).toBe(0);
  const [one, two] = ['+12125550001', '+12125550002'].map((to) => world.outbound(to)[0]?.sid as string);
  // at create and while queued, Twilio has no price yet (under TWILIO_REALISM staySent the
  // server moves a text to `sent` at once, and a sent text has its price)
  const created = world.server.messageJson(one as string) ?? {};
  expect(created.price).toBe(created.status === 'queued' ? null : '-0.00790');
  if (testRealism().staySent !== true) expect(created.status).toBe('queued');

  world.server.setStatus(one as string, 'delivered');
  world.server.setStatus(two as string, 'failed', 30008);
  world.later(60_000);
  const poll = await world.run(['poll-replies']);
  expect(poll.code, poll.stderr).toBe(0);
  const rows = (await world.messages()).filter((m) => m.event === 'status');
  expect(rows.map((r) => [r.sid, r.status, r.price, r.price_unit])).toEqual([
    [one, 'delivered', '-0.00790', 'USD'],
    [two, 'failed', '', ''],
  ]);
});

test('a price that comes after the delivery result is fetched later and logged on its own', async () => {
  world = await makeWorld();
  await world.seed([enrolled('1')]);
  expect((await world.run(['send'])).code).toBe(0);
  const sid = world.outbound('+12125550001')[0]?.sid as string;
  world.server.faults({ realism: { priceLagMs: HOUR } });
  world.server.setStatus(sid, 'delivered');
  world.later(60_000);
  expect((await world.run(['poll-replies'])).code).toBe(0);
  const { readFile } = await import('node:fs/promises');
  const deliveries = async () =>
    JSON.parse(await readFile(`${world.dataDir}/deliveries.json`, 'utf8')) as Deliveries;
  expect((await deliveries()).unpriced?.map((p) => p.sid)).toEqual([sid]);
  const statusRows = async () =>
    (await world.messages())
      .filter((m) => m.event === 'status')
      .map((r) => [r.status, r.price, r.price_unit]);
  expect(await statusRows()).toEqual([['delivered', '', '']]);

  world.later(2 * HOUR);
  expect((await world.run(['poll-replies'])).code).toBe(0);
  // the price alone: the result was logged already, so the day's delivered count is not touched
  expect(await statusRows()).toEqual([
    ['delivered', '', ''],
    ['', '-0.00790', 'USD'],
  ]);
  expect((await deliveries()).unpriced).toEqual([]);
  const json = JSON.parse((await world.run(['status', '--json'])).stdout) as {
    sinceLastSummary: { delivered: number };
    costByDay: { cost: { reportedTexts: number; estimatedTexts: number } }[];
  };
  expect(json.sinceLastSummary.delivered).toBe(1);
  expect(json.costByDay.at(-1)?.cost).toMatchObject({ reportedTexts: 1, estimatedTexts: 0 });
});

test.each([
  ['queued', 1, null],
  ['sending', 1, null],
  ['accepted', 1, null],
  ['failed', 1, null],
  ['sent', 1, '-0.00790'],
  ['delivered', 3, '-0.02370'],
  ['undelivered', 2, '-0.01580'],
] as const)(
  'the local server prices an outbound text that is %s (%i segments) at %s',
  (status, segments, price) => {
    const m = {
      sid: 'SM1',
      direction: 'outbound-api' as const,
      from: '+15005550006',
      to: '+12125550001',
      body: 'x',
      status,
      errorCode: null,
      errorMessage: null,
      messagingServiceSid: null,
      numSegments: segments,
      dateCreated: 0,
      dateSent: 0,
      dateUpdated: 0,
      statusCallback: null,
    };
    expect(priceOf(m)).toBe(price);
  },
);
