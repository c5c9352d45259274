/**
 * A quiet cron tick decides "nothing due" from the schedule the last full `send` recorded, without
 * parsing contacts.csv — and any edit of contacts.csv sends the next run down the full path.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DAY, enrolled, example, HOUR, makeWorld, resultLine, T0, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

describe('the quiet tick', () => {
  test('nothing due: decided without reading contacts.csv; an edit is noticed', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1'), enrolled('2', { next_action_at: '2026-12-03T17:00:00Z' })]);
    world.at(T0);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');

    // Same size, same modification time, but no longer a contact list: the quiet tick does not
    // read it, so it cannot tell. (A real edit changes the time; see below.)
    const file = join(world.dataDir, 'contacts.csv');
    const { size, mtime } = statSync(file);
    const original = readFileSync(file);
    writeFileSync(file, 'x'.repeat(size));
    utimesSync(file, mtime, mtime);
    world.later(HOUR);
    const quiet = await world.run(['send']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(resultLine(quiet)).toBe('sent 0, skipped 0, failed 0');

    // Any write changes the time: the next tick reads the file and refuses it.
    writeFileSync(file, 'x'.repeat(size));
    const full = await world.run(['send']);
    expect(full.code).toBe(65);
    writeFileSync(file, original);

    // An operator brings contact 2 forward in a spreadsheet: the next tick sends it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('2026-12-03T17:00:00Z', '2026-12-01T17:00:00Z'));
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound()).toHaveLength(2);
  });

  test('a contact waiting for its quiet hours is reported the same way, and texted when its window opens', async () => {
    world = await makeWorld(IN_PROCESS);
    // Due since 15:00Z, but 16:00Z is 08:00 in Los Angeles: outside the 09:00–20:00 window.
    await world.seed([enrolled('1', { phone: '+14155550142', next_action_at: '2026-12-01T15:00:00Z' })]);
    world.at('2026-12-01T16:00:00Z');
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 1 (quiet hours 1), failed 0');
    const before = world.snapshot();
    world.later(30 * 60_000);
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 1 (quiet hours 1), failed 0');
    expect(world.snapshot()).toEqual(before); // the quiet tick wrote nothing
    world.at('2026-12-01T17:00:00Z');
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    world.later(2 * DAY);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0'); // follow_up
  });

  test('widening the quiet hours in the funnel file is noticed by the next tick', async () => {
    world = await makeWorld(IN_PROCESS);
    // 16:00Z is 08:00 in Los Angeles: before the example's 09:00 start.
    await world.seed([enrolled('1', { phone: '+14155550142', next_action_at: '2026-12-01T15:00:00Z' })]);
    world.at('2026-12-01T16:00:00Z');
    expect(resultLine(await world.run(['send']))).toBe('sent 0, skipped 1 (quiet hours 1), failed 0');

    // The operator opens the window at 08:00; contacts.csv is untouched, the funnel file is not.
    writeFileSync(world.funnelFile, example.replace('start: "09:00"', 'start: "08:00"'));
    world.later(10 * 60_000);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound('+14155550142')).toHaveLength(1);
  });
});
