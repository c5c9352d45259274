import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDataDir } from '../../src/adapters/store/index.js';
import { LATER_MESSAGE_COLUMNS, MESSAGE_COLUMNS, messageRow } from '../../src/core/model.js';
import { tempDataDir } from './helpers.js';

const HEADER = `${MESSAGE_COLUMNS.join(',')}\n`;

function sent(sid: string, body: string) {
  return messageRow({ logged_at: '2026-12-01T17:00:00Z', event: 'sent', sid, direction: 'outbound', body });
}

describe('messages.csv, the append-only log', () => {
  test('rows come back exactly, hostile bodies included, and the file starts with its header', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    expect(await data.readMessages()).toEqual([]);
    const rows = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', "'quoted", '', 'a, "b"\nc', 'Zoë 🚀'].map(
      (body, i) => sent(`SM${i}`, body),
    );
    await data.appendMessages(rows.slice(0, 4));
    await data.appendMessages(rows.slice(4));
    expect(await data.readMessages()).toEqual(rows);
    await data.close();
    const text = readFileSync(join(dir, 'messages.csv'), 'utf8');
    expect(text.startsWith(HEADER)).toBe(true);
    expect(text.split(HEADER)).toHaveLength(2); // the header only once
    expect(text).toContain(",'=1+1,");
    expect(text).toContain(",'@cmd,");
  });

  test('a bookmark (the size at one moment) reads back only the rows appended after it', async () => {
    const dir = tempDataDir();
    const store = await openDataDir({ dir, lockWaitSeconds: 1 });
    expect(await store.messagesSize()).toBe(0);
    await store.appendMessages([sent('SM1', 'first'), sent('SM2', 'second, with "quotes"\nand a line')]);
    const bookmark = await store.messagesSize();
    await store.appendMessages([sent('SM3', '=HYPERLINK("x")'), sent('SM4', 'fourth')]);
    expect((await store.readMessages(bookmark)).map((r) => [r.sid, r.body])).toEqual([
      ['SM3', '=HYPERLINK("x")'],
      ['SM4', 'fourth'],
    ]);
    expect(await store.readMessages(await store.messagesSize())).toEqual([]);
    expect(await store.readMessages()).toHaveLength(4);
    await store.close();
  });

  test("an append never changes the file's earlier bytes", async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    await data.appendMessages([sent('SM1', 'first'), sent('SM2', 'second\nline')]);
    const before = readFileSync(join(dir, 'messages.csv'));
    await data.appendMessages([sent('SM3', 'third')]);
    const after = readFileSync(join(dir, 'messages.csv'));
    await data.close();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
  });

  test('a torn last line (run killed mid-append) is ignored on read and cut off by the next append', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const path = join(dir, 'messages.csv');
    await data.appendMessages([sent('SM1', 'whole')]);
    const whole = readFileSync(path);
    appendFileSync(path, '2026-12-01T17:00:05Z,sent,SM2,outbound,c2,+1555,+1666,"half a bo');
    expect((await data.readMessages()).map((r) => r.sid)).toEqual(['SM1']);
    await data.appendMessages([sent('SM3', 'after the crash')]);
    const repaired = readFileSync(path);
    expect(repaired.subarray(0, whole.length).equals(whole)).toBe(true);
    expect(repaired.toString('utf8')).not.toContain('half a bo');
    expect((await data.readMessages()).map((r) => [r.sid, r.body])).toEqual([
      ['SM1', 'whole'],
      ['SM3', 'after the crash'],
    ]);
    await data.close();
  });

  test('a torn header (killed during the very first append) is replaced by a whole one', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    writeFileSync(join(dir, 'messages.csv'), 'logged_at,eve');
    expect(await data.readMessages()).toEqual([]);
    await data.appendMessages([sent('SM1', 'hello')]);
    expect(readFileSync(join(dir, 'messages.csv'), 'utf8').startsWith(HEADER)).toBe(true);
    expect((await data.readMessages()).map((r) => r.sid)).toEqual(['SM1']);
    await data.close();
  });

  test("extra columns are ignored on read, and appends follow the file's own column order", async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const order = ['note', ...[...MESSAGE_COLUMNS].reverse()];
    writeFileSync(join(dir, 'messages.csv'), `\uFEFF${order.join(',')}\r\n`);
    await data.appendMessages([sent('SM9', 'reordered')]);
    const [row] = await data.readMessages();
    await data.close();
    expect(row).toEqual(sent('SM9', 'reordered'));
    expect(Object.keys(row ?? {})).toEqual([...MESSAGE_COLUMNS]);
  });

  test('a log whose header lost a column is bad data, not silently misaligned', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    writeFileSync(join(dir, 'messages.csv'), 'sid,body\nSM1,hi\n');
    await expect(data.readMessages()).rejects.toMatchObject({
      exitCode: 65,
      message: expect.stringMatching(/line 1.*lacks the columns logged_at/),
    });
    await expect(data.appendMessages([sent('SM2', 'x')])).rejects.toMatchObject({ exitCode: 65 });
    expect(readFileSync(join(dir, 'messages.csv'), 'utf8')).toBe('sid,body\nSM1,hi\n');
    await data.close();
  });

  test('a log from before variants and prices loads, and gains those columns on the first row that fills one', async () => {
    const dir = tempDataDir();
    const path = join(dir, 'messages.csv');
    const old = MESSAGE_COLUMNS.filter((c) => !(LATER_MESSAGE_COLUMNS as readonly string[]).includes(c));
    const oldRow = (sid: string, body: string) =>
      old.map((c) => (c === 'sid' ? sid : c === 'body' ? body : c === 'event' ? 'sent' : '')).join(',');
    const before = `${old.join(',')}\n${oldRow('SM1', '"two\nlines"')}\n${oldRow('SM2', 'plain')}\n`;
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    writeFileSync(path, before);
    const rows = await data.readMessages();
    expect(rows.map((r) => [r.sid, r.body, r.variant, r.price])).toEqual([
      ['SM1', 'two\nlines', '', ''],
      ['SM2', 'plain', '', ''],
    ]);
    // a row with nothing in the new columns leaves the old header alone
    await data.appendMessages([sent('SM3', 'no variant')]);
    expect(readFileSync(path, 'utf8').startsWith(`${old.join(',')}\n`)).toBe(true);
    const headerBefore = await data.messagesHeaderBytes();
    await data.appendMessages([
      { ...sent('SM4', 'variant b'), variant: 'b', price: '-0.00790', price_unit: 'USD' },
    ]);
    const text = readFileSync(path, 'utf8');
    await data.close();
    expect(text.startsWith(`${old.join(',')},variant,price,price_unit\n`)).toBe(true);
    // every row logged before is still there, byte for byte
    expect(text.slice(text.indexOf('\n') + 1).startsWith(before.slice(before.indexOf('\n') + 1))).toBe(true);
    const again = await openDataDir({ dir, lockWaitSeconds: 1 });
    expect((await again.readMessages()).map((r) => [r.sid, r.variant, r.price, r.price_unit])).toEqual([
      ['SM1', '', '', ''],
      ['SM2', '', '', ''],
      ['SM3', '', '', ''],
      ['SM4', 'b', '-0.00790', 'USD'],
    ]);
    // the header grew: a bookmark taken before it no longer lines up, and says so
    expect(await again.messagesHeaderBytes()).toBe(headerBefore + ',variant,price,price_unit'.length);
    await again.close();
  });
});
