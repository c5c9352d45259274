/**
 * Some contacts of contacts.csv, through its index (see contacts-index.ts): reading just their
 * rows, and writing the file back with just those rows replaced, every other byte copied as it
 * was. The copy is checked as it goes: the file must still hash to what the index recorded, and
 * each replaced row must still hold the bytes that were loaded, or nothing is replaced.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Contact } from '../../core/model.js';
import { formulaSafe } from './cells.js';
import { ContactsReader, isBlank } from './contacts-file.js';
import type { ContactSelection, ContactsIndex } from './contacts-index.js';
import { selectRows } from './contacts-index.js';
import { openIfExists, parseCsvBytes } from './csv-read.js';
import { csvText, inColumnOrder } from './csv-write.js';
import { RecordScanner } from './record-scanner.js';
import type { ContactsTable } from './types.js';

/** Ranges closer than this are read in one go. */
const READ_GAP = 64 * 1024;
const COPY_CHUNK = 1024 * 1024;

/** What a table loaded through the index came from (its `source.part`). */
export interface PartialLoad {
  index: ContactsIndex;
  /** the rows array loaded: only that array may be saved into the file this way */
  rows: Contact[];
  /** the index row of each loaded contact */
  rowOf: Map<Contact, number>;
  /** the bytes each loaded row had in the file, by index row */
  raw: Map<number, Buffer>;
}

/** The file no longer is the one indexed and loaded: someone else wrote it. */
export class ChangedOnDisk extends Error {}

/**
 * The selected contacts, read through the index, as a table whose source is this part-load;
 * undefined when the rows found are not the ones the index promised (a stale index: the caller
 * reads the whole file instead).
 */
export async function loadSelected(
  path: string,
  index: ContactsIndex,
  select: ContactSelection,
): Promise<ContactsTable | undefined> {
  const picked = selectRows(index, select);
  const handle = await openIfExists(path);
  if (handle === undefined) return undefined;
  const raw = new Map<number, Buffer>();
  let header: Buffer;
  try {
    header = await readRange(handle, 0, index.headerEnd);
    for (const [from, to] of coalesce(index, picked)) {
      const start = index.starts[picked[from] as number] as number;
      const block = await readRange(handle, start, index.ends[picked[to] as number] as number);
      for (let k = from; k <= to; k++) {
        const row = picked[k] as number;
        raw.set(
          row,
          block.subarray((index.starts[row] as number) - start, (index.ends[row] as number) - start),
        );
      }
    }
  } finally {
    await handle.close();
  }
  if (header[0] === 0xef && header[1] === 0xbb && header[2] === 0xbf) header = header.subarray(3);
  const parts: Buffer[] = [withLineEnd(header)];
  for (const row of picked) parts.push(withLineEnd(raw.get(row) as Buffer));

  const reader = new ContactsReader(path);
  let headerSeen = false;
  let k = 0;
  await parseCsvBytes(Buffer.concat(parts), path, path, (cells, line) => {
    if (headerSeen) {
      reader.add(cells, index.lines[picked[k++] as number] ?? line);
      return;
    }
    headerSeen = !isBlank(cells);
    reader.add(cells, line);
  });
  const rows = reader.rows;
  if (rows.length !== picked.length || rows.some((c, i) => c.id !== index.ids[picked[i] as number]))
    return undefined;
  const headers = reader.headers();
  if (headers.join('\n') !== index.headers.join('\n')) return undefined;

  const pickedSet = new Set(picked);
  let earliest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < index.ids.length; i++)
    if (!pickedSet.has(i)) earliest = Math.min(earliest, index.readyAt[i] as number);
  return {
    headers,
    rows,
    unloaded: { count: index.ids.length - rows.length, earliestReadyAt: earliest },
    source: {
      path,
      file: { size: index.size, mtimeMs: index.mtimeMs, hash: index.hash },
      part: { index, rows, rowOf: new Map(rows.map((c, i) => [c, picked[i] as number])), raw },
    },
  };
}

export interface RowChange {
  row: number;
  bytes: Buffer;
}

