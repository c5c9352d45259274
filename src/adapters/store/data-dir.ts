/**
 * The data directory on the file system: the one implementation of `DataDir` (see types.ts), a
 * thin facade over parts that keep no memory between calls: contacts (contacts.ts, read, and
 * contacts-save.ts: a table carries its source, and a save compares against it), the messages
 * log (messages-log.ts), the suppression list (opt-outs.ts) and the run state (run-state.ts, on
 * the registry in src/core/state-files.ts). What it holds itself: the lock, the read-only guard,
 * and the queue that puts one run's writes in order.
 */
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OptOutRow } from '../../core/compliance/suppression.js';
import type { MessageRow } from '../../core/model.js';
import { STATE, type StateFile } from '../../core/state-files.js';
import { ConfigError, TempFailError } from '../../errors.js';
import { sweepTempFiles, writeAtomic } from './atomic.js';
import { type ContactsPaths, contactIdsByPhone, loadContacts } from './contacts.js';
import type { ContactSelection } from './contacts-index.js';
import { columnsOf, saveContacts } from './contacts-save.js';
import { csvChunks, inColumnOrder } from './csv-write.js';
import { acquireLock, type HeldLock } from './lock.js';
import { appendMessageLog, messageLogHeaderBytes, messageLogSize, readMessageLog } from './messages-log.js';
import { appendOptOuts, readOptOuts } from './opt-outs.js';
import { readSchedule, readStateFile, writeSchedule, writeStateFile } from './run-state.js';
import type { ContactsSchedule, ContactsTable, DataDir, OpenOptions } from './types.js';

const DEFAULT_STALE_SECONDS = 10;
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
  private readonly contacts: ContactsPaths;
  private readonly optOutsPath: string;

  constructor(
    readonly dir: string,
    private readonly lock: HeldLock | undefined,
    private readonly options: OpenOptions,
  ) {
    this.contactsPath = join(dir, 'contacts.csv');
    this.messagesPath = join(dir, 'messages.csv');
    this.optOutsPath = join(dir, 'opt-outs.csv');
    this.contacts = { path: this.contactsPath, indexPath: join(dir, 'contacts.csv.index') };
  }

  readSchedule(inputs: string): Promise<ContactsSchedule | undefined> {
    return readSchedule(this.dir, { contacts: this.contactsPath, optOuts: this.optOutsPath }, inputs);
  }

  async writeSchedule(schedule: ContactsSchedule): Promise<void> {
    this.guardWrite('writeSchedule');
    await writeSchedule(this.dir, { contacts: this.contactsPath, optOuts: this.optOutsPath }, schedule);
  }

  async forgetSchedule(): Promise<void> {
    this.guardWrite('forgetSchedule');
    await writeStateFile(this.dir, STATE.schedule, null);
  }

  loadContacts(select?: ContactSelection): Promise<ContactsTable> {
    return loadContacts(this.contacts, select, this.lock !== undefined);
  }

  contactIdsByPhone(phones: Iterable<string>, loaded?: ContactsTable): Promise<Map<string, string>> {
    return contactIdsByPhone(this.contacts, phones, loaded, this.lock !== undefined);
  }

  async saveContacts(table: ContactsTable): Promise<void> {
    this.guardWrite('saveContacts');
    await this.serially(() => saveContacts(this.contacts, table, (t) => this.conflict(t)));
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
    return readOptOuts(this.optOutsPath);
  }

  async appendOptOuts(rows: readonly OptOutRow[]): Promise<void> {
    this.guardWrite('appendOptOuts');
    await this.serially(() => appendOptOuts(this.optOutsPath, rows));
  }

  readState<T>(state: StateFile<T>): Promise<T> {
    return readStateFile(this.dir, state);
  }

  async writeState<T>(state: StateFile<T>, value: T): Promise<void> {
    this.guardWrite('writeState');
    await writeStateFile(this.dir, state, value);
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
