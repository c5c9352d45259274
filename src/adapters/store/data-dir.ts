/**
 * The data directory on the file system: the one implementation of `DataDir` (see types.ts).
 * Opening takes the lock (unless read-only); contacts.csv is replaced atomically and never
 * over an operator's edit made since it was loaded; messages.csv only grows.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OptOutRow } from '../../core/compliance/suppression.js';
import { readyAt } from '../../core/contact-update.js';
import { CONTACT_COLUMNS, type MessageRow } from '../../core/model.js';
import { ConfigError, DataError, TempFailError } from '../../errors.js';
import { sweepTempFiles, writeAtomic } from './atomic.js';
import { ContactsReader, isBlank } from './contacts-file.js';
import {
  buildIndex,
  type ContactSelection,
  type ContactsIndex,
  readIndex,
  writeIndex,
} from './contacts-index.js';
import { type FileIdentity, openIfExists, readCsv } from './csv-read.js';
import { csvChunks, inColumnOrder } from './csv-write.js';
import { acquireLock, type HeldLock } from './lock.js';
import { appendMessageLog, messageLogHeaderBytes, messageLogSize, readMessageLog } from './messages-log.js';
import { appendOptOuts, readOptOuts } from './opt-outs.js';
import {
  ChangedOnDisk,
  changedRows,
  loadSelected,
  type PartialLoad,
  splice,
  updatedIndex,
} from './partial-contacts.js';
import { RecordScanner } from './record-scanner.js';
import type { ContactsSchedule, ContactsTable, DataDir, OpenOptions } from './types.js';

const DEFAULT_STALE_SECONDS = 10;
const SCHEDULE_STATE = 'contacts.schedule';
const INDEX_FILE = 'contacts.csv.index';
const OPT_OUTS_FILE = 'opt-outs.csv';

interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** the inode: every atomic replace makes a new one, so two saves within a clock tick still differ */
  ino?: number;
}

/** The same file by size, mtime (within 2 ms: tools that copy a file's time, utimes or cp -p, keep it only to about a ms) and inode. */
function sameFile(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.size === b.size &&
    Math.abs(a.mtimeMs - b.mtimeMs) < 2 &&
    (a.ino === undefined || b.ino === undefined || a.ino === b.ino)
  );
}

