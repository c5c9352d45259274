import { describe, expect, test } from 'vitest';
import {
  capReached,
  FEDERAL_RULE,
  ruledWindow,
  ruleFor,
  STATE_RULES,
} from '../../src/core/compliance/state-rules.js';
import { WIDEST_QUIET_HOURS } from '../../src/core/quiet-hours.js';
import { STATE } from '../../src/core/state-files.js';
import { enrolled, makeWorld, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;

describe('which rule', () => {
  test.each([
    ['+13055550100', 'FL'],
    ['+18135550100', 'FL'],
    ['+14055550100', 'OK'],
    ['+19185550100', 'OK'],
    ['+14105550100', 'MD'],
    ['+13015550100', 'MD'],
    ['+12035550100', 'CT'],
    ['+18605550100', 'CT'],
    ['+15125550100', 'TX'],
    ['+12145550100', 'TX'],
    ['+17035550100', 'VA'],
    ['+18045550100', 'VA'],
    ['+12125550100', 'US'],
    ['+14155550100', 'US'],
    ['+442071234567', 'US'],
  ])('%s by its area code: %s', (phone, code) => {
    expect(ruleFor({ phone }).code).toBe(code);
  });

  test('a state column wins over the area code: code or name, any case', () => {
    expect(ruleFor({ phone: '+12125550100', us_state: 'TX' }).code).toBe('TX');
    expect(ruleFor({ phone: '+12125550100', src_State: 'florida' }).code).toBe('FL');
    // a state without rules of its own: the federal rule, whatever the area code says
    expect(ruleFor({ phone: '+13055550100', us_state: 'NY' }).code).toBe('US');
  });

  test('every rule has its law cited; the capped states allow 3 texts a day', () => {
    for (const r of [FEDERAL_RULE, ...STATE_RULES]) expect(r.law.length, r.code).toBeGreaterThan(5);
    expect(STATE_RULES.filter((r) => r.maxPer24h === 3).map((r) => r.code)).toEqual(['FL', 'OK', 'MD']);
  });
});

const rule = (code: string) => STATE_RULES.find((r) => r.code === code) ?? FEDERAL_RULE;
const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';

describe('the window, narrowed by the state, in the contact’s zone', () => {
  test.each([
    // [what, now (UTC), zone, rule, open, opensAt (UTC) when closed]
    [
      'Florida at 20:30: closed (federal law would allow it)',
      '2026-12-02T01:30:00Z',
      NY,
      'FL',
      false,
      '2026-12-02T13:00:00Z',
    ],
    ['federal at 20:30: open', '2026-12-02T01:30:00Z', NY, 'US', true, undefined],
    [
      'Connecticut at 08:30: closed until 09:00',
      '2026-12-01T13:30:00Z',
      NY,
      'CT',
      false,
      '2026-12-01T14:00:00Z',
    ],
    ['Virginia at 08:30: open', '2026-12-01T13:30:00Z', NY, 'VA', true, undefined],
    ['Texas, Saturday 10:00: open', '2026-12-05T16:00:00Z', CHICAGO, 'TX', true, undefined],
    [
      'Texas, Sunday 10:00: closed until noon',
      '2026-12-06T16:00:00Z',
      CHICAGO,
      'TX',
      false,
      '2026-12-06T18:00:00Z',
    ],
    [
      'Texas, Saturday 21:30: closed until Sunday noon',
      '2026-12-06T03:30:00Z',
      CHICAGO,
      'TX',
      false,
      '2026-12-06T18:00:00Z',
    ],
    ['Texas, Sunday 12:30: open', '2026-12-06T18:30:00Z', CHICAGO, 'TX', true, undefined],
    // 2027-03-14, Sunday: the US goes to summer time at 02:00; noon is 17:00 UTC, no longer 18:00
    [
      'Texas on the DST Sunday, 11:00 CDT: opens at noon CDT',
      '2027-03-14T16:00:00Z',
      CHICAGO,
      'TX',
      false,
      '2027-03-14T17:00:00Z',
    ],
    [
      'Florida on the DST Sunday, 07:30 EDT: opens at 08:00 EDT',
      '2027-03-14T11:30:00Z',
      NY,
      'FL',
      false,
      '2027-03-14T12:00:00Z',
    ],
  ])('%s', (_what, now, zone, code, open, opensAt) => {
    const w = ruledWindow(new Date(now), zone, WIDEST_QUIET_HOURS, rule(code));
    expect(w.open).toBe(open);
    if (opensAt !== undefined) expect(w.opensAt.toISOString()).toBe(new Date(opensAt).toISOString());
  });

  test('the funnel can only narrow the law: 10:00–18:00 in Texas on a Sunday is 12:00–18:00', () => {
    const w = ruledWindow(new Date('2026-12-06T18:30:00Z'), CHICAGO, { start: 600, end: 1080 }, rule('TX'));
    expect(w.open).toBe(true);
    expect(w.closesAt?.toISOString()).toBe('2026-12-07T00:00:00.000Z'); // 18:00 CST
    expect(w.heldBy).toMatch(/^Texas law .*12:00–18:00 on Sundays/);
  });

  test('closing time moves with DST: Florida 20:00 is 01:00 UTC in winter, 00:00 in summer', () => {
    expect(
      ruledWindow(
        new Date('2026-12-01T20:00:00Z'),
        NY,
        WIDEST_QUIET_HOURS,
        rule('FL'),
      ).closesAt?.toISOString(),
    ).toBe('2026-12-02T01:00:00.000Z');
    expect(
      ruledWindow(
        new Date('2027-03-15T20:00:00Z'),
        NY,
        WIDEST_QUIET_HOURS,
        rule('FL'),
      ).closesAt?.toISOString(),
    ).toBe('2027-03-16T00:00:00.000Z');
  });
});

describe('send --dry-run says which rule held a contact back', () => {
  let world: World | undefined;
  test('a Texas contact on Sunday morning waits for noon, by Texas law', async () => {
    world = await makeWorld();
    try {
      await world.seed([enrolled('1', { phone: '+15125550101' }), enrolled('2', { phone: '+12125550102' })]);
      world.at('2026-12-06T16:00:00Z'); // Sunday 10:00 in Austin, 11:00 in New York
      const r = await world.run(['send', '--dry-run']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /#1 waits: outside its sending window in America\/Chicago: Texas law \(Tex\. Bus\. & Com\. Code 301\.051\), 12:00–20:00 on Sundays/,
      );
      expect(r.stdout).toMatch(/#2 .*intro/);
    } finally {
      await world.close();
    }
  });
});

describe('at most 3 texts in 24 hours in Florida, Oklahoma and Maryland', () => {
  test('capReached: the fourth waits until the oldest of the last three is 24 hours old', () => {
    const now = new Date('2026-12-01T20:00:00Z');
    const times = ['2026-11-30T21:00:00Z', '2026-12-01T15:00:00Z', '2026-12-01T18:00:00Z'];
    expect(capReached(rule('FL'), times, now)?.toISOString()).toBe('2026-12-01T21:00:00.000Z');
    expect(capReached(rule('FL'), times.slice(1), now)).toBeUndefined();
    expect(capReached(rule('TX'), times, now)).toBeUndefined(); // no cap in Texas
  });

  test('through send: a Florida contact texted 3 times today waits, and the dry run says why', async () => {
    const world = await makeWorld(IN_PROCESS);
    try {
      await world.seed([enrolled('1', { phone: '+13055550101' }), enrolled('2', { phone: '+12125550102' })]);
      const texted = ['2026-12-01T13:00:00Z', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z'];
      await world.writeState(STATE.recentTexts, { '1': texted });
      const dry = await world.run(['send', '--dry-run']);
      expect(dry.stdout).toMatch(
        /#1 waits: Florida law \(Fla\. Stat\. 501\.059\): at most 3 texts in 24 hours/,
      );
      const r = await world.run(['send']);
      expect(r.stdout).toMatch(/^sent 1, skipped 1 \(daily limit 1\)/);
      expect(world.outbound('+13055550101')).toEqual([]);
      world.at('2026-12-02T14:00:01Z'); // 09:00 in Miami: two of the three are a day old
      expect((await world.run(['send'])).stdout).toMatch(/^sent 1,/);
      expect(world.outbound('+13055550101')).toHaveLength(1);
      const recent = await world.state(STATE.recentTexts);
      expect(recent['1']).toEqual([texted[2], '2026-12-02T14:00:01Z']);
    } finally {
      await world.close();
    }
  });
});

describe('SEND_DAILY_CAP', () => {
  test('at most N a day in the funnel’s zone: the rest wait for tomorrow, the dry run says so, a capped tick reads no contact', async () => {
    const world = await makeWorld(IN_PROCESS);
    try {
      await world.seed(
        Array.from({ length: 5 }, (_, i) =>
          enrolled(String(i + 1), { phone: `+1212555${String(600 + i).padStart(4, '0')}` }),
        ),
      );
      const env = { SEND_DAILY_CAP: '3' };
      const dry = await world.run(['send', '--dry-run'], { env });
      expect(dry.stderr).toMatch(/SEND_DAILY_CAP 3: 0 sent today \(2026-12-01\), 3 more may go today/);
      expect(dry.stdout).toMatch(/would send 3,/);
      const r = await world.run(['send'], { env });
      expect(r.stdout).toBe('sent 3, skipped 0, failed 0, waiting for tomorrow (SEND_DAILY_CAP) 2\n');
      world.later(60 * 60_000);
      const capped = await world.run(['send'], { env });
      expect(capped.stdout).toMatch(/^sent 0: SEND_DAILY_CAP 3: 3 sent today \(2026-12-01\), 0 more/);
      expect(world.outbound()).toHaveLength(3);
      // the next day in New York (the funnel's zone), inside quiet hours
      world.at('2026-12-02T15:00:00Z');
      expect((await world.run(['send'], { env })).stdout).toMatch(/^sent 2,/);
      expect(world.outbound()).toHaveLength(5);
    } finally {
      await world.close();
    }
  });
});
