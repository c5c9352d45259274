import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import { describe, expect, test } from 'vitest';
import { openDataDir } from '../../src/adapters/store/index.js';
import { CONTACT_COLUMNS, contactRow } from '../../src/core/model.js';
import { STATE } from '../../src/core/state-files.js';
import { modeOf, tempDataDir } from './helpers.js';

/** Cells a reply or a spreadsheet may hold; every one must come back exactly. */
const AWKWARD = [
  'Zoë 🚀 日本語',
  'a, b, c',
  'she said "hi"',
  'line one\nline two',
  'windows\r\nline',
  '=1+1',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  '\tx',
  '\rcr',
  "'quoted",
  "''twice",
  '',
  '  padded  ',
  '-5',
  '+3.25',
  '+15551234567',
];

/** Raw cells of a CSV text, without the store's un-escaping: what a spreadsheet would see. */
function rawCells(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

function expectNoFormulaCells(rows: string[][]): void {
  for (const row of rows) {
    for (const cell of row) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]?\d+(\.\d+)?$/);
    }
  }
}

describe('contacts.csv round trip', () => {
  test('load -> save -> load gives back every value exactly, custom columns in their place', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const table = await data.loadContacts();
    expect(table).toEqual({ headers: [...CONTACT_COLUMNS], rows: [], source: expect.anything() });
    const rows = AWKWARD.map((value, i) =>
      contactRow({
        id: `c${i}`,
        phone: '+15551230000',
        first_name: value,
        notes: value,
        'Lead source': `${value}!`,
      }),
    );
    await data.saveContacts({ headers: [...table.headers, 'notes', 'Lead source'], rows });
    const again = await data.loadContacts();
    expect(again.rows).toEqual(rows);
    expect(again.headers).toEqual([...CONTACT_COLUMNS, 'notes', 'Lead source']);
    await data.saveContacts(again); // a second save in the same run is fine
    expect((await data.loadContacts()).rows).toEqual(rows);
    await data.close();

    const text = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(text.startsWith(`${CONTACT_COLUMNS.join(',')},notes,Lead source\n`)).toBe(true);
    expect(text).toContain("'=HYPERLINK(");
    expectNoFormulaCells(await rawCells(text));
  });

  test('files are 0600 and a new data dir is 0700; no temp file is left behind', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    await data.saveContacts({
      headers: [...CONTACT_COLUMNS],
      rows: [contactRow({ id: '1', phone: '+15551234567' })],
    });
    await data.appendMessages([]);
    await data.writeState(STATE.pollCursor, { after: '2026-12-01T00:00:00Z', seen: [] });
    const rejects = await data.writeCsv('rejects-test', ['line', 'reason'], [{ line: '2', reason: '=bad' }]);
    const { messageRow } = await import('../../src/core/model.js');
    await data.appendMessages([messageRow({ sid: 'SM1', body: 'hi' })]);
    await data.close();
    expect(modeOf(dir)).toBe(0o700);
    for (const file of ['contacts.csv', 'messages.csv', STATE.pollCursor.file, 'rejects-test.csv']) {
      expect(modeOf(join(dir, file)), file).toBe(0o600);
    }
    expect(rejects).toBe(join(dir, 'rejects-test.csv'));
    expect(readFileSync(rejects, 'utf8')).toBe("line,reason\n2,'=bad\n");
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('an operator-ordered file keeps its order; missing standard columns are added at the end', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    writeFileSync(join(dir, 'contacts.csv'), 'Notes,phone,id,first_name\nVIP,+15551234567,7,Ana\n');
    const table = await data.loadContacts();
    expect(table.headers.slice(0, 4)).toEqual(['Notes', 'phone', 'id', 'first_name']);
    expect(table.headers.slice(4)).toEqual(
      CONTACT_COLUMNS.filter((c) => !['phone', 'id', 'first_name'].includes(c)),
    );
    expect(table.rows[0]).toMatchObject({ Notes: 'VIP', id: '7', state: '', category: '' });
    await data.saveContacts(table);
    await data.close();
    const header = readFileSync(join(dir, 'contacts.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(table.headers.join(','));
  });

  test('a file saved by Excel loads: BOM, CRLF, phone without +, trailing empty columns and rows', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const excel =
      '\uFEFFid,phone,first_name,notes,,\r\n' +
      '1,15551234567,Ana,"two\r\nlines",,\r\n' +
      '2,+447700900123,Bø,,,\r\n' +
      ',,,,,\r\n' +
      ',,,,,\r\n';
    writeFileSync(join(dir, 'contacts.csv'), excel);
    const table = await data.loadContacts();
    expect(table.headers.slice(0, 4)).toEqual(['id', 'phone', 'first_name', 'notes']);
    expect(table.headers).not.toContain('');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toMatchObject({
      id: '1',
      phone: '+15551234567',
      first_name: 'Ana',
      notes: 'two\r\nlines',
    });
    expect(table.rows[1]).toMatchObject({ id: '2', phone: '+447700900123', first_name: 'Bø' });
    await data.saveContacts(table);
    await data.close();
    const saved = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(saved.startsWith('id,phone,first_name,notes,last_name,email,')).toBe(true);
    expect(saved.charCodeAt(0)).not.toBe(0xfeff);
    expect(saved.split('\n')[0]).not.toContain('\r');
  });

  test('a write that fails half way leaves the old file whole and no temp file', async () => {
    const dir = tempDataDir();
    const data = await openDataDir({ dir, lockWaitSeconds: 1 });
    const good = [contactRow({ id: '1', phone: '+15551234567' })];
    const saved = { headers: [...CONTACT_COLUMNS], rows: good };
    await data.saveContacts(saved);
    const before = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    const many = Array.from({ length: 12000 }, (_, i) => contactRow({ id: `n${i}`, phone: '+15551234567' }));
    // A row that blows up when read, after several batches went to the temp file.
    many.push(
      new Proxy(contactRow({ id: 'bad', phone: '+1' }), {
        get() {
          throw new Error('disk went away');
        },
      }),
    );
    await expect(data.saveContacts({ ...saved, rows: many })).rejects.toThrow('disk went away');
    expect(readFileSync(join(dir, 'contacts.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await data.close();
  });

  test('temp files a killed run left behind are swept when the next run opens the dir', async () => {
    const dir = tempDataDir();
    const first = await openDataDir({ dir, lockWaitSeconds: 1 });
    await first.close();
    writeFileSync(join(dir, '.contacts.csv.4242.0badf00d.tmp'), 'half');
    const second = await openDataDir({ dir, lockWaitSeconds: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await second.close();
  });
});
