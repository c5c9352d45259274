/**
 * `smsfunnel poll-replies`, run in-process (two polls at once: through the built binary): every reply recorded exactly once across
 * pages and overlapping polls, messages still arriving held for later, replies from strangers
 * kept, delivery failures acted on by code, and a quiet poll that costs one request and no write.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { STATE } from '../../src/core/state-files.js';
import {
  enrolled,
  example,
  HOUR,
  makeWorld,
  OUR_NUMBER,
  resultLine,
  T0,
  texts,
  type World,
} from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const LIST = 'GET /Messages.json';
const at = (ms: number) => new Date(Date.parse(T0) + ms);

async function received(): Promise<string[]> {
  return (await world.messages()).filter((m) => m.event === 'received').map((m) => m.sid);
}

describe('poll-replies', () => {
  // 24 process runs: past vitest's 30 s default on a busy machine
  test('a date-only DateSent filter re-lists the day: one "yes" is answered once over an afternoon of ticks', {
    timeout: 120_000,
  }, async () => {
    world = await makeWorld(IN_PROCESS);
    const contact = enrolled('1');
    await world.seed([contact]);
    expect((await world.run(['send'])).code).toBe(0); // the intro, 12:00 in New York
    world.later(30 * 60_000);
    world.server.injectInbound({ from: contact.phone ?? '', to: OUR_NUMBER, body: 'yes', at: world.now });
    // cron every 30 minutes for four hours: every poll lists the whole day, the "yes" included
    // and other people's texts move the cursor past the "yes"
    for (let tick = 0; tick < 8; tick++) {
      world.later(30 * 60_000);
      if (tick % 3 === 1) {
        world.server.injectInbound({ from: `+1646555010${tick}`, to: OUR_NUMBER, body: 'hi', at: world.now });
      }
      for (const command of ['poll-replies', 'categorize', 'send']) {
        const r = await world.run([command]);
        expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      }
    }
    const out = world.server.messages().filter((m) => m.direction !== 'inbound' && m.to === contact.phone);
    expect(out).toHaveLength(2); // the intro and one answer to the "yes"
    expect((await world.messages()).filter((m) => m.event === 'received' && m.body === 'yes')).toHaveLength(
      1,
    );
  });

  test('2,500 replies over three pages are recorded exactly once each; strangers are counted', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed(['1', '2', '3'].map((id) => enrolled(id)));
    const injected: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const from = i < 3 ? `+1212555000${i + 1}` : `+1646${String(1000000 + i)}`;
      injected.push(
        world.server.injectInbound({ from, to: OUR_NUMBER, body: `reply ${i}`, at: at(-2 * HOUR + i * 1000) })
          .sid,
      );
    }
    world.later(HOUR);
    world.server.resetRequestCounts();
    const r = await world.run(['poll-replies']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe('recorded 2500 replies (2497 from numbers that are no contact)');
    expect(world.server.requestCounts()[LIST]).toBe(3);
    const sids = await received();
    expect(sids).toHaveLength(2500);
    expect([...sids].sort()).toEqual([...injected].sort());
    const rows = (await world.messages()).filter((m) => m.event === 'received');
    expect(rows.find((m) => m.from === '+12125550002')).toMatchObject({ contact_id: '2', body: 'reply 1' });
    expect(rows.filter((m) => m.contact_id === '')).toHaveLength(2497);
    expect((await world.state(STATE.inbox))?.replies).toHaveLength(2500);

    // A second poll overlapping the first records nothing again.
    world.later(5 * 60_000);
    const again = await world.run(['poll-replies']);
    expect(resultLine(again)).toBe('recorded 0 replies');
    expect(await received()).toHaveLength(2500);
  });

  test('overlapping polls, and two polls at once, record a message once', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1')]);
    const a = world.server.injectInbound({
      from: '+12125550001',
      to: OUR_NUMBER,
      body: 'yes',
      at: at(-60_000),
    });
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');
    // 3 minutes later: the overlap window lists `a` again, with a new one
    world.later(3 * 60_000);
    const b = world.server.injectInbound({ from: '+12125550001', to: OUR_NUMBER, body: 'mornings' });
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');
    expect(await received()).toEqual([a.sid, b.sid]);

    // two cron ticks at once: the lock serialises them, the cursor does the rest
    world.later(60_000);
    const c = world.server.injectInbound({ from: '+14155550009', to: OUR_NUMBER, body: 'who is this' });
    const both = await Promise.all([world.run(['poll-replies']), world.run(['poll-replies'])]);
    expect(both.map((x) => x.code)).toEqual([0, 0]);
    expect(both.map(resultLine).sort()).toEqual([
      'recorded 0 replies',
      'recorded 1 reply (1 from numbers that are no contact)',
    ]);
    expect(await received()).toEqual([a.sid, b.sid, c.sid]);
    expect((await world.state(STATE.inbox))?.replies.map((r) => r.sid)).toEqual([a.sid, b.sid, c.sid]);
  });

  test('a message still `receiving` is not recorded until complete, even when a newer one was recorded meanwhile', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1'), enrolled('2')]);
    const slow = world.server.injectInbound({
      from: '+12125550001',
      to: OUR_NUMBER,
      body: 'a long reply still arriving',
      at: at(-30_000),
      receiving: true,
    });
    const quick = world.server.injectInbound({
      from: '+12125550002',
      to: OUR_NUMBER,
      body: 'yes',
      at: at(-10_000),
    });
    const first = await world.run(['poll-replies']);
    // Twilio's DateSent filter does not list a message without date_sent: it is simply not seen yet.
    expect(resultLine(first)).toMatch(/^recorded 1 reply(, 1 still arriving)?$/);
    expect(await received()).toEqual([quick.sid]);

    world.later(2 * 60_000);
    world.server.completeReceiving(slow.sid); // dated when it began to arrive, before `quick`
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');
    expect(await received()).toEqual([quick.sid, slow.sid]);
    world.later(60_000);
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 0 replies');
    expect(await received()).toEqual([quick.sid, slow.sid]);
  });

  test('replies to the funnel file’s own sender number are polled (not only TWILIO_PHONE_NUMBER’s)', async () => {
    const SENDER = '+15005550010';
    world = await makeWorld({
      ...IN_PROCESS,
      funnel: example.replace('# sender: "+15551234567"', `sender: "${SENDER}"`),
    });
    await world.seed([enrolled('1')]);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound().map((m) => m.from)).toEqual([SENDER]);
    world.server.injectInbound({ from: '+12125550001', to: SENDER, body: 'yes' });
    world.later(60_000);
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');
    expect((await world.messages()).filter((m) => m.event === 'received')).toMatchObject([
      { contact_id: '1', to: SENDER, body: 'yes' },
    ]);
  });

  test('with nothing new: exactly one list request, and no file is rewritten', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1'), enrolled('2')]);
    expect((await world.run(['send'])).code).toBe(0); // two texts pending delivery
    world.server.injectInbound({ from: '+12125550001', to: OUR_NUMBER, body: 'hmm' });
    world.later(60_000);
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');

    world.later(60_000);
    const before = world.snapshot();
    world.server.resetRequestCounts();
    const quiet = await world.run(['poll-replies']);
    expect(quiet.code).toBe(0);
    expect(resultLine(quiet)).toBe('recorded 0 replies');
    expect(world.server.requestCounts()[LIST]).toBe(1);
    expect(world.snapshot()).toEqual(before);
  });

  test('delivery failures by code: 30003 resent once 4 h later, 30005/30006 unusable, 30007 flagged for a person', async () => {
    world = await makeWorld(IN_PROCESS);
    const phones = ['+12125550001', '+12125550002', '+12125550003', '+12125550004', '+12125550005'];
    await world.seed(phones.map((phone, i) => enrolled(String(i + 1), { phone })));
    expect(resultLine(await world.run(['send']))).toBe('sent 5, skipped 0, failed 0');
    const sidTo = (phone: string) => world.outbound(phone)[0]?.sid as string;
    world.later(10 * 60_000);
    world.server.setStatus(sidTo(phones[0] as string), 'undelivered', 30003);
    world.server.setStatus(sidTo(phones[1] as string), 'undelivered', 30005);
    world.server.setStatus(sidTo(phones[2] as string), 'failed', 30006);
    world.server.setStatus(sidTo(phones[3] as string), 'undelivered', 30007);
    world.server.setStatus(sidTo(phones[4] as string), 'delivered');

    const r = await world.run(['poll-replies']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe('recorded 0 replies, 5 delivery update(s), 4 failed');
    expect(r.stderr).toMatch(/contact 1 .*30003.*sent once more in 4 hours/);
    expect(r.stderr).toMatch(/contact 2 .*30005.*will not be texted again/);
    expect(r.stderr).toMatch(/contact 3 .*30006.*will not be texted again/);
    expect(r.stderr).toMatch(/contact 4 .*30007.*flagged for a person/);
    expect((await world.contact('2')).error).toMatch(/^unusable number: Twilio 30005/);
    expect((await world.contact('3')).error).toMatch(/^unusable number: Twilio 30006/);
    expect(await world.contact('4')).toMatchObject({ next_action_at: '' });
    expect((await world.contact('4')).error).toMatch(/^needs a person: Twilio 30007/);
    expect((await world.contact('1')).error).toBe('');
    const statusRows = (await world.messages()).filter((m) => m.event === 'status');
    expect(statusRows.map((m) => [m.contact_id, m.status, m.error_code]).sort()).toEqual([
      ['1', 'undelivered', '30003'],
      ['2', 'undelivered', '30005'],
      ['3', 'failed', '30006'],
      ['4', 'undelivered', '30007'],
      ['5', 'delivered', ''],
    ]);
    expect((await world.state(STATE.deliveries))?.pending).toEqual([]);

    // 3 h 50 min after the failure: not yet; at 4 h: the same text once more, to contact 1 only
    world.later(3 * HOUR + 50 * 60_000);
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 0, failed 0');
    world.later(10 * 60_000);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(phones[0]).map((m) => m.body)).toEqual([
      texts.intro('Name1'),
      texts.intro('Name1'),
    ]);
    expect((await world.messages()).filter((m) => m.event === 'sent').pop()).toMatchObject({
      contact_id: '1',
      step: 'intro:retry',
    });
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 0, failed 0');

    // The retry is unreachable too: a person looks; no third try.
    world.later(10 * 60_000);
    world.server.setStatus(world.outbound(phones[0])[1]?.sid as string, 'undelivered', 30003);
    const second = await world.run(['poll-replies']);
    expect(second.stderr).toMatch(/contact 1 .*unreachable twice.*flagged for a person/);
    expect((await world.contact('1')).error).toMatch(/^needs a person/);

    // Days later: only contact 5 (delivered) goes on with its sequence.
    for (const days of [2, 3]) {
      world.later(days * 24 * HOUR);
      expect((await world.run(['send'])).code).toBe(0);
    }
    expect(phones.map((p) => world.outbound(p).length)).toEqual([2, 1, 1, 1, 3]);
  });

  test('a resend the sequence has overtaken is dropped: the newer text goes once, the old one never again', async () => {
    world = await makeWorld(IN_PROCESS);
    const phone = '+12125550001';
    await world.seed([enrolled('1', { phone, first_name: 'Ana' })]);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    world.later(10 * 60_000);
    world.server.setStatus(world.outbound(phone)[0]?.sid as string, 'undelivered', 30003);
    expect((await world.run(['poll-replies'])).code).toBe(0);
    expect((await world.state(STATE.deliveries))?.resends).toHaveLength(1);

    // The handset came back: before the resend is due they answer YES, which earns the answer.
    world.later(5 * HOUR);
    world.server.injectInbound({ from: phone, to: OUR_NUMBER, body: 'yes', at: at(5 * HOUR) });
    expect((await world.run(['poll-replies'])).code).toBe(0);
    expect((await world.run(['categorize'])).code).toBe(0);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect((await world.state(STATE.deliveries))?.resends).toEqual([]);
    for (const days of [1, 2]) {
      world.later(days * 24 * HOUR);
      expect((await world.run(['send'])).code).toBe(0);
    }
    expect(world.outbound(phone).map((m) => m.body)).toEqual([texts.intro('Ana'), texts.interested]);
  });
});

describe('who and what is polled', () => {
  test('replies to a number the funnel used before are still polled after the sender changes', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1', { phone: '+12125550301' })]);
    expect((await world.run(['send'])).code).toBe(0);
    expect((await world.run(['poll-replies'])).code).toBe(0); // the cursor learns our number
    const NEW_NUMBER = '+15005550009';
    world.later(HOUR);
    world.server.injectInbound({ from: '+12125550301', to: OUR_NUMBER, body: 'yes', at: world.now });
    world.later(60_000);
    const r = await world.run(['poll-replies'], { env: { TWILIO_PHONE_NUMBER: NEW_NUMBER } });
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe('recorded 1 reply');
    expect((await world.state(STATE.pollCursor))?.senders).toEqual([OUR_NUMBER, NEW_NUMBER]);
  });

  test('a quiet week moves the cursor on, so polls do not list the week again', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1')]);
    expect((await world.run(['poll-replies'])).code).toBe(0);
    world.later(3 * 24 * HOUR);
    expect((await world.run(['poll-replies'])).code).toBe(0);
    const after = Date.parse((await world.state(STATE.pollCursor))?.after ?? '');
    expect(world.now.getTime() - after).toBeLessThanOrEqual(20 * 60_000);
  });

  test('a reply older than our first text to the contact is logged, not routed; a STOP that old still opts out', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1', { phone: '+12125550311' }), enrolled('2', { phone: '+12125550312' })]);
    // days before the funnel ever texted them (the first poll looks 7 days back)
    world.server.injectInbound({ from: '+12125550311', to: OUR_NUMBER, body: 'yes', at: at(-2 * 24 * HOUR) });
    world.server.injectInbound({
      from: '+12125550312',
      to: OUR_NUMBER,
      body: 'STOP',
      at: at(-2 * 24 * HOUR),
    });
    expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 0, failed 0');
    world.later(60_000);
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 2 replies');
    const c = await world.run(['categorize']);
    expect(resultLine(c)).toBe(
      'categorized 2 replies: interested 1, opt_out 1 (1 logged, not routed: older than our first text, or with a person)',
    );
    expect(await world.contact('1')).toMatchObject({ state: 'intro', category: '' });
    expect((await world.contact('2')).opted_out_at).not.toBe('');
    expect(
      (await world.messages())
        .filter((m) => m.event === 'category')
        .map((m) => m.category)
        .sort(),
    ).toEqual(['interested', 'opt_out']);
    // nothing answers the old "yes"
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 0/);
  });
});

describe('delivery polling is bounded', () => {
  const SERVICE = `MG${'cd'.repeat(16)}`;
  const env = { TWILIO_PHONE_NUMBER: undefined, TWILIO_MESSAGING_SERVICE_SID: SERVICE };

  test('60 texts through a Messaging Service: one listing finds their results, not 60 fetches', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed(
      Array.from({ length: 60 }, (_, i) =>
        enrolled(String(i + 1), { phone: `+1212555${String(400 + i).padStart(4, '0')}` }),
      ),
    );
    expect(resultLine(await world.run(['send'], { env }))).toBe('sent 60, skipped 0, failed 0');
    for (const m of world.outbound()) world.server.setStatus(m.sid, 'delivered');
    world.later(60_000);
    world.server.resetRequestCounts();
    const r = await world.run(['poll-replies'], { env });
    expect(resultLine(r)).toBe('recorded 0 replies, 60 delivery update(s)');
    const counts = world.server.requestCounts();
    expect(counts[LIST]).toBe(2); // the replies, then what we sent
    expect(Object.keys(counts).filter((k) => k.startsWith('GET /Messages/'))).toEqual([]);
    expect((await world.state(STATE.deliveries))?.pending).toEqual([]);
  });

  test('texts a listing cannot show (accepted, no date_sent yet) are fetched by SID once 10 minutes old', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed(
      Array.from({ length: 30 }, (_, i) =>
        enrolled(String(i + 1), { phone: `+1212555${String(500 + i).padStart(4, '0')}` }),
      ),
    );
    world.server.faults({ realism: { serviceAccepts: true } });
    expect(resultLine(await world.run(['send'], { env }))).toBe('sent 30, skipped 0, failed 0');
    world.later(60_000);
    world.server.resetRequestCounts();
    await world.run(['poll-replies'], { env });
    const fetches = () =>
      Object.entries(world.server.requestCounts())
        .filter(([k]) => k.startsWith('GET /Messages/'))
        .reduce((a, [, n]) => a + n, 0);
    expect(fetches()).toBe(0); // too young: still being sent
    world.later(10 * 60_000);
    world.server.resetRequestCounts();
    await world.run(['poll-replies'], { env });
    expect(fetches()).toBe(30);
  });
});
