import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDataDir } from '../../src/adapters/store/index.js';
import { STATE } from '../../src/core/state-files.js';
import { DataError } from '../../src/errors.js';
import { tempDataDir } from './helpers.js';

const OK = '+15551234567';

test.each([
  ['missing id', `id,phone\n1,${OK}\n,${OK}\n`, /line 3, column "id" \(A\): the contact has no id/],
  [
    'duplicate id',
    `id,phone\n1,${OK}\n2,${OK}\n1,+15551234568\n`,
    /line 4, column "id" \(A\): the id "1" is already used on line 2/,
  ],
  ['missing phone', `id,phone\n1,\n`, /line 2, column "phone" \(B\): contact 1 has no phone/],
  [
    'phone in scientific notation',
    `id,phone\n1,1.55512E+10\n`,
    /line 2, column "phone" \(B\).*turned into a number by a spreadsheet/,
  ],
  [
    'time that is not ISO 8601',
    `id,phone,next_action_at\n1,${OK},tomorrow 9am\n`,
    /line 2, column "next_action_at" \(C\).*not an ISO 8601/,
  ],
  [
    'time without a zone',
    `id,phone,state,updated_at\n1,${OK},s,2026-12-01T09:00\n`,
    /line 2, column "updated_at" \(D\)/,
  ],
  [
    'duplicate column name',
    `id,phone,notes,phone\n1,${OK},,\n`,
    /line 1: the column name "phone" appears twice, in columns B and D/,
  ],
  [
    'more cells than the header',
    `id,phone\n1,${OK},Smith, John\n`,
    /line 2, column without a name \(C\): this row has 4 cells but the header has 2 columns/,
  ],
  [
    'a value under a nameless column',
    `id,phone,\n1,${OK},x\n`,
    /line 2, column without a name \(C\): the cell holds "x"/,
  ],
  ['no id column', `phone,name\n${OK},Ana\n`, /line 1: the header has no "id" column/],
  [
    'line counted after multi-line cells',
    `id,phone,notes\n1,${OK},"a\nb\nc"\n2,${OK},"x\r\ny"\n,${OK},\n`,
    /line 7, column "id" \(A\)/,
  ],
  [
    'unclosed quote',
    `id,phone,notes\n1,${OK},ok\n2,${OK},"never closed\n3,${OK},x\n`,
    /line 3: a quoted cell starts on this line and its closing " is missing/,
  ],
  ['text after a closing quote', `id,phone,notes\n1,${OK},"a"b\n`, /line 2: text follows the closing "/],
])('%s: exit 65 naming file, line and column, nothing written', async (_name, text, expected) => {
  const dir = tempDataDir();
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  const path = join(dir, 'contacts.csv');
  writeFileSync(path, text);
  const files = readdirSync(dir).sort();
  const error = await data.loadContacts().then(
    () => undefined,
    (e: unknown) => e,
  );
  const after = readdirSync(dir).sort();
  await data.close();
  expect(error).toBeInstanceOf(DataError);
  const dataError = error as DataError;
  expect(dataError.exitCode).toBe(65);
  expect(dataError.message).toContain(path);
  expect(dataError.message).toMatch(expected);
  expect(dataError.hint).toMatch(/Nothing was changed/);
  expect(readFileSync(path, 'utf8')).toBe(text);
  expect(after).toEqual(files);
});

test.each([
  ['2026-12-01T17:00:00Z'],
  ['2026-12-01T17:00:00.250Z'],
  ['2026-12-01T12:00:00-05:00'],
  ['2026-12-01 17:00:00+0100'],
  ['2026-12-01'],
])('the time %s is accepted', async (time) => {
  const dir = tempDataDir();
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  writeFileSync(join(dir, 'contacts.csv'), `id,phone,next_action_at\n1,${OK},${time}\n`);
  const { rows } = await data.loadContacts();
  await data.close();
  expect(rows[0]?.next_action_at).toBe(time);
});

test('a corrupt state file is bad data naming the file', async () => {
  const dir = tempDataDir();
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  writeFileSync(join(dir, STATE.pollCursor.file), '{"after": ');
  await expect(data.readState(STATE.pollCursor)).rejects.toMatchObject({
    exitCode: 65,
    message: expect.stringContaining(join(dir, STATE.pollCursor.file)),
  });
  expect(await data.readState(STATE.summary)).toBeUndefined();
  await data.close();
});

test('a state file of the wrong shape is bad data naming the file and each place; a cache is made again', async () => {
  const dir = tempDataDir();
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  // absent: what a run starts from
  expect(await data.readState(STATE.inbox)).toEqual({ replies: [] });
  expect(await data.readState(STATE.senderHold)).toBeNull();
  writeFileSync(
    join(dir, STATE.inbox.file),
    JSON.stringify({ replies: [{ sid: 'SM1', contactId: 7, from: '+15551234567', to: '', body: 'hi' }] }),
  );
  const error = await data.readState(STATE.inbox).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ exitCode: 65 });
  expect((error as Error).message).toContain(join(dir, STATE.inbox.file));
  expect((error as Error).message).toContain('replies[0].contactId: expected a string, found a number');
  expect((error as Error).message).toContain('replies[0].dateSent: missing');
  expect((error as { hint?: string }).hint).toMatch(/fix it, or move it out of the data dir/);
  writeFileSync(join(dir, STATE.handoff.file), '[]');
  await expect(data.readState(STATE.handoff)).rejects.toThrow(
    /the whole file: expected an object, found an array/,
  );
  // contacts.schedule.json only saves a read of contacts.csv: damaged, the next send plans afresh
  writeFileSync(join(dir, STATE.schedule.file), '{"nextDueAt": 5}');
  expect(await data.readState(STATE.schedule)).toBeNull();
  writeFileSync(join(dir, STATE.schedule.file), '{"nextDue');
  expect(await data.readState(STATE.schedule)).toBeNull();
  await data.close();
});

test('a file saved in a Windows code page (Excel\'s plain "CSV") is refused, not garbled', async () => {
  const dir = tempDataDir();
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  const path = join(dir, 'contacts.csv');
  const bytes = Buffer.concat([
    Buffer.from(`id,phone,first_name\n1,${OK},Ana\n2,${OK},Zo`),
    Buffer.from([0xeb]), // ë in Windows-1252
    Buffer.from('\n'),
  ]);
  writeFileSync(path, bytes);
  await expect(data.loadContacts()).rejects.toMatchObject({
    exitCode: 65,
    message: expect.stringMatching(/contacts\.csv line 3: the file is not UTF-8/),
    hint: expect.stringContaining('CSV UTF-8'),
  });
  await data.close();
  expect(readFileSync(path).equals(bytes)).toBe(true);
});
