/**
 * `send` keeps each contact's quiet hours in the contact's own time zone — a `timezone` column,
 * else the area code — across a daylight-saving change; and a text whose template names a field
 * the contact lacks is held back with the reason on the contact's row.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { enrolled, example, makeWorld, resultLine, texts, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const LA = '+14155550001'; // area code 415: America/Los_Angeles
const NY = '+12125550002'; // 212: America/New_York
const LONDON_BY_COLUMN = '+12125550003'; // a New York number, but its `timezone` column says London

interface DryPlan {
  sends: { contact: string }[];
  skipped: { contact: string; reason: string; opensAt: string | null }[];
}

async function plan(): Promise<DryPlan> {
  const r = await world.run(['send', '--dry-run', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DryPlan;
}

describe('quiet hours, in the contact’s own time zone', () => {
  test('area code and timezone column decide; a contact outside its window waits and goes out when it opens', async () => {
    world = await makeWorld();
    await world.seed(
      [
        enrolled('1', { phone: LA, next_action_at: '2026-12-01T10:00:00Z' }),
        enrolled('2', { phone: NY, next_action_at: '2026-12-01T10:00:00Z' }),
        enrolled('3', {
          phone: LONDON_BY_COLUMN,
          next_action_at: '2026-12-01T10:00:00Z',
          timezone: 'Europe/London',
        }),
      ],
      ['timezone'],
    );
    // 13:30Z: 05:30 in LA, 08:30 in New York, 13:30 in London
    world.at('2026-12-01T13:30:00Z');
    const dry = await plan();
    expect(dry.sends.map((s) => s.contact)).toEqual(['3']);
    expect(dry.skipped).toEqual([
      {
        contact: '1',
        reason: 'quiet_hours',
        detail: expect.stringContaining('America/Los_Angeles'),
        opensAt: '2026-12-01T17:00:00.000Z',
      },
      {
        contact: '2',
        reason: 'quiet_hours',
        detail: expect.stringContaining('America/New_York'),
        opensAt: '2026-12-01T14:00:00.000Z',
      },
    ]);
    const early = await world.run(['send']);
    expect(early.code).toBe(0);
    expect(resultLine(early)).toBe('sent 1, skipped 2 (quiet hours 2), failed 0');
    expect(world.outbound().map((m) => m.to)).toEqual([LONDON_BY_COLUMN]);
    // waiting is no error: the row is untouched
    expect(await world.contact('1')).toMatchObject({ state: 'start', error: '' });

    world.at('2026-12-01T14:00:00Z'); // 09:00 in New York
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 1 (quiet hours 1), failed 0');
    expect(world.outbound(NY)).toHaveLength(1);

    world.at('2026-12-01T17:00:00Z'); // 09:00 in LA
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(LA).map((m) => m.body)).toEqual([texts.intro('Name1')]);

    // two days later at 20:00Z: London's window has closed for its follow-up; NY and LA are open
    world.at('2026-12-03T20:00:00Z');
    const evening = await plan();
    expect(evening.sends.map((s) => s.contact)).toEqual(['2', '1']);
    expect(evening.skipped.map((s) => s.contact)).toEqual(['3']);
  });

  test('a daylight-saving change moves the window: 09:00 in New York is 13:00Z before 2026-11-01, 14:00Z after', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([
      enrolled('1', { phone: NY, next_action_at: '2026-10-31T11:00:00Z' }),
      enrolled('2', { phone: '+12125550004', next_action_at: '2026-11-01T11:00:00Z' }),
    ]);
    world.at('2026-10-31T12:59:00Z'); // 08:59 EDT
    const edtBefore = await plan();
    expect(edtBefore.sends).toEqual([]);
    expect(edtBefore.skipped[0]).toMatchObject({ contact: '1', opensAt: '2026-10-31T13:00:00.000Z' });
    world.at('2026-10-31T13:00:00Z'); // 09:00 EDT
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');

    world.at('2026-11-01T13:30:00Z'); // 08:30 EST: it would have been 09:30 the day before
    const est = await plan();
    expect(est.sends).toEqual([]);
    expect(est.skipped[0]).toMatchObject({ contact: '2', opensAt: '2026-11-01T14:00:00.000Z' });
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 1 (quiet hours 1), failed 0');
    world.at('2026-11-01T14:00:00Z'); // 09:00 EST
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound('+12125550004')).toHaveLength(1);
  });
});

describe('a template field the contact lacks', () => {
  const cityFunnel = example.replace(
    'message: "Hi {{first_name|there}}, it\'s Dana from Brightside Solar.',
    'message: "Hi {{first_name|there}} in {{city}}, it\'s Dana from Brightside Solar.',
  );

  test('that contact is held with the reason on its row and in a warning; the others go out', async () => {
    expect(cityFunnel).not.toBe(example);
    world = await makeWorld({ ...IN_PROCESS, funnel: cityFunnel });
    await world.seed(
      [
        enrolled('1', { phone: NY, first_name: 'Ann', city: 'Albany' }),
        enrolled('2', { phone: LA, first_name: 'Bo', city: '' }),
      ],
      ['city'],
    );
    const r = await world.run(['send']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe('sent 1, skipped 1 (template 1), failed 0');
    expect(world.outbound().map((m) => m.body)).toEqual([
      texts.intro('Ann').replace('Hi Ann,', 'Hi Ann in Albany,'),
    ]);
    expect(r.stderr).toMatch(/contact 2 .*city/);
    const bo = await world.contact('2');
    expect(bo.state).toBe('start');
    expect(bo.error).toMatch(/intro.*city/);

    // Told once: the next cron tick counts it but does not repeat the warning.
    const again = await world.run(['send']);
    expect(resultLine(again)).toBe('sent 0, skipped 1 (template 1), failed 0');
    expect(again.stderr).toBe('');

    // The operator fills the city in: it goes out, and the error is cleared.
    await world.seed([{ ...(await world.contact('1')) }, { ...bo, city: 'Fresno' }], ['city']);
    const fixed = await world.run(['send']);
    expect(resultLine(fixed)).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(LA).map((m) => m.body)).toEqual([
      texts.intro('Bo').replace('Hi Bo,', 'Hi Bo in Fresno,'),
    ]);
    expect(await world.contact('2')).toMatchObject({ state: 'intro', error: '' });
  });
});

describe('the window closes during a run', () => {
  test('the clock moves: no text is created once the window has closed, each carries a ValidityPeriod ending with it, and the rest go the next morning', {
    timeout: 60_000,
  }, async () => {
    world = await makeWorld(IN_PROCESS);
    const phones = Array.from({ length: 12 }, (_, i) => `+1212555${String(100 + i).padStart(4, '0')}`);
    await world.seed(phones.map((phone, i) => enrolled(String(i + 1), { phone })));
    // 19:59:52 in New York (EST, UTC-5): the window closes at 20:00:00, 8 s into the run.
    world.at('2026-12-02T00:59:52Z');
    const closes = Date.parse('2026-12-02T01:00:00Z');
    const r = await world.run(['send'], { env: { SEND_RATE: '2' } });
    expect(r.code, r.stderr).toBe(0);
    const created = world.outbound();
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBeLessThan(phones.length);
    expect(resultLine(r)).toBe(
      `sent ${created.length}, skipped 0, failed 0, window closed during the run ${phones.length - created.length}`,
    );
    expect(r.stderr).toMatch(/window closed during this run; they go when it opens again/);
    for (const m of created) {
      expect(m.validityPeriod, m.to).toBeGreaterThanOrEqual(5);
      // Twilio drops it if it is still queued when the window closes
      expect(m.dateCreated + (m.validityPeriod ?? 0) * 1000, m.to).toBeLessThanOrEqual(closes + 1000);
    }
    const late = (await world.contacts()).filter((c) => c.last_sent_at === '');
    expect(late).toHaveLength(phones.length - created.length);
    for (const c of late) expect(c).toMatchObject({ state: 'start', error: '' });

    // 10:00 the next morning: the rest, once each.
    world.at('2026-12-02T15:00:00Z');
    const morning = await world.run(['send']);
    expect(resultLine(morning)).toBe(`sent ${late.length}, skipped 0, failed 0`);
    for (const phone of phones) expect(world.outbound(phone)).toHaveLength(1);
  });

  test('pacing counts segments: a 3-segment text takes three slots of SEND_RATE', {
    timeout: 60_000,
  }, async () => {
    const long = `${'This is a long message about solar savings for your home. '.repeat(6)}Reply STOP to opt out.`;
    world = await makeWorld({
      ...IN_PROCESS,
      funnel: example.replace(
        /message: "Hi \{\{first_name\|there\}\}, it's Dana[^"]*"/,
        `message: "${long}"`,
      ),
    });
    await world.seed(
      ['+12125550201', '+12125550202', '+12125550203'].map((phone, i) => enrolled(String(i + 1), { phone })),
    );
    const r = await world.run(['send'], { env: { SEND_RATE: '2' } });
    expect(resultLine(r)).toBe('sent 3, skipped 0, failed 0');
    const [a, , c] = world.outbound();
    expect(a?.numSegments).toBe(3);
    // the third create starts 6 slots (3 s) after the first, not 2 slots (1 s); the server stamps whole seconds
    expect((c?.dateCreated ?? 0) - (a?.dateCreated ?? 0)).toBeGreaterThanOrEqual(3000);
  });
});
