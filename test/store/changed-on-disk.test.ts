import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDataDir } from '../../src/adapters/store/index.js';
import { CONTACT_COLUMNS, contactRow, messageRow } from '../../src/core/model.js';
import { STATE } from '../../src/core/state-files.js';
import { TempFailError } from '../../src/errors.js';
import { modeOf, tempDataDir, tempRoot } from './helpers.js';

const NOW = new Date('2026-12-01T17:00:00Z');

describe('a contacts.csv changed on disk since it was loaded is never overwritten', () => {
  test('an operator save between load and save: exit 75, their file kept, ours in the side file', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1, now: () => NOW });
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, 'id,phone,first_name\n1,+15551234567,Ana\n');
    const table = await data.loadContacts();
    const first = table.rows[0];
    if (first === undefined) throw new Error('no row');
    first.state = 'step_1';

    const theirs = 'id,phone,first_name\n1,+15551234567,Anna (fixed by hand)\n';
    writeFileSync(path, theirs);
    const error = await data.saveContacts(table).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TempFailError);
    const side = join(dir, 'contacts.conflict-20261201T170000Z.csv');
    expect((error as TempFailError).exitCode).toBe(75);
    expect((error as TempFailError).message).toContain(path);
    expect((error as TempFailError).message).toContain(side);
    expect((error as TempFailError).message).toMatch(/edit was kept/);
    expect((error as TempFailError).hint).toMatch(/Run again/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(modeOf(side)).toBe(0o600);

    // The side file is a contacts file holding our version.
    const other = join(tempRoot(), 'data');
    mkdirSync(other);
    copyFileSync(side, join(other, 'contacts.csv'));
    const reader = await openDataDir({ dir: other, lockWaitSeconds: 0, readOnly: true });
    expect((await reader.loadContacts()).rows).toEqual([first]);

    // A second conflict in the same second does not overwrite the first side file.
    await expect(data.saveContacts(table)).rejects.toBeInstanceOf(TempFailError);
    expect(existsSync(join(dir, 'contacts.conflict-20261201T170000Z-2.csv'))).toBe(true);
    await data.close();
  });

  test('a lookup by phone that reads the file again does not hide an edit made since the load (exit 75)', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1, now: () => NOW });
    const path = join(dir, 'contacts.csv');
    // a header without the funnel's columns: the file cannot be indexed, so each read is whole
    writeFileSync(path, 'id,phone,first_name\n1,+15551234567,Ana\n2,+15551234568,Ben\n');
    const table = await data.loadContacts({ ids: ['1'] });
    const first = table.rows.find((c) => c.id === '1');
    if (first === undefined) throw new Error('no row');
    first.error = 'unusable number (30005)';

    const theirs = 'id,phone,first_name\n1,+15551234567,Anna (fixed by hand)\n2,+15551234568,Ben\n';
    writeFileSync(path, theirs);
    // poll-replies looks up who wrote, between loading and saving
    expect(await data.contactIdsByPhone(['+15551234568'])).toEqual(new Map([['+15551234568', '2']]));
    await expect(data.saveContacts(table)).rejects.toBeInstanceOf(TempFailError);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    await data.close();
  });

  test('each table is saved against its own load: the older one is refused, the newer one saved', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1, now: () => NOW });
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, 'id,phone,first_name\n1,+15551234567,Ana\n');
    const older = await data.loadContacts();
    writeFileSync(path, 'id,phone,first_name\n1,+15551234567,Anna (fixed by hand)\n');
    const newer = await data.loadContacts();
    await expect(data.saveContacts(older)).rejects.toMatchObject({ exitCode: 75 });
    (newer.rows[0] as Record<string, string>).state = 'intro';
    await data.saveContacts(newer);
    expect((await data.loadContacts()).rows[0]).toMatchObject({
      first_name: 'Anna (fixed by hand)',
      state: 'intro',
    });
    await data.close();
  });

  test('a file created after loading an empty dir is not overwritten either', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const table = await data.loadContacts();
    writeFileSync(join(dir, 'contacts.csv'), 'id,phone\n9,+15550000009\n');
    table.rows.push(contactRow({ id: '1', phone: '+15551234567' }));
    await expect(data.saveContacts(table)).rejects.toMatchObject({ exitCode: 75 });
    expect(readFileSync(join(dir, 'contacts.csv'), 'utf8')).toBe('id,phone\n9,+15550000009\n');
    await data.close();
  });

  test('a touch that changes only the mtime is not a change; saves after saves work', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, 'id,phone\n1,+15551234567\n');
    const table = await data.loadContacts();
    utimesSync(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    await data.saveContacts(table);
    table.rows.push(contactRow({ id: '2', phone: '+15551234568' }));
    await data.saveContacts(table);
    expect((await data.loadContacts()).rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(readdirSync(dir).filter((f) => f.includes('conflict'))).toEqual([]);
    await data.close();
  });
});

describe('read-only (dry-run)', () => {
  test('creates nothing, takes no lock, and refuses every write', async () => {
    const dir = tempDataDir();
    const holder = await openDataDir({ dir, lockWaitSeconds: 1 }); // another run holds the lock
    await holder.saveContacts({
      headers: [...CONTACT_COLUMNS],
      rows: [contactRow({ id: '1', phone: '+15551234567' })],
    });
    const dry = await openDataDir({ dir, lockWaitSeconds: 0, readOnly: true });
    const table = await dry.loadContacts();
    expect(table.rows).toHaveLength(1);
    await expect(dry.saveContacts(table)).rejects.toThrow(/read-only/);
    await expect(dry.appendMessages([messageRow({ sid: 'SM1' })])).rejects.toThrow(/read-only/);
    await expect(dry.writeState(STATE.recentTexts, {})).rejects.toThrow(/read-only/);
    await expect(dry.writeCsv('x.csv', ['a'], [])).rejects.toThrow(/read-only/);
    await dry.close();
    await dry.close();
    await holder.close();
    expect(existsSync(join(dir, 'messages.csv'))).toBe(false);

    const missing = join(tempRoot(), 'nowhere');
    const empty = await openDataDir({ dir: missing, lockWaitSeconds: 0, readOnly: true });
    expect((await empty.loadContacts()).rows).toEqual([]);
    expect(await empty.readMessages()).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});