/** Size, modification time and inode: an edit by anyone changes at least one of them. */
async function fingerprint(path: string): Promise<Fingerprint | undefined> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return undefined;
  }
}
interface ScheduledFiles extends Fingerprint {
  optOuts: Fingerprint | undefined;
}
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Opens (creating it 0700 if missing) and locks the data dir; read-only opens create and lock nothing. */
export async function openDataDir(options: OpenOptions): Promise<DataDir> {
  const dir = resolve(options.dir);
  if (options.readOnly === true) return new FileDataDir(dir, undefined, options);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigError(
      [
        `data dir ${dir}: cannot create it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      ],
      'Point SMSFUNNEL_DATA_DIR or --data-dir at a folder this user may write to, then run again.',
    );
  }
  const lock = await acquireLock(dir, options.lockWaitSeconds, options.staleSeconds ?? DEFAULT_STALE_SECONDS);
  await sweepTempFiles(dir);
  return new FileDataDir(dir, lock, options);
}

class FileDataDir implements DataDir {
  readonly contactsPath: string;
  readonly messagesPath: string;
  /** contacts.csv as last loaded or saved; null when it did not exist; undefined before any load */
  private known: FileIdentity | null | undefined;

  constructor(
    readonly dir: string,
    private readonly lock: HeldLock | undefined,
    private readonly options: OpenOptions,
  ) {
    this.contactsPath = join(dir, 'contacts.csv');
    this.messagesPath = join(dir, 'messages.csv');
  }

  async readSchedule(inputs: string): Promise<ContactsSchedule | undefined> {
    const saved = await this.readState<(ContactsSchedule & ScheduledFiles) | null>(SCHEDULE_STATE);
    if (saved === undefined || saved === null || saved.inputs !== inputs) return undefined;
    const now = await this.scheduledFiles();
    if (now === undefined || !sameFile(saved, now)) return undefined;
    // a row added to opt-outs.csv since (a STOP, a START) changes what is due too
    const [was, is] = [saved.optOuts, now.optOuts];
    if (was === undefined || is === undefined ? was !== is : !sameFile(was, is)) return undefined;
    return { nextDueAt: saved.nextDueAt, skipped: saved.skipped, inputs };
  }

  async writeSchedule(schedule: ContactsSchedule): Promise<void> {
    this.guardWrite('writeSchedule');
    const now = await this.scheduledFiles();
    if (now === undefined) return;
    await this.writeState(SCHEDULE_STATE, { ...now, ...schedule });
  }

  async forgetSchedule(): Promise<void> {
    this.guardWrite('forgetSchedule');
    await this.writeState(SCHEDULE_STATE, null);
  }

  /** contacts.csv's fingerprint, with opt-outs.csv's: the two files a schedule is made from. */
  private async scheduledFiles(): Promise<ScheduledFiles | undefined> {
    const contacts = await fingerprint(this.contactsPath);
    if (contacts === undefined) return undefined;
    return { ...contacts, optOuts: await fingerprint(join(this.dir, OPT_OUTS_FILE)) };
  }

  async loadContacts(select?: ContactSelection): Promise<ContactsTable> {
    this.partial = undefined;
    if (select !== undefined) {
      const index = await this.currentIndex();
      const partial = index === undefined ? undefined : await loadSelected(this.contactsPath, index, select);
      if (partial !== undefined) {
        this.partial = partial;
        this.known = { size: partial.index.size, mtimeMs: partial.index.mtimeMs, hash: partial.index.hash };
        return partial.table;
      }
    }
    const reader = new ContactsReader(this.contactsPath);
    const scanner = new RecordScanner();
    const rowRecords: number[] = [];
    let records = 0;
    let headerRecord = -1;
    const identity = await readCsv(
      this.contactsPath,
      this.contactsPath,
      (cells, line) => {
        const before = reader.rows.length;
        reader.add(cells, line);
        if (reader.rows.length > before) rowRecords.push(records);
        else if (headerRecord === -1 && !isBlank(cells)) headerRecord = records;
        records++;
      },
      { onBytes: (chunk) => scanner.push(chunk) },
    );
    this.known = identity ?? null;
    const table = { headers: reader.headers(), rows: reader.rows };
    if (identity !== undefined && this.lock !== undefined) {
      const scanned = scanner.finish();
      // Indexed only when the records found are fast-csv's rows and the header needs no change.
      if (scanned.starts.length === records && reader.fileColumns().join('\n') === table.headers.join('\n'))
        await this.saveIndex(
          buildIndex(identity, table.headers, table.rows, scanned, rowRecords, headerRecord),
        );
    }
    return table;
  }

  async contactIdsByPhone(phones: Iterable<string>): Promise<Map<string, string>> {
    const wanted = new Set(phones);
    const ids = new Map<string, string>();
    if (wanted.size === 0) return ids;
    // A part-load of this run holds the index, kept current by its saves: not read again.
    const index = this.partial?.index ?? (await this.currentIndex());
    if (index === undefined) {
      // A whole read to answer a question: it must not become what the run's table is compared
      // against on save, or an edit made between the two reads would be overwritten (issue #15).
      const { known, partial } = this;
      const rows = (await this.loadContacts()).rows;
      if (known !== undefined) [this.known, this.partial] = [known, partial];
      for (const c of rows) if (wanted.has(c.phone)) ids.set(c.phone, c.id);
      return ids;
    }
    index.phones.forEach((phone, i) => {
      if (wanted.has(phone)) ids.set(phone, index.ids[i] as string);
    });
    return ids;
  }

  async saveContacts(table: ContactsTable): Promise<void> {
    this.guardWrite('saveContacts');
    const partial = this.partial;
    // Written whole, a table of some contacts would drop all the others from the file.
    if ((partial !== undefined || table.unloaded !== undefined) && table !== partial?.table)
      throw new Error('bug: a table loaded in part can only be saved as itself, by the store that loaded it');
    await this.serially(() =>
      partial !== undefined && table === partial.table
        ? this.replaceRows(table, partial)
        : this.replaceContacts(table),
    );
  }

  /** contacts.csv as some contacts were loaded, when loaded through the index; see loadContacts. */
  private partial: PartialLoad | undefined;

  /** The index, if it describes contacts.csv as it is now. */
  private async currentIndex(): Promise<ContactsIndex | undefined> {
    const now = await fingerprint(this.contactsPath);
    if (now === undefined) return undefined;
    const index = await readIndex(join(this.dir, INDEX_FILE));
    return index !== undefined && sameFile(index, now) ? index : undefined;
  }

  private async saveIndex(index: ContactsIndex | undefined): Promise<void> {
    if (index === undefined) return;
    // The mtime the file has now (a save's rename keeps the temp file's).
    const now = await fingerprint(this.contactsPath);
    if (now === undefined || now.size !== index.size) return;
    await writeIndex(join(this.dir, INDEX_FILE), { ...index, mtimeMs: now.mtimeMs, ino: now.ino });
  }

  /** Writes back the rows of a table loaded in part: only those that changed, spliced into the file. */
  private async replaceRows(table: ContactsTable, partial: PartialLoad): Promise<void> {
    const changes = await changedRows(partial, table);
    if (changes.length === 0) return;
    const handle = await openIfExists(this.contactsPath);
    const result = { size: 0, hash: '' };
    try {
      if (handle === undefined) throw new ChangedOnDisk();
      await writeAtomic(this.contactsPath, splice(handle, partial, changes, result));
    } catch (error) {
      if (!(error instanceof ChangedOnDisk)) throw error;
      // The index may be what was wrong (a run killed between a save and its index): the next
      // run reads the whole file and indexes it afresh.
      await rm(join(this.dir, INDEX_FILE), { force: true });
      await this.conflict(table);
    } finally {
      await handle?.close();
    }
    const now = (await fingerprint(this.contactsPath)) as Fingerprint;
    this.known = { size: result.size, mtimeMs: now.mtimeMs, hash: result.hash };
    await this.saveIndex(updatedIndex(partial, table, changes, this.known, readyAt));
  }

  private async replaceContacts(table: ContactsTable): Promise<void> {
    const headers = columnsOf(table);
    const chunks = () => csvChunks(headers, inColumnOrder(headers, table.rows));
    const onDisk = await identify(this.contactsPath);
    const expected = this.known ?? null;
    const unchanged =
      onDisk === null
        ? expected === null
        : expected !== null && onDisk.size === expected.size && onDisk.hash === expected.hash;
    if (!unchanged) await this.conflict(table);
    const hash = createHash('sha256');
    const scanner = new RecordScanner();
    let size = 0;
    async function* hashed() {
      for await (const chunk of chunks()) {
        const bytes = Buffer.from(chunk, 'utf8');
        hash.update(bytes);
        scanner.push(bytes);
        size += bytes.length;
        yield bytes;
      }
    }
    await writeAtomic(this.contactsPath, hashed());
    this.known = { size, mtimeMs: Date.now(), hash: hash.digest('hex') };
    const records = scanner.finish();
    if (records.starts.length === table.rows.length + 1) {
      const rowRecords = table.rows.map((_, i) => i + 1);
      await this.saveIndex(buildIndex(this.known, headers, table.rows, records, rowRecords, 0));
    }
  }

  /** contacts.csv changed on disk since it was loaded: keep their file, put ours beside it, stop. */
  private async conflict(table: ContactsTable): Promise<never> {
    const headers = columnsOf(table);
    const side = await this.freeName('contacts.conflict', 'csv');
    await writeAtomic(side, csvChunks(headers, inColumnOrder(headers, table.rows)));
    throw new TempFailError(
      `${this.contactsPath} changed on disk while this run was working (someone saved it, e.g. from a spreadsheet). Their edit was kept; this run's changes are in ${side}.`,
      'Run again: the next run starts from their version. Copy anything still needed from the side file, then delete it.',
    );
  }

  readMessages(fromByte = 0): Promise<MessageRow[]> {
    return readMessageLog(this.messagesPath, this.messagesPath, fromByte);
  }

  messagesSize(): Promise<number> {
    return messageLogSize(this.messagesPath);
  }

  messagesHeaderBytes(): Promise<number> {
    return messageLogHeaderBytes(this.messagesPath);
  }

  async appendMessages(rows: readonly MessageRow[]): Promise<void> {
    this.guardWrite('appendMessages');
    await this.serially(() => appendMessageLog(this.messagesPath, this.messagesPath, rows));
  }

  /**
   * Writes of one run go one at a time: `send` records texts from several requests in flight,
   * and an append that repairs a torn line must never see another append half-written.
   */
  private writes: Promise<unknown> = Promise.resolve();
  private serially<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writes.then(write, write);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** opt-outs.csv, the suppression list (./opt-outs.ts) */
  readOptOuts(): Promise<OptOutRow[]> {
    return readOptOuts(join(this.dir, OPT_OUTS_FILE));
  }

  async appendOptOuts(rows: readonly OptOutRow[]): Promise<void> {
    this.guardWrite('appendOptOuts');
    await this.serially(() => appendOptOuts(join(this.dir, OPT_OUTS_FILE), rows));
  }

  async readState<T>(name: string): Promise<T | undefined> {
    const path = this.statePath(name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new DataError(
        `${path} is not valid JSON (${(error as Error).message}).`,
        'It is a state file smsfunnel writes: if it was edited by hand, fix it, or move it out of the data dir to start that state afresh; then run again.',
        { cause: error },
      );
    }
  }

  async writeState(name: string, value: unknown): Promise<void> {
    this.guardWrite('writeState');
    await writeAtomic(this.statePath(name), [`${JSON.stringify(value, null, 2)}\n`]);
  }

  async writeCsv(
    name: string,
    headers: readonly string[],
    rows: readonly Record<string, string>[],
  ): Promise<string> {
    this.guardWrite('writeCsv');
    const file = name.endsWith('.csv') ? name : `${name}.csv`;
    if (!SAFE_NAME.test(file) || file === 'contacts.csv' || file === 'messages.csv') {
      throw new Error(
        `bug: writeCsv("${name}") must name a new file in the data dir, not a path or a data file`,
      );
    }
    const path = join(this.dir, file);
    await writeAtomic(path, csvChunks(headers, inColumnOrder(headers, rows)));
    return path;
  }

  async close(): Promise<void> {
    await this.lock?.release();
  }

  private guardWrite(method: string): void {
    if (this.lock === undefined) {
      throw new Error(`bug: ${method} called on a data dir opened read-only (dry-run must not write)`);
    }
    if (this.lock.compromised !== undefined) {
      throw new TempFailError(
        `lost the lock on the data dir ${this.dir} (${this.lock.compromised.message}); another run may have taken it over, so this run stopped writing.`,
        'Run again; if this repeats, check that the disk is not full or very slow.',
      );
    }
  }

  private statePath(name: string): string {
    const file = name.endsWith('.json') ? name : `${name}.json`;
    if (!SAFE_NAME.test(file)) throw new Error(`bug: state name "${name}" must be a plain file name`);
    return join(this.dir, file);
  }

  /** `<base>-<UTC stamp>.<ext>` in the data dir, with -2, -3... if a file of that name exists. */
  private async freeName(base: string, ext: string): Promise<string> {
    const stamp = (this.options.now?.() ?? new Date())
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+/, '');
    for (let n = 1; ; n++) {
      const path = join(this.dir, `${base}-${stamp}${n === 1 ? '' : `-${n}`}.${ext}`);
      try {
        await access(path);
      } catch {
        return path;
      }
    }
  }
}

/** The table's columns, plus standard ones it lacks and any field a row carries that no header names. */
function columnsOf(table: ContactsTable): string[] {
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

/** Size and content hash of a file as it is now; null when it does not exist. */
async function identify(path: string): Promise<FileIdentity | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { size, mtimeMs: 0, hash: hash.digest('hex') };
}
