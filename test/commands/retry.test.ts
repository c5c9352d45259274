/**
 * `smsfunnel retry`: the README's recipe for a fixed number. The contact gets again the text it
 * never received (the intro, not the follow-up the funnel moved on to), once, inside quiet hours.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DAY, enrolled, makeWorld, resultLine, texts, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const WRONG = '+12125550001';
const FIXED = '+12125550099';

function fixPhone(from: string, to: string): void {
  const file = join(world.dataDir, 'contacts.csv');
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

describe('retry', () => {
  test('an intro that failed on a wrong number: after the fix, retry sends the intro again, once', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1', { phone: WRONG }), enrolled('2')]);
    expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 0, failed 0');
    world.later(10 * 60_000);
    world.server.setStatus(world.outbound(WRONG)[0]?.sid as string, 'failed', 30006);
    expect((await world.run(['poll-replies'])).code).toBe(0);
    expect((await world.contact('1')).error).toMatch(/^unusable number/);

    fixPhone(WRONG, FIXED);
    const dry = await world.run(['retry', FIXED, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(resultLine(dry)).toMatch(/^dry run: contact 1 \(\+12125550099\): the intro text goes out again/);
    const r = await world.run(['retry', '(212) 555-0099']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toMatch(
      /the intro text goes out again at the next send \(its intro text of .* failed\)/,
    );

    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(FIXED).map((m) => m.body)).toEqual([texts.intro('Name1')]);
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 0, failed 0');
    // and the funnel goes on from there: the follow-up two days later, as for everyone
    world.later(2 * DAY);
    await world.run(['send']);
    expect(world.outbound(FIXED).map((m) => m.body)).toEqual([
      texts.intro('Name1'),
      texts.follow_up('Name1'),
    ]);
  });

  test('a follow-up that failed is the one sent again', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([enrolled('1', { phone: WRONG })]);
    await world.run(['send']);
    world.later(2 * DAY);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    world.later(10 * 60_000);
    world.server.setStatus(world.outbound(WRONG)[1]?.sid as string, 'undelivered', 30005);
    await world.run(['poll-replies']);
    fixPhone(WRONG, FIXED);
    expect(resultLine(await world.run(['retry', '1']))).toMatch(/the follow_up text goes out again/);
    await world.run(['send']);
    expect(world.outbound(FIXED).map((m) => m.body)).toEqual([texts.follow_up('Name1')]);
  });

  test('refused: an opted-out contact, a contact with nothing to retry, an unknown one', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([
      enrolled('1'),
      enrolled('2', { opted_out_at: '2026-11-30T10:00:00Z', state: 'opted_out.intro' }),
    ]);
    await world.run(['send']);
    // what a refusal must not touch (contacts.csv.index is a cache a full read may refresh)
    const files = () => {
      const all = world.snapshot();
      all.delete('contacts.csv.index');
      return all;
    };
    const before = files();
    const optedOut = await world.run(['retry', '2']);
    expect(optedOut.code).toBe(65);
    expect(optedOut.stderr).toMatch(/contact 2 .* opted out: it is never texted again/);
    const nothing = await world.run(['retry', '1']);
    expect(nothing.code).toBe(65);
    expect(nothing.stderr).toMatch(/nothing to retry/);
    const unknown = await world.run(['retry', '+19995550000']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/no contact has the id or phone \+19995550000/);
    expect(files()).toEqual(before);
  });
});
