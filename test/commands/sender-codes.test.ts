/**
 * Twilio codes that blame the sender or the account, not the contact (src/core/twilio-codes.ts),
 * run in-process (21606: through the real binary): refused at create (21606 bad From, 21611 queue full) or reported
 * later as a delivery result (30034 unregistered 10DLC number, a spike of 30007). The run stops
 * with what to fix, no contact is marked, and once it is fixed every text goes out exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  DAY,
  enrolled,
  HOUR,
  makeWorld,
  OUR_NUMBER,
  resultLine,
  texts,
  type World,
} from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const PHONES = ['+12125550001', '+12125550002', '+12125550003', '+12125550004'];
const seedFour = () => world.seed(PHONES.map((phone, i) => enrolled(String(i + 1), { phone })));

describe('sender and account codes stop the run and touch no contact', () => {
  test('21606 (bad From) at create: exit 78 naming the setting, every contact untouched, then each texted once', async () => {
    world = await makeWorld();
    await seedFour();
    const before = await world.contacts();
    world.server.faults({ realism: { senderError: 21606 } });

    const r = await world.run(['send']);
    expect(r.code, r.stderr).toBe(78);
    expect(r.stderr).toMatch(/TWILIO_PHONE_NUMBER.*Twilio 21606/);
    expect(r.stderr).toContain('no contact was marked');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await world.contacts()).toEqual(before);
    expect((await world.messages()).filter((m) => m.event === 'sent')).toEqual([]);
    expect(world.outbound()).toEqual([]);

    // The operator fixes the number: every contact gets its intro, once.
    world.server.faults({ clear: true });
    const again = await world.run(['send']);
    expect(again.code, again.stderr).toBe(0);
    expect(resultLine(again)).toBe('sent 4, skipped 0, failed 0');
    for (const phone of PHONES) expect(world.outbound(phone)).toHaveLength(1);
  });

  test('21611 (queue full) at create: exit 69, a later run goes on', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    world.server.faults({ realism: { senderError: 21611 } });
    const r = await world.run(['send']);
    expect(r.code, r.stderr).toBe(69);
    expect(r.stderr).toMatch(/Twilio 21611/);
    expect((await world.contacts()).every((c) => c.error === '' && c.state === 'start')).toBe(true);
  });

  test('30034 reported after the texts went: no contact burned, send holds (exit 78) until `retry --sender`, then each text goes again once', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    world.server.faults({ realism: { asyncSenderError: 30034 } });
    const sent = await world.run(['send']);
    expect(resultLine(sent)).toBe('sent 4, skipped 0, failed 0');
    const afterIntro = await world.contacts();

    world.later(5 * 60_000);
    const poll = await world.run(['poll-replies']);
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stderr).toMatch(/30034/);
    expect(poll.stderr).toContain('retry --sender');
    // Not one contact is marked: the sender is at fault.
    expect(await world.contacts()).toEqual(afterIntro);

    world.later(5 * 60_000);
    const held = await world.run(['send']);
    expect(held.code, held.stderr).toBe(78);
    expect(held.stderr).toMatch(/held.*Twilio 30034/);
    expect(held.stderr).toContain('smsfunnel retry --sender');
    expect(world.outbound()).toHaveLength(4);
    const status = await world.run(['status']);
    expect(status.stderr).toMatch(/held.*30034/);
    const dry = await world.run(['send', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/a real run sends nothing now/);

    // Registered at last: lift the hold; the four intros go out again, once each.
    world.server.faults({ clear: true });
    const lift = await world.run(['retry', '--sender']);
    expect(lift.code, lift.stderr).toBe(0);
    expect(resultLine(lift)).toMatch(/lifted the hold on \+15005550006.*4 text\(s\)/);
    const resent = await world.run(['send']);
    expect(resent.code, resent.stderr).toBe(0);
    expect(resultLine(resent)).toBe('sent 4, skipped 0, failed 0');
    for (const [i, phone] of PHONES.entries())
      expect(world.outbound(phone).map((m) => m.body)).toEqual([
        texts.intro(`Name${i + 1}`),
        texts.intro(`Name${i + 1}`),
      ]);
    world.later(10 * 60_000);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 0/);
    expect((await world.run(['retry', '--sender'])).stdout).toContain('no sender hold');
  });

  test('a hold names its sender: a run from another number is not held', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    world.server.faults({ realism: { asyncSenderError: 30034 } });
    await world.run(['send']);
    world.later(60_000);
    await world.run(['poll-replies']);
    world.server.faults({ clear: true });
    const other = '+15005550007';
    const r = await world.run(['send'], { env: { TWILIO_PHONE_NUMBER: other } });
    expect(r.stderr).not.toMatch(/held/);
    expect(r.stderr).not.toContain(OUR_NUMBER);
  });

  test('30007 for three texts in one poll is the sender, not three contacts; one 30007 flags its contact', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    await world.run(['send']);
    const afterIntro = await world.contacts();
    for (const phone of PHONES.slice(0, 3))
      world.server.setStatus(world.outbound(phone)[0]?.sid as string, 'undelivered', 30007);
    world.later(60_000);
    const poll = await world.run(['poll-replies']);
    expect(poll.stderr).toMatch(/carriers filtered several texts as spam/);
    expect(await world.contacts()).toEqual(afterIntro);
    expect((await world.run(['send'])).code).toBe(78);

    // A single filtered text is about that contact.
    await world.close();
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    await world.run(['send']);
    world.server.setStatus(world.outbound(PHONES[3])[0]?.sid as string, 'undelivered', 30007);
    world.later(60_000);
    await world.run(['poll-replies']);
    expect((await world.contact('4')).error).toMatch(/^needs a person: Twilio 30007/);
    expect((await world.run(['send'])).code).toBe(0);
  });
});

describe('delivery results go through the same table', () => {
  const SERVICE = `MG${'ab'.repeat(16)}`;

  test('a Messaging Service reports 21610 late: the contact is opted out and on the suppression list; 21211 marks the number unusable', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    world.server.faults({
      realism: {
        serviceAccepts: true,
        asyncFailures: { [PHONES[0] as string]: 21610, [PHONES[1] as string]: 21211 },
      },
    });
    const env = { TWILIO_PHONE_NUMBER: undefined, TWILIO_MESSAGING_SERVICE_SID: SERVICE };
    expect(resultLine(await world.run(['send'], { env }))).toBe('sent 4, skipped 0, failed 0');
    world.later(60_000);
    const poll = await world.run(['poll-replies'], { env });
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stderr).toMatch(/contact 1 .*21610.*marked opted out/);
    const c1 = await world.contact('1');
    expect(c1.opted_out_at).not.toBe('');
    expect(c1.state).toMatch(/^opted_out/);
    expect((await world.contact('2')).error).toMatch(/^unusable number: Twilio 21211/);
    const list = readFileSync(join(world.dataDir, 'opt-outs.csv'), 'utf8');
    expect(list).toMatch(new RegExp(`\\${PHONES[0]},.*,opt_out,carrier,Twilio 21610`));
    // Days on, neither is texted again; the others get their follow-ups.
    world.later(3 * DAY);
    await world.run(['send'], { env });
    expect(world.outbound(PHONES[0])).toHaveLength(1);
    expect(world.outbound(PHONES[1])).toHaveLength(1);
    expect(world.outbound(PHONES[2])).toHaveLength(2);
  });

  test('a code the table does not know flags the contact for a person, never marks the number for good', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    await world.run(['send']);
    world.server.setStatus(world.outbound(PHONES[0])[0]?.sid as string, 'failed', 30999);
    world.later(60_000);
    const poll = await world.run(['poll-replies']);
    expect(poll.stderr).toMatch(/contact 1 .*30999.*flagged for a person/);
    const c1 = await world.contact('1');
    expect(c1.error).toMatch(/^needs a person: Twilio 30999/);
    expect(c1.error).not.toMatch(/unusable/);
  });

  test('a lone 30003 (no contact row changes) is still resent 4 h later: the quiet-tick schedule is not trusted', async () => {
    world = await makeWorld(IN_PROCESS);
    await seedFour();
    await world.run(['send']);
    world.server.setStatus(world.outbound(PHONES[0])[0]?.sid as string, 'undelivered', 30003);
    world.later(60_000);
    await world.run(['poll-replies']);
    world.later(4 * HOUR);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(PHONES[0])).toHaveLength(2);
  });
});
