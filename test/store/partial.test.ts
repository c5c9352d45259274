/**
 * Loading and saving some contacts of many through the index of contacts.csv: the rows read are
 * the ones asked for, a save replaces just the rows that changed and leaves every other byte as
 * it was, and anything that makes the index doubtful (an operator's save, a file changed under a
 * run) sends the store back to the whole file or stops the run without writing.
 */
import { existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import { describe, expect, test } from 'vitest';
import { type DataDir, openDataDir } from '../../src/adapters/store/index.js';
import { RecordScanner } from '../../src/adapters/store/record-scanner.js';
import { CONTACT_COLUMNS, contactRow } from '../../src/core/model.js';
import { TempFailError } from '../../src/errors.js';
import { prng } from '../helpers/world.js';
import { tempDataDir } from './helpers.js';

const NOW = Date.parse('2026-12-01T17:00:00Z');
const iso = (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`;

function contacts(n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    return contactRow({
      id: String(i),
      phone: `+1212555${String(i).padStart(4, '0')}`,
      first_name: i % 7 === 0 ? `Line one\nline "two" of ${i}` : `Name${i}`,
      state: 'intro',
      // every tenth is due an hour ago, the rest tomorrow; contact 5 has opted out
      next_action_at: iso(i % 10 === 0 ? NOW - 3_600_000 : NOW + 86_400_000),
      opted_out_at: i === 5 ? iso(NOW - 1000) : '',
    });
  });
}

async function open(dir: string, readOnly = false): Promise<DataDir> {
  return openDataDir({ dir, lockWaitSeconds: 1, readOnly, now: () => new Date(NOW) });
}

/** A data dir whose contacts.csv (n contacts) and index the store wrote. */
async function seeded(n: number): Promise<string> {
  const dir = tempDataDir();
  const data = await open(dir);
  await data.saveContacts({ headers: [...CONTACT_COLUMNS], rows: contacts(n) });
  await data.close();
  return dir;
}

describe('some contacts of many', () => {
  test('only the rows asked for are loaded, and a save changes only theirs', async () => {
    const dir = await seeded(500);
    const path = join(dir, 'contacts.csv');
    const before = readFileSync(path, 'utf8');
    expect(existsSync(join(dir, 'contacts.csv.index'))).toBe(true);

    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['7', '300'], phones: ['+12125550042'] });
    expect(table.rows.map((c) => c.id)).toEqual(['7', '42', '300']);
    expect(table.rows[0]?.first_name).toBe('Line one\nline "two" of 7');
    expect(table.unloaded?.count).toBe(497);
    // the earliest of the rest is contact 10, due an hour ago
    expect(table.unloaded?.earliestReadyAt).toBe(NOW - 3_600_000);

    Object.assign(table.rows[0] as object, { state: 'follow_up', first_name: 'Seven' });
    Object.assign(table.rows[2] as object, { state: 'done', first_name: 'Three "hundred"\r\nlines' });
    await data.saveContacts(table);
    await data.close();

    const expected = contacts(500);
    Object.assign(expected[6] as object, { state: 'follow_up', first_name: 'Seven' });
    Object.assign(expected[299] as object, { state: 'done', first_name: 'Three "hundred"\r\nlines' });
    const reader = await open(dir, true);
    expect((await reader.loadContacts()).rows).toEqual(expected);
    // byte for byte what a whole-file save of the same contacts writes
    const other = tempDataDir();
    const full = await open(other);
    await full.saveContacts({ headers: [...CONTACT_COLUMNS], rows: expected });
    await full.close();
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(other, 'contacts.csv'), 'utf8'));
    expect(readFileSync(path, 'utf8')).not.toBe(before);

    // the updated index finds rows after the ones that grew, and their lines for errors
    const again = await open(dir);
    const some = await again.loadContacts({ ids: ['301', '500'] });
    expect(some.rows.map((c) => c.id)).toEqual(['301', '500']);
    expect(some.unloaded?.count).toBe(498);
    await again.close();
  });

  test('ready by now: every due contact, none opted out; nothing changed, nothing written', async () => {
    const dir = await seeded(200);
    const path = join(dir, 'contacts.csv');
    const mtime = statSync(path).mtimeMs;
    const data = await open(dir);
    const table = await data.loadContacts({ readyBy: NOW });
    expect(table.rows.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, k) => String(10 * (k + 1))));
    expect(table.unloaded?.earliestReadyAt).toBe(NOW + 86_400_000);
    await data.saveContacts(table);
    await data.close();
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  test('after an operator saves the file, the whole file is read (and indexed again)', async () => {
    const dir = await seeded(50);
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Name3,', 'Name three,'));
    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['3'] });
    expect(table.unloaded).toBeUndefined();
    expect(table.rows).toHaveLength(50);
    expect(table.rows[2]?.first_name).toBe('Name three');
    await data.close();
    const next = await open(dir);
    const some = await next.loadContacts({ ids: ['3'] });
    expect(some.rows.map((c) => c.first_name)).toEqual(['Name three']);
    await next.close();
  });

  test('a file changed under the run, even keeping its size and time: exit 75, their file kept', async () => {
    const dir = await seeded(50);
    const path = join(dir, 'contacts.csv');
    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['20'] });
    (table.rows[0] as Record<string, string>).state = 'done';

    const stat = statSync(path);
    const theirs = readFileSync(path, 'utf8').replace('Name22,', 'Name2X,');
    writeFileSync(path, theirs);
    utimesSync(path, stat.atime, stat.mtime);
    const error = await data.saveContacts(table).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TempFailError);
    expect((error as TempFailError).message).toMatch(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    const side = (error as TempFailError).message.match(/changes are in (\S+)\./)?.[1] as string;
    expect(readFileSync(side, 'utf8')).toContain('20,+12125550020,Name20,,,done');
    await data.close();
    // the index that could not be trusted is gone: the next run reads their file whole
    expect(existsSync(join(dir, 'contacts.csv.index'))).toBe(false);
    const next = await open(dir);
    const table2 = await next.loadContacts({ ids: ['22'] });
    expect(table2.unloaded).toBeUndefined();
    expect(table2.rows[21]?.first_name).toBe('Name2X');
    await next.close();
  });

  test('a file replaced by another of the same size and time (a new inode) is not taken for the indexed one', async () => {
    const dir = await seeded(40);
    const path = join(dir, 'contacts.csv');
    const stat = statSync(path);
    const copy = `${path}.new`;
    writeFileSync(copy, readFileSync(path, 'utf8').replace('Name11,', 'Name1X,'));
    utimesSync(copy, stat.atime, stat.mtime);
    renameSync(copy, path);
    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['11'] });
    expect(table.unloaded).toBeUndefined();
    expect(table.rows[10]?.first_name).toBe('Name1X');
    await data.close();
  });

  test("an operator's file (BOM, CRLF, blank lines, custom columns) is indexed and patched in place", async () => {
    const dir = tempDataDir();
    const data = await open(dir);
    await data.close();
    const path = join(dir, 'contacts.csv');
    const header = [...CONTACT_COLUMNS, 'notes'].join(',');
    const row = (id: number, notes: string) =>
      `${id},+1305555${String(id).padStart(4, '0')},N${id},,,intro,,${iso(NOW + 86_400_000)},,,,,,${notes}`;
    const text = `\uFEFF${header}\r\n${row(1, '"multi\r\nline"')}\r\n\r\n${row(2, 'plain')}\r\n${row(3, '"a, b"')}`;
    writeFileSync(path, text);
    const first = await open(dir);
    expect((await first.loadContacts()).rows).toHaveLength(3);
    await first.close();

    const second = await open(dir);
    const table = await second.loadContacts({ ids: ['3'] });
    expect(table.rows.map((c) => [c.id, c.notes])).toEqual([['3', 'a, b']]);
    (table.rows[0] as Record<string, string>).state = 'done';
    await second.saveContacts(table);
    await second.close();
    const after = readFileSync(path, 'utf8');
    // everything before contact 3 is byte for byte the operator's
    expect(after.startsWith(text.slice(0, text.indexOf('3,+1305')))).toBe(true);
    const reader = await open(dir, true);
    const rows = (await reader.loadContacts()).rows;
    expect(rows.map((c) => [c.id, c.state, c.notes])).toEqual([
      ['1', 'intro', 'multi\r\nline'],
      ['2', 'intro', 'plain'],
      ['3', 'done', 'a, b'],
    ]);
  });

  test('ids by phone: from the index without reading rows, from the file when the index is stale', async () => {
    const dir = await seeded(100);
    const data = await open(dir);
    const phones = ['+12125550007', '+12125550099', '+19999999999'];
    expect(await data.contactIdsByPhone(phones)).toEqual(
      new Map([
        ['+12125550007', '7'],
        ['+12125550099', '99'],
      ]),
    );
    await data.close();
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('+12125550099', '+19999999999'));
    const after = await open(dir, true);
    expect(await after.contactIdsByPhone(phones)).toEqual(
      new Map([
        ['+12125550007', '7'],
        ['+19999999999', '99'],
      ]),
    );
    await after.close();
  });

  test('a table of some contacts is never written as the whole file', async () => {
    const dir = await seeded(20);
    const path = join(dir, 'contacts.csv');
    const before = readFileSync(path, 'utf8');
    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['3'] });
    await expect(data.saveContacts({ ...table, rows: [...table.rows] })).rejects.toThrow(/loaded in part/);
    await expect(data.saveContacts({ headers: table.headers, rows: table.rows })).rejects.toThrow(
      /loaded in part/,
    );
    await data.close();
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('a deleted or damaged index only costs a whole read', async () => {
    const dir = await seeded(30);
    writeFileSync(join(dir, 'contacts.csv.index'), 'not an index');
    const data = await open(dir);
    const table = await data.loadContacts({ ids: ['4'] });
    expect(table.rows).toHaveLength(30);
    await data.close();
  });
});

describe('the record scanner agrees with fast-csv', () => {
  const rowsOf = (text: string) =>
    new Promise<string[][]>((resolve, reject) => {
      const rows: string[][] = [];
      parseString(text, { headers: false, ignoreEmpty: false })
        .on('data', (r: string[]) => rows.push(r))
        .on('error', reject)
        .on('end', () => resolve(rows));
    });

  test('on random files of quoted cells, line breaks of every kind and blank rows, fed in random chunks', async () => {
    const random = prng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    const pieces = ['a', 'b c', '', '""', '"x,y"', '"q""q"', '"1\n2"', '"3\r\n4"', '"5\r6"', 'é'];
    for (let round = 0; round < 200; round++) {
      const records: string[] = [];
      const count = 1 + Math.floor(random() * 8);
      for (let r = 0; r < count; r++) {
        const cells = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pieces));
        records.push(random() < 0.1 ? '' : cells.join(','));
      }
      const ends = records.map(() => pick(['\n', '\r\n', '\r']));
      const text = records
        .map((r, i) => r + (i === records.length - 1 && random() < 0.3 ? '' : ends[i]))
        .join('');
      const bytes = Buffer.from(text, 'utf8');
      const scanner = new RecordScanner();
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 5);
        scanner.push(bytes.subarray(at, at + size));
        at += size;
      }
      const found = scanner.finish();
      const whole = await rowsOf(text);
      expect(found.starts.length, JSON.stringify(text)).toBe(whole.length);
      for (let i = 0; i < found.starts.length; i++) {
        const slice = bytes.subarray(found.starts[i], found.ends[i]).toString('utf8');
        expect(await rowsOf(slice), JSON.stringify({ text, i, slice })).toEqual([whole[i]]);
      }
    }
  });
});
