/**
 * messages.csv, the append-only event log. Appends are one write call followed by fsync, so a
 * run killed mid-append leaves at worst a torn last line (no line end). That tail is not a row:
 * reading ignores it and the next append cuts it off first, so the file always parses and no
 * command ever rewrites what is already logged.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MESSAGE_COLUMNS, type MessageRow, messageRow } from '../../core/model.js';
import { DataError } from '../../errors.js';
import { syncDir, writeAll } from './atomic.js';
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
  const missing = MESSAGE_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new DataError(
      `${label} line ${line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      `messages.csv is a log the tool writes; restore its header line (${MESSAGE_COLUMNS.join(',')}) or move the file away to start a new log. Nothing was changed.`,
    );
  }
  return MESSAGE_COLUMNS.map((c) => [c, names.indexOf(c)]);
}
