/**
 * Streaming CSV reading on fast-csv, with what fast-csv does not give: the physical line of each
 * row (a cell may span lines), a UTF-8 BOM removed (Excel writes one), the content hash of the
 * bytes read (to notice later that the file changed on disk), and, when fast-csv rejects the
 * text, the line where the problem is.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'fast-csv';
import { DataError, SmsfunnelError } from '../../errors.js';
import { lineBreaks, unescapeCell } from './cells.js';

/** What was read, to recognise the same file later: size and mtime are quick, the hash is sure. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Called for every row, empty ones included, with cells un-escaped and the row's first line. */
export type RowHandler = (cells: string[], line: number) => void;

/** The file opened for reading, or undefined when it does not exist. */
export async function openIfExists(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface ReadOptions {
  /** read only the first bytes (the complete part of an append-only log) */
  length?: number;
  /** start reading at this byte (a line start): the tail of an append-only log */
  start?: number;
  /** sees every chunk of the file's bytes as read, BOM included (to find where records lie) */
  onBytes?: (chunk: Buffer) => void;
}

/** Parses `path` row by row. Returns undefined when the file does not exist. */
export async function readCsv(
  path: string,
  label: string,
  onRow: RowHandler,
  options: ReadOptions = {},
): Promise<FileIdentity | undefined> {
  const { length, start = 0, onBytes } = options;
  const handle = await openIfExists(path);
  if (handle === undefined) return undefined;
  const stat = await handle.stat();
  const hash = createHash('sha256');
  let size = 0;
  if (length === 0 || (length !== undefined && start >= length)) {
    await handle.close();
    return { size: 0, mtimeMs: stat.mtimeMs, hash: hash.digest('hex') };
  }
  let first = true;
  // Excel's plain "CSV" is Windows-1252: decoding it as UTF-8 would silently turn "Zoë" into
  // "Zo\uFFFD" and the next save would write that back. Refuse it instead.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      onBytes?.(chunk);
      size += chunk.length;
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        done(new NotUtf8());
        return;
      }
      let out = chunk;
      if (first) {
        first = false;
        if (start === 0 && out[0] === 0xef && out[1] === 0xbb && out[2] === 0xbf) out = out.subarray(3);
      }
      done(null, out);
    },
  });
  try {
    await parseRows(
      handle.createReadStream({ start, end: length === undefined ? undefined : length - 1 }),
      tap,
      onRow,
    );
  } catch (error) {
    if (error instanceof SmsfunnelError) throw error;
    if (error instanceof NotUtf8) throw await notUtf8(path, label);
    if (error instanceof Error && error.message.startsWith('Parse Error')) {
      throw await unreadable(path, label, error, length);
    }
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { size, mtimeMs: stat.mtimeMs, hash: hash.digest('hex') };
}

/**
 * Parses CSV text held in memory (some rows of a file, see the contacts index) row by row, as
 * `readCsv` parses a file: `path` names the file they came from in an error.
 */
export async function parseCsvBytes(bytes: Buffer, path: string, label: string, onRow: RowHandler) {
  try {
    await parseRows(Readable.from([bytes]), new PassThrough(), onRow);
  } catch (error) {
    if (error instanceof SmsfunnelError) throw error;
    if (error instanceof Error && error.message.startsWith('Parse Error')) {
      throw await unreadable(path, label, error);
    }
    throw error;
  }
}

async function parseRows(source: Readable, tap: Transform, onRow: RowHandler): Promise<void> {
  let line = 1;
  // pipeline reports an AbortError when the sink throws; keep the row's own error to rethrow it
  let rowError: unknown;
  try {
    await pipeline(
      source,
      tap,
      parse({ headers: false, ignoreEmpty: false }),
      async (rows: AsyncIterable<string[]>) => {
        for await (const cells of rows) {
          const start = line;
          let breaks = 0;
          for (let i = 0; i < cells.length; i++) {
            const cell = cells[i] as string;
            if (cell.length > 0) {
              breaks += lineBreaks(cell);
              cells[i] = unescapeCell(cell);
            }
          }
          line += 1 + breaks;
          try {
            onRow(cells, start);
          } catch (error) {
            rowError = error;
            throw error;
          }
        }
      },
    );
  } catch (error) {
    throw rowError ?? error;
  }
}

class NotUtf8 extends Error {}

async function notUtf8(path: string, label: string): Promise<DataError> {
  const bytes = await readFile(path);
  const bad = firstBadByte(bytes);
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < bad; i = bytes.indexOf(0x0a, i + 1)) line++;
  return new DataError(
    `${label}${bad === -1 ? '' : ` line ${line}`}: the file is not UTF-8 text (a spreadsheet probably saved it in a Windows code page).`,
    'Save it again as UTF-8: in Excel choose "CSV UTF-8 (Comma delimited)"; Numbers and Google Sheets export UTF-8. Nothing was changed.',
  );
}

/** Offset of the first byte that breaks UTF-8's structure (RFC 3629), or -1. */
function firstBadByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    const follow =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += follow + 1;
  }
  return -1;
}

async function unreadable(path: string, label: string, cause: Error, length?: number): Promise<DataError> {
  const bytes = await readFile(path);
  const problem = locateCsvProblem(bytes.subarray(0, length ?? bytes.length).toString('utf8'));
  const hint = `Fix that line in ${label} (in a text editor, or re-save it from the spreadsheet as CSV), then run again. Nothing was changed.`;
  if (problem === undefined)
    return new DataError(`${label}: cannot be read as CSV (${cause.message})`, hint, { cause });
  return new DataError(`${label} line ${problem.line}: ${problem.message}`, hint, { cause });
}

/**
 * Finds where a CSV text breaks the rules fast-csv applies (RFC 4180 quoting): an unclosed
 * quoted cell, or text after a closing quote. Only used on the error path, so it may be slow.
 */
export function locateCsvProblem(text: string): { line: number; message: string } | undefined {
  const n = text.length;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let cellStart = true;
  while (i < n) {
    const c = text[i];
    if (cellStart && c === '"') {
      const opened = line;
      i++;
      for (;;) {
        if (i >= n) {
          return { line: opened, message: 'a quoted cell starts on this line and its closing " is missing' };
        }
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n' || (d === '\r' && text[i + 1] !== '\n')) line++;
        i++;
      }
      const after = text[i];
      if (i < n && after !== ',' && after !== '\n' && after !== '\r') {
        return {
          line,
          message:
            'text follows the closing " of a quoted cell: quote the whole cell and double every " inside it',
        };
      }
      cellStart = false;
      continue;
    }
    if (c === ',') {
      cellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      cellStart = true;
    } else {
      cellStart = false;
    }
    i++;
  }
  return undefined;
}
