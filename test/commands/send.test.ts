/**
 * `smsfunnel send` against the local Twilio server (in-process; as cron runs it: the built binary): who gets which
 * text when, the sequence over days, --limit, --dry-run, --json, and cron's view of the output.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  DAY,
  enrolled,
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

const ANN = '+12125550001'; // New York
const NOBODY = '+14155550002'; // Los Angeles, no first name
const LATER = '+12125550003'; // due tomorrow

async function threeContacts(): Promise<void> {
  world = await makeWorld(IN_PROCESS);
  await world.seed([
    enrolled('1', { phone: ANN, first_name: 'Ann' }),
    enrolled('2', { phone: NOBODY, first_name: '' }),
    enrolled('3', { phone: LATER, first_name: 'Cy', next_action_at: '2026-12-02T17:00:00Z' }),
  ]);
}

describe('send', () => {
  test('the due contacts get exactly their step, rendered with their names; the rest get nothing', async () => {
    await threeContacts();
    const r = await world.run(['send']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(resultLine(r)).toBe('sent 2, skipped 0, failed 0');

    expect(world.outbound().map((m) => [m.to, m.from, m.body])).toEqual(
      expect.arrayContaining([
        [ANN, OUR_NUMBER, texts.intro('Ann')],
        [NOBODY, OUR_NUMBER, texts.intro('there')],
      ]),
    );
    expect(world.outbound()).toHaveLength(2);
    expect(world.outbound(LATER)).toHaveLength(0);

    const ann = await world.contact('1');
    expect(ann).toMatchObject({
      state: 'intro',
      last_sent_at: T0,
      next_action_at: '2026-12-03T17:00:00Z',
      error: '',
    });
    expect(await world.contact('3')).toMatchObject({ state: 'start', last_sent_at: '' });

    // messages.csv: one `sent` row per text, with Twilio's SID
    const sent = (await world.messages()).filter((m) => m.event === 'sent');
    expect(sent.map((m) => m.sid).sort()).toEqual(
      world
        .outbound()
        .map((m) => m.sid)
        .sort(),
    );
    expect(sent.find((m) => m.to === ANN)).toMatchObject({
      contact_id: '1',
      direction: 'outbound',
      body: texts.intro('Ann'),
      step: 'intro',
      from: OUR_NUMBER,
    });

    // The same clock again: nothing more is due, and no file is rewritten.
    const before = world.snapshot();
    const again = await world.run(['send']);
    expect(again.code).toBe(0);
    expect(resultLine(again)).toBe('sent 0, skipped 0, failed 0');
    expect(world.outbound()).toHaveLength(2);
    expect(world.snapshot()).toEqual(before);
  });

  test('over days: follow_up after 2 days, last_try 3 days later, then no_response without a text', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1', { phone: ANN, first_name: 'Ann' })]);
    expect((await world.run(['send'])).code).toBe(0);

    world.later(2 * DAY - HOUR); // not yet
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 0, failed 0');
    world.later(HOUR);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect((await world.contact('1')).state).toBe('follow_up');

    world.later(3 * DAY);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect((await world.contact('1')).state).toBe('last_try');

    world.later(2 * DAY);
    const end = await world.run(['send']);
    expect(resultLine(end)).toBe('sent 0, skipped 0, failed 0, finished or moved without a text 1');
    expect(await world.contact('1')).toMatchObject({ state: 'done.no_response', next_action_at: '' });

    expect(world.outbound(ANN).map((m) => m.body)).toEqual([
      texts.intro('Ann'),
      texts.follow_up('Ann'),
      texts.last_try,
    ]);
    world.later(30 * DAY);
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 0, failed 0');
    expect(world.outbound(ANN)).toHaveLength(3);
  });

  test('--limit N sends N and leaves the rest for the next run', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed(['1', '2', '3', '4', '5'].map((id) => enrolled(id)));
    const first = await world.run(['send', '--limit', '2']);
    expect(first.code).toBe(0);
    expect(resultLine(first)).toBe('sent 2, skipped 0, failed 0, left for the next run (--limit) 3');
    expect(world.outbound()).toHaveLength(2);
    const rest = await world.run(['send', '--limit', '10']);
    expect(resultLine(rest)).toBe('sent 3, skipped 0, failed 0');
    expect(new Set(world.outbound().map((m) => m.to)).size).toBe(5);

    const bad = await world.run(['send', '--limit', 'many']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--limit many');
  });

  test('--dry-run prints who, step, text, segments and cost; writes no file and makes no request', async () => {
    await threeContacts();
    const before = world.snapshot();
    world.server.resetRequestCounts();
    const r = await world.run(['send', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`#1 ${ANN} intro (1 segment, GSM-7)`);
    expect(r.stdout).toContain(texts.intro('Ann'));
    expect(r.stdout).toContain(texts.intro('there'));
    expect(r.stdout).not.toContain('#3');
    expect(r.stdout.trim().split('\n').pop()).toMatch(
      /^dry run: would send 2, skipped 0, failed 0; 2 segments, about \$0\.02 at \$0\.0083\/segment \(nothing sent\)$/,
    );
    expect(world.server.requestCounts()).toEqual({});
    expect(world.outbound()).toHaveLength(0);
    expect(world.snapshot()).toEqual(before);

    // without any Twilio configuration at all (CI): the same plan
    const ci = await world.run(['send', '--dry-run', '--json'], {
      env: { TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined, TWILIO_PHONE_NUMBER: undefined },
    });
    expect(ci.code, ci.stderr).toBe(0);
    const plan = JSON.parse(ci.stdout) as {
      sends: { contact: string; step: string; text: string; segments: number }[];
      segments: number;
      estimatedCostUsd: number;
    };
    expect(plan.sends.map((s) => [s.contact, s.step, s.text, s.segments])).toEqual([
      ['1', 'intro', texts.intro('Ann'), 1],
      ['2', 'intro', texts.intro('there'), 1],
    ]);
    expect(plan.estimatedCostUsd).toBeCloseTo(0.0166, 4);
    expect(world.snapshot()).toEqual(before);
  });

  test('--json prints one object with the counts', async () => {
    await threeContacts();
    const r = await world.run(['send', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      sent: 2,
      failed: 0,
      moved: 0,
      deferred: 0,
      late: 0,
      capped: 0,
      skipped: 0,
      line: 'sent 2, skipped 0, failed 0',
    });
  });

  test('as cron runs it: one plain line on stdout, nothing on stderr, no colour, no progress bar', async () => {
    world = await makeWorld();
    await world.seed(Array.from({ length: 12 }, (_, i) => enrolled(String(i + 1))));
    const r = await world.run(['send'], { env: { FORCE_COLOR: undefined, TERM: 'xterm-256color' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('sent 12, skipped 0, failed 0\n');
    expect(r.stderr).toBe('');
    expect(r.stdout + r.stderr).not.toContain('\u001b[');
    expect(r.stdout + r.stderr).not.toContain('\r');
  });
});
