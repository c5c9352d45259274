/**
 * Twilio's refusals end to end: what each error code does to the contact, and what the operator
 * sees (in-process); refused credentials and a Twilio that does not answer stop the run (through
 * the real binary).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { AUTH_TOKEN, DAY, enrolled, makeWorld, resultLine, texts, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const OPTED_OUT = '+12125550001';
const INVALID = '+12125550002';
const LANDLINE = '+12125550003';
const ABROAD = '+12125550004';
const FINE = '+12125550005';

describe('Twilio refusals by code', () => {
  test('21610 opts the contact out, 21211/21614 mark the number unusable, 21408 is retried in 24 h; the rest go on', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([
      enrolled('1', { phone: OPTED_OUT }),
      enrolled('2', { phone: INVALID }),
      enrolled('3', { phone: LANDLINE }),
      enrolled('4', { phone: ABROAD }),
      enrolled('5', { phone: FINE }),
    ]);
    world.server.faults({
      numbers: { [OPTED_OUT]: 21610, [INVALID]: 21211, [LANDLINE]: 21614, [ABROAD]: 21408 },
    });
    const r = await world.run(['send']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe('sent 1, skipped 0, failed 4');
    expect(world.outbound().map((m) => m.to)).toEqual([FINE]);

    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(4);
    expect(r.stderr).toMatch(/contact 1 \(\+12125550001\) has opted out at the carrier \(Twilio 21610/);
    expect(r.stderr).toMatch(/contact 2 \(\+12125550002\): number cannot take texts \(Twilio 21211/);
    expect(r.stderr).toMatch(/contact 3 \(\+12125550003\): number cannot take texts \(Twilio 21614/);
    expect(r.stderr).toMatch(/contact 4 \(\+12125550004\): .*Geo permissions.*24 hours/);

    const c1 = await world.contact('1');
    expect(c1.state).toMatch(/^opted_out/);
    expect(c1.opted_out_at).toBe(world.now.toISOString().replace('.000', ''));
    expect(c1.next_action_at).toBe('');
    for (const id of ['2', '3']) {
      const c = await world.contact(id);
      expect(c.error).toMatch(/^unusable number: Twilio 21(211|614)/);
      expect(c).toMatchObject({ state: 'start', next_action_at: '' });
    }
    const c4 = await world.contact('4');
    expect(c4.error).toMatch(/cannot text this country.*21408/);
    expect(c4.next_action_at).toBe('2026-12-02T17:00:00Z');

    // Nothing is sent by a refusal: no sent row for them in the log.
    expect((await world.messages()).filter((m) => m.event === 'sent').map((m) => m.to)).toEqual([FINE]);

    // The operator enables the country; days pass: 4 is texted, 1-3 never again.
    world.server.faults({ clear: true });
    world.later(DAY);
    const retry = await world.run(['send']);
    expect(resultLine(retry)).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(ABROAD).map((m) => m.body)).toEqual([texts.intro('Name4')]);
    expect((await world.contact('4')).error).toBe('');
    for (const days of [1, 3, 2]) {
      world.later(days * DAY);
      expect((await world.run(['send'])).code).toBe(0);
    }
    for (const phone of [OPTED_OUT, INVALID, LANDLINE]) expect(world.outbound(phone)).toEqual([]);
    expect(world.outbound(FINE)).toHaveLength(3);
    expect((await world.contact('5')).state).toBe('done.no_response');
  });

  test('refused credentials: exit 78 naming the settings, the token never printed, nothing recorded', async () => {
    world = await makeWorld({ authToken: 'the-server-wants-another-token' });
    await world.seed([enrolled('1', { phone: FINE })]);
    const before = await world.contacts();
    const r = await world.run(['send']);
    expect(r.code).toBe(78);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('TWILIO_AUTH_TOKEN');
    expect(r.stderr).toContain('20003');
    expect(r.stdout + r.stderr).not.toContain(AUTH_TOKEN);
    expect(await world.contacts()).toEqual(before);
    expect(await world.messages()).toEqual([]);

    const poll = await world.run(['poll-replies']);
    expect(poll.code).toBe(78);
    expect(poll.stdout + poll.stderr).not.toContain(AUTH_TOKEN);
  });

  test('Twilio does not answer (port closed): exit 69 and nothing recorded', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1', { phone: FINE })]);
    const url = world.server.url;
    await world.server.stop();
    // A short retry budget, so the test does not sit out the default 60 s.
    const env = { TWILIO_API_BASE_URL: url, TWILIO_RETRY_FOR: '1' };
    const r = await world.run(['send'], { env });
    expect(r.code, r.stderr).toBe(69);
    expect(r.stderr).toMatch(/Twilio is unavailable/);
    expect(r.stdout).toBe('');
    expect(await world.contact('1')).toMatchObject({ state: 'start', last_sent_at: '' });
    expect(await world.messages()).toEqual([]);

    const poll = await world.run(['poll-replies'], { env });
    expect(poll.code, poll.stderr).toBe(69);
  });
});