/** The loaded rows whose text differs from what the file holds, in file order. */
export async function changedRows(load: PartialLoad, table: ContactsTable): Promise<RowChange[]> {
  const columns = load.index.headers;
  for (const contact of table.rows) {
    if (!load.rowOf.has(contact))
      throw new Error('bug: a contact was added to a partly loaded table (load all contacts to add one)');
    for (const key in contact)
      if (!columns.includes(key))
        throw new Error(
          `bug: column "${key}" was added to a partly loaded table (load all contacts to add one)`,
        );
  }
  if (table.rows.length === 0) return [];
  const cells = [...inColumnOrder(columns, table.rows)].map((r) => r.map(formulaSafe));
  const bytes = Buffer.from(await csvText(cells), 'utf8');
  const scanner = new RecordScanner();
  scanner.push(bytes);
  const { starts, ends } = scanner.finish();
  const changes: RowChange[] = [];
  table.rows.forEach((contact, i) => {
    const row = load.rowOf.get(contact) as number;
    const text = bytes.subarray(starts[i] as number, ends[i] as number);
    if (!text.equals(load.raw.get(row) as Buffer)) changes.push({ row, bytes: Buffer.from(text) });
  });
  return changes.sort((a, b) => a.row - b.row);
}

/**
 * The new file's bytes: the old file read once from start to end, with `changes` spliced in.
 * Throws ChangedOnDisk, at the latest after the last chunk, when the old file is not the indexed
 * one. `result` receives the new file's size and hash once all is yielded.
 */
export async function* splice(
  handle: FileHandle,
  load: PartialLoad,
  changes: readonly RowChange[],
  result: { size: number; hash: string },
): AsyncGenerator<Buffer> {
  const { index } = load;
  const oldHash = createHash('sha256');
  const newHash = createHash('sha256');
  let size = 0;
  let pos = 0;
  let next = 0;
  /** the old bytes of the row being replaced, when it spans chunks */
  let old: Buffer[] = [];
  for await (const chunk of handle.createReadStream({
    start: 0,
    highWaterMark: COPY_CHUNK,
    autoClose: false,
  })) {
    const bytes = chunk as Buffer;
    oldHash.update(bytes);
    const out: Buffer[] = [];
    const chunkStart = pos;
    const chunkEnd = pos + bytes.length;
    const piece = (from: number, to: number) => bytes.subarray(from - chunkStart, to - chunkStart);
    while (pos < chunkEnd) {
      const change = changes[next];
      if (change === undefined) {
        out.push(piece(pos, chunkEnd));
        pos = chunkEnd;
        break;
      }
      const start = index.starts[change.row] as number;
      const end = index.ends[change.row] as number;
      if (pos < start) {
        const to = Math.min(start, chunkEnd);
        out.push(piece(pos, to));
        pos = to;
        continue;
      }
      const to = Math.min(end, chunkEnd);
      old.push(piece(pos, to));
      pos = to;
      if (pos === end) {
        if (!Buffer.concat(old).equals(load.raw.get(change.row) as Buffer)) throw new ChangedOnDisk();
        old = [];
        out.push(change.bytes);
        next++;
      }
    }
    const block = Buffer.concat(out);
    newHash.update(block);
    size += block.length;
    yield block;
  }
  // Thrown before the caller renames anything into place (writeAtomic drops its temp file).
  if (next < changes.length || pos !== index.size || oldHash.digest('hex') !== index.hash)
    throw new ChangedOnDisk();
  result.size = size;
  result.hash = newHash.digest('hex');
}

/** Runs of picked rows close enough in the file to read at once: [first, last] positions in `picked`. */
function coalesce(index: ContactsIndex, picked: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let k = 0; k < picked.length; k++) {
    const last = runs[runs.length - 1];
    const row = picked[k] as number;
    if (
      last !== undefined &&
      (index.starts[row] as number) - (index.ends[picked[last[1]] as number] as number) < READ_GAP
    )
      last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

async function readRange(handle: FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.alloc(to - from);
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, from + done);
    if (bytesRead === 0) throw new ChangedOnDisk();
    done += bytesRead;
  }
  return buffer;
}

function withLineEnd(bytes: Buffer): Buffer {
  const last = bytes[bytes.length - 1];
  return last === 0x0a || last === 0x0d ? bytes : Buffer.concat([bytes, Buffer.from('\n')]);
}
