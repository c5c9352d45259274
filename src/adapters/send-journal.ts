/**
 * The send journal: what makes `send` exactly-once across crashes and `kill -9`.
 *
 * Before each create request an `intent` is appended and fsynced; after Twilio answers, its `sid`;
 * once the message row is in messages.csv, `logged`. A run that finds entries at start-up (the
 * last one died) reconciles them before planning anything: an intent with a SID is recorded; an
 * intent without one is looked up through the list API (was this body sent to this number since
 * then?) and either recorded or dropped as `gone`. Only then may the contact be texted again.
 * The file is JSON lines, appended with one write each; a torn last line (killed mid-write) is
 * ignored, which is safe because that entry's create request had not been made yet.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';

export const JOURNAL_FILE = 'send-journal.jsonl';

/** What the send decided for the contact, applied once the message is known to be out. */
export interface IntentDecision {
  /** the contact as it was when the send was planned: the decision applies only if it still is */
  fromState: string;
  fromNextActionAt: string;
  /** the contact columns to set once sent */
  set: Record<string, string>;
}

export interface Intent {
  t: 'intent';
  id: string;
  at: string;
  contactId: string;
  to: string;
  from: string;
  body: string;
  step: string;
  /** the A/B variant of the step, when it has variants */
  variant?: string;
  decision: IntentDecision;
  /** when the list API was asked for this text and did not show it (kept when the journal is rewritten) */
  looked?: string[];
}

export type JournalEntry =
  | Intent
  | { t: 'sid'; id: string; sid: string; status: string; segments: string; dateSent: string }
  | { t: 'logged'; id: string }
  /** the list API did not show the text at `at`: it may lag, so one empty read proves nothing */
  | { t: 'looked'; id: string; at: string }
  | { t: 'gone'; id: string };

export interface PendingSend {
  intent: Intent;
  sid?: Extract<JournalEntry, { t: 'sid' }>;
  logged: boolean;
}

export class SendJournal {
  readonly path: string;
  private handle: FileHandle | undefined;
  private queue: string[] = [];
  private syncWanted = false;
  private tail: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, JOURNAL_FILE);
  }

  /** Entries of a previous run that are not settled (no `gone`), in order. */
  unsettled(): PendingSend[] {
    if (!existsSync(this.path)) return [];
    const byId = new Map<string, PendingSend>();
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a torn last line: its request was never made
      }
      if (entry.t === 'intent') byId.set(entry.id, { intent: entry, logged: false });
      const pending = byId.get(entry.id);
      if (pending === undefined) continue;
      if (entry.t === 'sid') pending.sid = entry;
      else if (entry.t === 'logged') pending.logged = true;
      else if (entry.t === 'looked') pending.intent.looked = [...(pending.intent.looked ?? []), entry.at];
      else if (entry.t === 'gone') byId.delete(entry.id);
    }
    return [...byId.values()];
  }

  /**
   * Appends an entry. With `durable` (an intent, before its create request) it resolves once the
   * entry is on disk. Entries queue while a write is under way and go out together with one
   * fsync (group commit), so texts in flight do not each wait for a disk flush of their own. A SID
   * or `logged` entry need not be flushed at once: if it is lost, the next run asks Twilio.
   */
  append(entry: JournalEntry, durable = false): Promise<void> {
    this.queue.push(`${JSON.stringify(entry)}\n`);
    if (durable) this.syncWanted = true;
    const written = this.tail.then(async () => {
      if (this.queue.length === 0) return; // an earlier batch took this entry
      const text = this.queue.join('');
      const sync = this.syncWanted;
      this.queue = [];
      this.syncWanted = false;
      this.handle ??= await open(this.path, 'a', 0o600);
      await this.handle.write(text);
      if (sync) await this.handle.sync();
    });
    this.tail = written.catch(() => undefined);
    return written;
  }

  /**
   * Forgets every settled entry: called once contacts.csv holds every decision they carried.
   * Intents whose fate is still unknown stay, so the next run reconciles them first.
   */
  async settle(unknown: readonly Intent[] = []): Promise<void> {
    await this.close();
    if (unknown.length === 0) {
      rmSync(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    writeSync(fd, unknown.map((i) => `${JSON.stringify(i)}\n`).join(''));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle?.close();
    this.handle = undefined;
  }
}
