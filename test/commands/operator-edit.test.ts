/**
 * An operator saves contacts.csv while a run works on it: through the built binary, the edit is
 * kept and the run stops with exit 75 (README: "a file changed under us — try later"), its own
 * changes in a side file. The moment is chosen without sleeping: the local Twilio server runs the
 * edit when the run's request arrives, before answering it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { enrolled, makeWorld, OUR_NUMBER, resultLine, type World } from './world.js';

let world: World;
afterEach(async () => {
  await world?.close();
});

const LIST = 'GET /Messages.json';

/** contacts.csv without its (empty) email column, as a spreadsheet user might leave it. */
function dropEmailColumn(text: string): string {
  const lines = text.split('\n');
  const at = (lines[0] ?? '').split(',').indexOf('email');
  if (at < 0) throw new Error('no email column in contacts.csv');
  return lines.map((line) => (line === '' ? line : line.split(',').toSpliced(at, 1).join(','))).join('\n');
}

describe('an operator edit of contacts.csv during poll-replies', () => {
  test('a file that cannot be indexed, edited while replies are listed: exit 75, the edit kept', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1'), enrolled('2')]);
    expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 0, failed 0');
    const [one, two] = [enrolled('1').phone as string, enrolled('2').phone as string];
    world.later(10 * 60_000);
    // a final delivery result moves contact 1 (contacts.csv is loaded to save it), and contact 2
    // writes back (its id is looked up by phone, which reads the file again: it has no index)
    world.server.setStatus(world.outbound(one)[0]?.sid as string, 'undelivered', 30005);
    world.server.injectInbound({ from: two, to: OUR_NUMBER, body: 'who is this?', at: world.now });
    const path = join(world.dataDir, 'contacts.csv');
    // A header missing a standard column is one the store cannot index (it would add the column).
    writeFileSync(path, dropEmailColumn(readFileSync(path, 'utf8')));

    let theirs = '';
    const stop = world.server.onRequest(LIST, () => {
      stop();
      theirs = readFileSync(path, 'utf8').replace(',Name2,', ',Name2 (fixed by hand),');
      writeFileSync(path, theirs);
    });
    const r = await world.run(['poll-replies']);
    expect(theirs).toContain('Name2 (fixed by hand)');
    expect(r.code, r.stderr).toBe(75);
    expect(r.stderr).toMatch(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });
});
