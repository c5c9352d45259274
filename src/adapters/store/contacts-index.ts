/**
 * The index of contacts.csv (`contacts.csv.index` in the data dir): for every contact its id,
 * phone, when it next needs the sender (`readyAt`), and where its row lies in the file (byte
 * range and line). Written whenever the store has read or written the whole file, valid while
 * the file keeps the size, modification time and inode it had then. With it, a command that needs ten
 * thousand contacts of a million reads those rows, and a save replaces just those rows (copying
 * the bytes between them), instead of parsing and formatting the whole file.
 *
 * It is a cache: deleted, stale (an operator saved the file) or unreadable, the store falls back
 * to reading the whole file, and writes it afresh.
 *
 * Format (binary, little-endian): the magic line, a uint32 length and that many bytes of JSON
 * (the `Meta` below), four float64 arrays of `count` (starts, ends, lines, readyAt), then the ids
 * and the phones, each NUL-separated UTF-8.
 */
import { readFile } from 'node:fs/promises';
import { readyAt } from '../../core/contact-update.js';
import type { Contact } from '../../core/model.js';
import { writeAtomic } from './atomic.js';
import type { ScannedRecords } from './record-scanner.js';

const MAGIC = Buffer.from('smsfunnel contacts index 1\n', 'utf8');
const SEPARATOR = '\u0000';

interface Meta {
  /** contacts.csv as indexed: size, mtime (ms), inode and sha256 */
  size: number;
  mtimeMs: number;
  ino?: number;
  hash: string;
  /** the file's header, which is also the table's column order */
  headers: string[];
  /** bytes [0, headerEnd) are the header record (a BOM or blank lines before it included) */
  headerEnd: number;
  count: number;
  idsBytes: number;
  phonesBytes: number;
}

export interface ContactsIndex extends Omit<Meta, 'count' | 'idsBytes' | 'phonesBytes'> {
  ids: string[];
  phones: string[];
  /** each row's byte range [start, end), its line end included */
  starts: Float64Array;
  ends: Float64Array;
  /** the physical line each row starts on */
  lines: Float64Array;
  /** see core `readyAt`: ms since the epoch, Infinity for never */
  readyAt: Float64Array;
}

/** Which contacts a command needs; any contact matching one of the fields is loaded. */
export interface ContactSelection {
  ids?: Iterable<string>;
  phones?: Iterable<string>;
  /** contacts ready by this instant (ms since the epoch): everything `send` may have to do */
  readyBy?: number;
}

/**
 * The index of a file just read or written whole: `rows` in file order, `rowRecords[i]` the
 * record (in `records`) of rows[i], `headerRecord` the header's. Undefined when the file cannot be
 * indexed (a value holding NUL, which the format uses as separator).
 */
export function buildIndex(
  file: { size: number; mtimeMs: number; hash: string },
  headers: readonly string[],
  rows: readonly Contact[],
  records: ScannedRecords,
  rowRecords: readonly number[],
  headerRecord: number,
): ContactsIndex | undefined {
  const n = rows.length;
  const index: ContactsIndex = {
    size: file.size,
    mtimeMs: file.mtimeMs,
    hash: file.hash,
    headers: [...headers],
    headerEnd: records.ends[headerRecord] ?? 0,
    ids: new Array<string>(n),
    phones: new Array<string>(n),
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    lines: new Float64Array(n),
    readyAt: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Contact;
    const r = rowRecords[i] as number;
    if (row.id.includes(SEPARATOR) || row.phone.includes(SEPARATOR)) return undefined;
    index.ids[i] = row.id;
    index.phones[i] = row.phone;
    index.starts[i] = records.starts[r] as number;
    index.ends[i] = records.ends[r] as number;
    index.lines[i] = records.lines[r] as number;
    index.readyAt[i] = readyAt(row);
  }
  return index;
}

/** The rows a selection picks, in file order. */
export function selectRows(index: ContactsIndex, select: ContactSelection): number[] {
  const ids = new Set(select.ids ?? []);
  const phones = new Set(select.phones ?? []);
  const readyBy = select.readyBy ?? Number.NEGATIVE_INFINITY;
  const picked: number[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    if (
      (index.readyAt[i] as number) <= readyBy ||
      (ids.size > 0 && ids.has(index.ids[i] as string)) ||
      (phones.size > 0 && phones.has(index.phones[i] as string))
    )
      picked.push(i);
  }
  return picked;
}

/** The index file, or undefined when it is missing or not one this version wrote. */
export async function readIndex(path: string): Promise<ContactsIndex | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  try {
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    let at = MAGIC.length;
    const metaLength = bytes.readUInt32LE(at);
    at += 4;
    const meta = JSON.parse(bytes.subarray(at, at + metaLength).toString('utf8')) as Meta;
    at += metaLength;
    const n = meta.count;
    const floats = () => {
      const out = new Float64Array(n);
      Buffer.from(out.buffer).set(bytes.subarray(at, at + 8 * n));
      at += 8 * n;
      return out;
    };
    const starts = floats();
    const ends = floats();
    const lines = floats();
    const ready = floats();
    const strings = (length: number) => {
      const text = bytes.subarray(at, at + length).toString('utf8');
      at += length;
      return n === 0 ? [] : text.split(SEPARATOR);
    };
    const ids = strings(meta.idsBytes);
    const phones = strings(meta.phonesBytes);
    if (at !== bytes.length || ids.length !== n || phones.length !== n) return undefined;
    const { count: _c, idsBytes: _i, phonesBytes: _p, ...rest } = meta;
    return { ...rest, ids, phones, starts, ends, lines, readyAt: ready };
  } catch {
    return undefined;
  }
}

export async function writeIndex(path: string, index: ContactsIndex): Promise<void> {
  const ids = Buffer.from(index.ids.join(SEPARATOR), 'utf8');
  const phones = Buffer.from(index.phones.join(SEPARATOR), 'utf8');
  const { ids: _i, phones: _p, starts, ends, lines, readyAt: ready, ...rest } = index;
  const meta: Meta = { ...rest, count: index.ids.length, idsBytes: ids.length, phonesBytes: phones.length };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metaBytes.length);
  const bytesOf = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  await writeAtomic(path, [
    MAGIC,
    length,
    metaBytes,
    bytesOf(starts),
    bytesOf(ends),
    bytesOf(lines),
    bytesOf(ready),
    ids,
    phones,
  ]);
}
