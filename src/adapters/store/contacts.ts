/**
 * contacts.csv read: whole, or just some rows through its index (contacts-index.ts,
 * partial-contacts.ts). Each load returns a table that carries its source (ContactsSource in
 * types.ts); nothing is remembered here between calls, so a later read (a lookup by phone) can
 * never change what a save compares against. Saving is contacts-save.ts.
 */
import { ContactsReader, isBlank } from './contacts-file.js';
import {
  buildIndex,
  type ContactSelection,
  type ContactsIndex,
  readIndex,
  writeIndex,
} from './contacts-index.js';
import { readCsv } from './csv-read.js';
import { fingerprint, sameFile } from './file-identity.js';
import { loadSelected } from './partial-contacts.js';
import { RecordScanner } from './record-scanner.js';
import type { ContactsTable } from './types.js';

/** contacts.csv and its index, absolute paths. */
export interface ContactsPaths {
  path: string;
  indexPath: string;
}

/**
 * The contacts (all, or with `select` those it names when the index is current). When the file is
 * read whole and `mayIndex` (the run holds the lock), the index is written afresh.
 */
export async function loadContacts(
  files: ContactsPaths,
  select: ContactSelection | undefined,
  mayIndex: boolean,
): Promise<ContactsTable> {
  if (select !== undefined) {
    const index = await currentIndex(files);
    const part = index === undefined ? undefined : await loadSelected(files.path, index, select);
    if (part !== undefined) return part;
  }
  const reader = new ContactsReader(files.path);
  const scanner = new RecordScanner();
  const rowRecords: number[] = [];
  let records = 0;
  let headerRecord = -1;
  const identity = await readCsv(
    files.path,
    files.path,
    (cells, line) => {
      const before = reader.rows.length;
      reader.add(cells, line);
      if (reader.rows.length > before) rowRecords.push(records);
      else if (headerRecord === -1 && !isBlank(cells)) headerRecord = records;
      records++;
    },
    { onBytes: (chunk) => scanner.push(chunk) },
  );
  const table: ContactsTable = {
    headers: reader.headers(),
    rows: reader.rows,
    source: { path: files.path, file: identity ?? null },
  };
  if (identity !== undefined && mayIndex) {
    const scanned = scanner.finish();
    // Indexed only when the records found are fast-csv's rows and the header needs no change.
    if (scanned.starts.length === records && reader.fileColumns().join('\n') === table.headers.join('\n'))
      await saveIndex(
        files,
        buildIndex(identity, table.headers, table.rows, scanned, rowRecords, headerRecord),
      );
  }
  return table;
}

/** See DataDir.contactIdsByPhone. */
export async function contactIdsByPhone(
  files: ContactsPaths,
  phones: Iterable<string>,
  loaded: ContactsTable | undefined,
  mayIndex: boolean,
): Promise<Map<string, string>> {
  const wanted = new Set(phones);
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const whole = loaded?.source !== undefined && loaded.source.part === undefined ? loaded : undefined;
  // A part-load of this run holds the index, kept current by its saves: not read again.
  const index =
    whole === undefined ? (loaded?.source?.part?.index ?? (await currentIndex(files))) : undefined;
  if (index !== undefined) {
    index.phones.forEach((phone, i) => {
      if (wanted.has(phone)) ids.set(phone, index.ids[i] as string);
    });
    return ids;
  }
  // A read for the answer only: the table it makes is dropped, no other table's source changes.
  const rows = (whole ?? (await loadContacts(files, undefined, mayIndex))).rows;
  for (const c of rows) if (wanted.has(c.phone)) ids.set(c.phone, c.id);
  return ids;
}

/** The index, if it describes contacts.csv as it is now. */
export async function currentIndex(files: ContactsPaths): Promise<ContactsIndex | undefined> {
  const now = await fingerprint(files.path);
  if (now === undefined) return undefined;
  const index = await readIndex(files.indexPath);
  return index !== undefined && sameFile(index, now) ? index : undefined;
}

/** Writes the index of contacts.csv as it is now (a save's rename keeps the temp file's mtime). */
export async function saveIndex(files: ContactsPaths, index: ContactsIndex | undefined): Promise<void> {
  if (index === undefined) return;
  const now = await fingerprint(files.path);
  if (now === undefined || now.size !== index.size) return;
  await writeIndex(files.indexPath, { ...index, mtimeMs: now.mtimeMs, ino: now.ino });
}
