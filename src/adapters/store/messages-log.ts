/**
 * messages.csv, the append-only event log. Appends are one write call followed by fsync, so a
 * run killed mid-append leaves at worst a torn last line (no line end). That tail is not a row:
 * reading ignores it and the next append cuts it off first, so the file always parses and no
 * command ever rewrites what is already logged — with one exception, once: a log started before
 * the columns of LATER_MESSAGE_COLUMNS (A/B variant, price) gains them in its header line, by an
 * atomic copy, when a row that fills one is first appended (`widenHeader`). Its old rows are
 * unchanged (a short row reads empty cells); a byte bookmark taken before then is told apart by
 * the header's length (`messageLogHeaderBytes`).
 */
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LATER_MESSAGE_COLUMNS, MESSAGE_COLUMNS, type MessageRow, messageRow } from '../../core/model.js';
import { DataError } from '../../errors.js';
import { syncDir, writeAll, writeAtomic } from './atomic.js';
import { formulaSafe } from './cells.js';
import { openIfExists, readCsv } from './csv-read.js';
import { csvText, inColumnOrder } from './csv-write.js';

const CHUNK = 64 * 1024;
const LF = 0x0a;

/**
 * Every complete row of the log in file order, with all MESSAGE_COLUMNS (extra columns ignored).
 * With `fromByte` (a size the log had earlier, so a line start), only the rows appended since.
 */
export async function readMessageLog(path: string, label: string, fromByte = 0): Promise<MessageRow[]> {
  const complete = await completeLength(path);
  if (complete === undefined || complete <= fromByte) return [];
  const rows: MessageRow[] = [];
  let indexes: Array<[keyof MessageRow, number]> | undefined;
  if (fromByte > 0) {
    const handle = await open(path, 'r');
    try {
      indexes = columnIndexes(await fileHeaders(handle, label), label, 1);
    } finally {
      await handle.close();
    }
  }
  await readCsv(
    path,
    label,
    (cells, line) => {
      if (cells.length === 0 || (cells.length === 1 && cells[0] === '')) return;
      if (indexes === undefined) {
        indexes = columnIndexes(
          cells.map((c) => c.trim()),
          label,
          line,
        );
        return;
      }
      const row = messageRow({});
      for (const [column, index] of indexes) row[column] = cells[index] ?? '';
      rows.push(row);
    },
    { length: complete, start: fromByte },
  );
  return rows;
}

/** The size of the log's complete rows: where the next append starts. 0 when there is no log. */
export async function messageLogSize(path: string): Promise<number> {
  return (await completeLength(path)) ?? 0;
}

/** Appends rows in the file's own column order (creating it with MESSAGE_COLUMNS), then fsyncs. */
export async function appendMessageLog(
  path: string,
  label: string,
  rows: readonly MessageRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await widenHeader(path, label, rows);
  const handle = await open(path, 'a+', 0o600);
  try {
    const before = (await handle.stat()).size;
    const complete = await lastLineEnd(handle, before);
    // Check the header before touching anything, so a refused append changes nothing.
    const headers = complete === 0 ? MESSAGE_COLUMNS : await fileHeaders(handle, label);
    if (complete < before) await handle.truncate(complete);
    const lines: string[][] = [];
    if (complete === 0) lines.push(MESSAGE_COLUMNS.map(formulaSafe));
    for (const cells of inColumnOrder(headers, rows)) lines.push(cells.map(formulaSafe));
    // One write: a kill leaves either nothing or a prefix, which the next append cuts back.
    await writeAll(handle, await csvText(lines));
    await handle.sync();
    if (before === 0) await syncDir(dirname(path));
  } finally {
    await handle.close();
  }
}

/**
 * A log whose header lacks columns of LATER_MESSAGE_COLUMNS that these rows fill gets them at the
 * end of its header line (all of them at once), by writing a copy and renaming it over the log:
 * a kill leaves the old log or the new one, whole. Rows already logged are copied byte for byte.
 */
async function widenHeader(path: string, label: string, rows: readonly MessageRow[]): Promise<void> {
  if (!rows.some((r) => LATER_MESSAGE_COLUMNS.some((c) => r[c] !== ''))) return; // the usual case: no file read
  const handle = await openIfExists(path);
  if (handle === undefined) return;
  let header: Buffer;
  let complete: number;
  try {
    complete = await lastLineEnd(handle, (await handle.stat()).size);
    if (complete === 0) return;
    const names = await fileHeaders(handle, label);
    const missing = LATER_MESSAGE_COLUMNS.filter((c) => !names.includes(c));
    if (!missing.some((c) => rows.some((r) => r[c] !== ''))) return;
    const first = Buffer.alloc(Math.min(CHUNK, complete));
    await handle.read(first, 0, first.length, 0);
    const end = first.indexOf(LF);
    const ending = end > 0 && first[end - 1] === 0x0d ? 2 : 1;
    header = Buffer.concat([
      first.subarray(0, end + 1 - ending),
      Buffer.from(`,${missing.join(',')}`),
      first.subarray(end + 1 - ending, end + 1),
    ]);
    complete -= end + 1;
    const start = end + 1;
    const copy = async function* (): AsyncGenerator<Buffer> {
      yield header;
      const buffer = Buffer.alloc(CHUNK);
      for (let at = start; at < start + complete; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, start + complete - at), at);
        if (bytesRead === 0) break;
        yield Buffer.from(buffer.subarray(0, bytesRead));
        at += bytesRead;
      }
    };
    await writeAtomic(path, copy());
  } finally {
    await handle.close();
  }
}

/** The length in bytes of the log's header line (line end included); 0 when there is no log. */
export async function messageLogHeaderBytes(path: string): Promise<number> {
  const handle = await openIfExists(path);
  if (handle === undefined) return 0;
  try {
    const buffer = Buffer.alloc(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(LF);
    return end === -1 ? 0 : end + 1;
  } finally {
    await handle.close();
  }
}

/** Bytes up to and including the last line end: the part of the log made of complete rows. */
async function completeLength(path: string): Promise<number | undefined> {
  const handle = await openIfExists(path);
  if (handle === undefined) return undefined;
  try {
    return await lastLineEnd(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
}

async function lastLineEnd(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const at = buffer.subarray(0, bytesRead).lastIndexOf(LF);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

/** The column names on the log's first line. */
export async function fileHeaders(handle: FileHandle, label: string): Promise<string[]> {
  const buffer = Buffer.alloc(CHUNK);
  const { bytesRead } = await handle.read(buffer, 0, CHUNK, 0);
  let text = buffer.subarray(0, bytesRead).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const names = first.split(',').map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
  columnIndexes(names, label, 1);
  return names;
}

function columnIndexes(
  names: readonly string[],
  label: string,
  line: number,
): Array<[keyof MessageRow, number]> {
  const later: readonly string[] = LATER_MESSAGE_COLUMNS;
  const missing = MESSAGE_COLUMNS.filter((c) => !names.includes(c) && !later.includes(c));
  if (missing.length > 0) {
    throw new DataError(
      `${label} line ${line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      `messages.csv is a log the tool writes; restore its header line (${MESSAGE_COLUMNS.join(',')}) or move the file away to start a new log. Nothing was changed.`,
    );
  }
  // a log older than the later columns has none of them: its cells read empty
  return MESSAGE_COLUMNS.map((c): [keyof MessageRow, number] => [c, names.indexOf(c)]).filter(
    ([, i]) => i >= 0,
  );
}
