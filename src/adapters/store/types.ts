/**
 * The data directory as the commands see it: contacts.csv, messages.csv and small state files,
 * behind one lock. This file is the contract; `./data-dir.ts` is the one implementation (fast-csv
 * on the file system, atomic replace, proper-lockfile).
 *
 * Errors it throws (all SmsfunnelError, see src/errors.ts):
 *  - DataError (65): a CSV that cannot be understood, naming file, line and column, nothing written;
 *  - TempFailError (75): the lock is held by another run past the wait, or a file changed on disk
 *    after it was loaded (then our version is kept in a side file named in the message).
 */
import type { OptOutRow } from '../../core/compliance/suppression.js';
import type { Contact, MessageRow } from '../../core/model.js';
import type { StateFile } from '../../core/state-files.js';
import type { ContactSelection } from './contacts-index.js';
import type { FileIdentity } from './csv-read.js';
import type { PartialLoad } from './partial-contacts.js';

export type { ContactSelection, StateFile };

/**
 * Where a table of contacts came from: contacts.csv as it was read. A save compares the file on
 * disk with this, so an edit made since the load is never overwritten, whatever was read in
 * between; once saved, the table's source is what was written.
 */
export interface ContactsSource {
  /** the contacts file, absolute */
  path: string;
  /** its size, mtime and content hash as read; null when it did not exist */
  file: FileIdentity | null;
  /** read through the index: which rows, and the bytes each had (a save splices just those) */
  part?: PartialLoad;
}

export interface ContactsTable {
  /** every column in file order: the standard ones first for a new file, custom ones kept where they were */
  headers: string[];
  rows: Contact[];
  /**
   * Set when only some contacts were loaded (`loadContacts(select)`): how many were not, and the
   * earliest `readyAt` among them (they stay as they are in the file).
   */
  unloaded?: { count: number; earliestReadyAt: number };
  /**
   * Set by `loadContacts` (and by each save, to what it wrote). A table without one is a new
   * contacts file: saving it creates contacts.csv and never replaces an existing one.
   */
  source?: ContactsSource;
}

/**
 * What the last full `send` learned about contacts.csv, valid while the file is the one it saw:
 * the earliest instant anything can be due, and what it skipped. Lets a quiet cron tick decide
 * "nothing due" without parsing a million rows; any edit of the file (by a command or by an
 * operator in a spreadsheet) changes its size, mtime or inode and sends the next run down the full path.
 */
export interface ContactsSchedule {
  /** ISO instant, or null when nothing will ever be due without a reply or an edit */
  nextDueAt: string | null;
  /** the last full run's skipped contacts by reason, to report them the same way */
  skipped: Record<string, number>;
  /**
   * A digest of everything besides contacts.csv that decides what is due (the funnel file, the
   * configuration, the program's own rules): a schedule made under other inputs is not used.
   */
  inputs: string;
}

export interface OpenOptions {
  dir: string;
  /** seconds to wait for another run's lock before TempFailError (75) */
  lockWaitSeconds: number;
  /** dry-run: take no lock and refuse every write (a bug guard: commands must not write in dry-run) */
  readOnly?: boolean;
  /** seconds after which a lock whose holder stopped refreshing it (killed) is taken over; default 10, minimum 2 */
  staleSeconds?: number;
  /** the time used in side-file names (contacts.conflict-<UTC stamp>.csv); default the system clock */
  now?: () => Date;
}

export interface DataDir {
  readonly dir: string;
  readonly contactsPath: string;
  readonly messagesPath: string;

  /**
   * The schedule the last full `send` recorded, if contacts.csv and opt-outs.csv are still the
   * files it saw and it was made under the same `inputs`.
   */
  readSchedule(inputs: string): Promise<ContactsSchedule | undefined>;
  /** Records the schedule for contacts.csv and opt-outs.csv as they are on disk now. */
  writeSchedule(schedule: ContactsSchedule): Promise<void>;
  /** Something besides contacts.csv made a text due (a resend owed by a delivery result): the next send plans afresh. */
  forgetSchedule(): Promise<void>;

  /**
   * All contacts (an empty table when contacts.csv does not exist yet), with the table's source.
   * With `select`, the contacts it names, or more: when the index of contacts.csv is current,
   * just those rows are read (the table says how many were left out, see `unloaded`); otherwise
   * the whole file is. Callers look up what they need in `rows` and work either way.
   */
  loadContacts(select?: ContactSelection): Promise<ContactsTable>;
  /**
   * The id of each contact whose phone is one of `phones` (E.164, as in contacts.csv): from
   * `loaded` when it holds all contacts, else from the index (a part-load's, or the one on disk
   * when current) without reading a row; otherwise by reading the whole file. It changes no
   * table's source: a save still compares against what its table was loaded from.
   */
  contactIdsByPhone(phones: Iterable<string>, loaded?: ContactsTable): Promise<Map<string, string>>;
  /**
   * Atomic replace of contacts.csv (temp file, fsync, rename; mode 0600). Refuses with
   * TempFailError when the file on disk is no longer `table.source` (an edit since the load);
   * ours goes to a side file. A table loaded in part replaces just its rows (and only those
   * whose text changed); it may not gain rows or columns. Sets `table.source` to what it wrote.
   */
  saveContacts(table: ContactsTable): Promise<void>;

  /**
   * Every row of messages.csv in file order (empty when it does not exist); with `fromByte` (a
   * size `messagesSize` returned earlier), only the rows appended since then.
   */
  readMessages(fromByte?: number): Promise<MessageRow[]>;
  /** The log's size in bytes (its complete rows): a bookmark for `readMessages(fromByte)`. */
  messagesSize(): Promise<number>;
  /** The length in bytes of messages.csv's header line (0 without a log): what a bookmark assumes. */
  messagesHeaderBytes(): Promise<number>;
  /** Appends rows to messages.csv (creating it with its header) and fsyncs. Never rewrites the log. */
  appendMessages(rows: readonly MessageRow[]): Promise<void>;

  /** Every row of opt-outs.csv, the suppression list (empty when it does not exist). */
  readOptOuts(): Promise<OptOutRow[]>;
  /** Appends rows to opt-outs.csv (creating it with its header) and fsyncs. Never rewrites it. */
  appendOptOuts(rows: readonly OptOutRow[]): Promise<void>;

  /**
   * A run-state file of the registry (src/core/state-files.ts, `STATE`): its `empty` value when
   * absent; DataError (65) naming the file and what is wrong when it fails its shape check (a
   * cache is taken as absent instead).
   */
  readState<T>(state: StateFile<T>): Promise<T>;
  /** Atomic replace of a run-state file (the value must fit its shape). */
  writeState<T>(state: StateFile<T>, value: T): Promise<void>;

  /** Writes a new CSV file in the data dir (e.g. rejects-<time>.csv) atomically; returns its path. */
  writeCsv(
    name: string,
    headers: readonly string[],
    rows: readonly Record<string, string>[],
  ): Promise<string>;

  /** Releases the lock. Safe to call twice. */
  close(): Promise<void>;
}
