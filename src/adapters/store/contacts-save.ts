/**
 * contacts.csv written back: a table is compared with the source it carries (types.ts
 * ContactsSource), never with anything read since, so an operator's edit made after the load is
 * refused (the caller's `conflict` puts ours in a side file, exit 75). A table read through the
 * index has just its changed rows spliced in; any other is written whole. Either way the table's
 * source becomes what was written, so the same table can be saved again (send's checkpoints).
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { readyAt } from '../../core/contact-update.js';
import { CONTACT_COLUMNS, type Contact } from '../../core/model.js';
import { writeAtomic } from './atomic.js';
import { type ContactsPaths, saveIndex } from './contacts.js';
import { buildIndex, type ContactsIndex } from './contacts-index.js';
import { openIfExists } from './csv-read.js';
import { csvChunks, inColumnOrder } from './csv-write.js';
import { fingerprint, identify } from './file-identity.js';
import { ChangedOnDisk, changedRows, type PartialLoad, type RowChange, splice } from './partial-contacts.js';
import { byteLineBreaks, RecordScanner } from './record-scanner.js';
import type { ContactsTable } from './types.js';

/** Writes ours beside the file that changed and throws TempFailError (see DataDir). */
export type OnConflict = (table: ContactsTable) => Promise<never>;

export async function saveContacts(
  files: ContactsPaths,
  table: ContactsTable,
  conflict: OnConflict,
): Promise<void> {
  const source = table.source;
  if (source !== undefined && source.path !== files.path)
    throw new Error(`bug: a table loaded from ${source.path} is saved into ${files.path}`);
  const part = source?.part;
  // Written whole, a table of some contacts would drop all the others from the file.
  if ((part !== undefined || table.unloaded !== undefined) && table.rows !== part?.rows)
    throw new Error('bug: a table loaded in part can only be saved as itself, as loadContacts returned it');
  if (part !== undefined) return replaceRows(files, table, part, conflict);
  const onDisk = await identify(files.path);
  if (source === undefined && onDisk !== null)
    throw new Error(
      'bug: a table with no source may only create contacts.csv; save the table loadContacts returned (a table loaded in part only as itself)',
    );
  const expected = source?.file ?? null;
  const unchanged =
    onDisk === null
      ? expected === null
      : expected !== null && onDisk.size === expected.size && onDisk.hash === expected.hash;
  if (!unchanged) await conflict(table);
  await replaceContacts(files, table);
}

/** Writes back the rows of a table loaded in part: only those that changed, spliced into the file. */
async function replaceRows(
  files: ContactsPaths,
  table: ContactsTable,
  part: PartialLoad,
  conflict: OnConflict,
): Promise<void> {
  const changes = await changedRows(part, table);
  if (changes.length === 0) return;
  const handle = await openIfExists(files.path);
  const result = { size: 0, hash: '' };
  try {
    if (handle === undefined) throw new ChangedOnDisk();
    await writeAtomic(files.path, splice(handle, part, changes, result));
  } catch (error) {
    if (!(error instanceof ChangedOnDisk)) throw error;
    // The index may be what was wrong (a run killed between a save and its index): the next
    // run reads the whole file and indexes it afresh.
    await rm(files.indexPath, { force: true });
    await conflict(table);
  } finally {
    await handle?.close();
  }
  const now = await fingerprint(files.path);
  const file = { size: result.size, mtimeMs: now?.mtimeMs ?? 0, hash: result.hash };
  await saveIndex(files, updatedIndex(part, table, changes, file, readyAt));
  table.source = { path: files.path, file, part };
}

async function replaceContacts(files: ContactsPaths, table: ContactsTable): Promise<void> {
  const headers = columnsOf(table);
  const hash = createHash('sha256');
  const scanner = new RecordScanner();
  let size = 0;
  async function* hashed() {
    for await (const chunk of csvChunks(headers, inColumnOrder(headers, table.rows))) {
      const bytes = Buffer.from(chunk, 'utf8');
      hash.update(bytes);
      scanner.push(bytes);
      size += bytes.length;
      yield bytes;
    }
  }
  await writeAtomic(files.path, hashed());
  const file = { size, mtimeMs: (await fingerprint(files.path))?.mtimeMs ?? 0, hash: hash.digest('hex') };
  table.source = { path: files.path, file };
  const records = scanner.finish();
  if (records.starts.length === table.rows.length + 1) {
    const rowRecords = table.rows.map((_, i) => i + 1);
    await saveIndex(files, buildIndex(file, headers, table.rows, records, rowRecords, 0));
  }
}

/** The table's columns, plus standard ones it lacks and any field a row carries that no header names. */
export function columnsOf(table: ContactsTable): string[] {
  const headers = [...table.headers];
  const known = new Set(headers);
  for (const c of CONTACT_COLUMNS) {
    if (!known.has(c)) {
      headers.push(c);
      known.add(c);
    }
  }
  for (const row of table.rows) {
    for (const key in row) {
      if (!known.has(key)) {
        headers.push(key);
        known.add(key);
      }
    }
  }
  return headers;
}

/** The index after `changes` were written, for the new file (`file`: its size, mtime and hash). */
function updatedIndex(
  load: PartialLoad,
  table: ContactsTable,
  changes: readonly RowChange[],
  file: { size: number; mtimeMs: number; hash: string },
  readyAt: (contact: Contact) => number,
): ContactsIndex {
  const { index } = load;
  for (const contact of table.rows) {
    const row = load.rowOf.get(contact) as number;
    index.ids[row] = contact.id;
    index.phones[row] = contact.phone;
    index.readyAt[row] = readyAt(contact);
  }
  let shift = 0;
  let lineShift = 0;
  let next = 0;
  for (let row = 0; row < index.ids.length; row++) {
    const change = changes[next];
    index.starts[row] = (index.starts[row] as number) + shift;
    index.lines[row] = (index.lines[row] as number) + lineShift;
    if (change !== undefined && change.row === row) {
      const old = load.raw.get(row) as Buffer;
      shift += change.bytes.length - old.length;
      lineShift += byteLineBreaks(change.bytes) - byteLineBreaks(old);
      load.raw.set(row, change.bytes);
      next++;
    }
    index.ends[row] = (index.ends[row] as number) + shift;
  }
  index.size = file.size;
  index.mtimeMs = file.mtimeMs;
  index.hash = file.hash;
  return index;
}
