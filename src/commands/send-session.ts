/**
 * One real `send` run's writing: it owns the send journal, the batching of `sent` rows into
 * messages.csv and the checkpoints of contacts.csv, and at the end writes what the run changed
 * (opt-outs, contacts, deliveries to follow, the 24-hour and daily counts) and settles the journal.
 *
 * contacts.csv is checkpointed during a long run at most every 30 s, and never more often than
 * ten times what one save takes (a million rows take seconds): the journal, not the checkpoint,
 * is what makes a killed run lose nothing, so checkpoints only bound the work of its recovery.
 */
import type { SendJournal } from '../adapters/send-journal.js';
import type { ContactsTable, DataDir } from '../adapters/store/index.js';
import { ruleFor } from '../core/compliance/state-rules.js';
import type { OptOutRow } from '../core/compliance/suppression.js';
import type { Deliveries } from '../core/delivery.js';
import { type Contact, isoSeconds, type MessageRow } from '../core/model.js';
import {
  applyIntentTo,
  type CreatedMessage,
  type Intent,
  pendingOf,
  sentRow,
  sidEntry,
} from '../core/send-intent.js';
import { STATE } from '../core/state-files.js';

const CHECKPOINT_MIN_MS = 30_000;
const CHECKPOINT_COST_FACTOR = 10;
/** `sent` rows go to messages.csv in batches: one append and one fsync for many texts. */
const LOG_BATCH_ROWS = 200;
const LOG_BATCH_MS = 1_000;

type RecentTexts = Record<string, string[]>;

export class SendSession {
  /** texts Twilio has, this run */
  sent = 0;
  /** contacts.csv is rewritten only when a contact changed: a quiet cron tick touches no file */
  dirty = false;
  /** opt-outs met in this run (hand-made or refused by the carrier), for opt-outs.csv */
  readonly listed: OptOutRow[] = [];
  private readonly recentBefore: string;
  private readonly logBatch: { row: MessageRow; intentId: string }[] = [];
  private lastFlush = performance.now();
  private flushing: Promise<void> = Promise.resolve();
  private lastCheckpoint = performance.now();
  private saveMs = 0;

  constructor(
    private readonly store: DataDir,
    readonly journal: SendJournal,
    private readonly table: ContactsTable,
    readonly deliveries: Deliveries,
    private recentTexts: RecentTexts,
    private readonly now: Date,
  ) {
    this.recentBefore = JSON.stringify(recentTexts);
  }

  /** Saves contacts.csv if enough time went by since the last save (or `force`), the log first. */
  async checkpoint(force: boolean): Promise<void> {
    const since = performance.now() - this.lastCheckpoint;
    if (!force && since < Math.max(CHECKPOINT_MIN_MS, CHECKPOINT_COST_FACTOR * this.saveMs)) return;
    this.lastCheckpoint = performance.now();
    await this.flushLog(); // a saved contact's text is always in the log
    await this.store.saveContacts(this.table);
    this.saveMs = performance.now() - this.lastCheckpoint;
  }

  /** The intent on disk before the request leaves. */
  async intend(intent: Intent): Promise<void> {
    this.dirty = true;
    await this.journal.append(intent, true);
  }

  /** A text Twilio has: its SID in the journal, its row in the log, the decision on the contact. */
  async recordSent(contact: Contact, intent: Intent, message: CreatedMessage): Promise<void> {
    const sid = sidEntry(intent.id, message);
    await this.journal.append(sid);
    this.logBatch.push({ row: sentRow(intent, sid, this.now), intentId: intent.id });
    applyIntentTo(contact, intent);
    this.deliveries.pending.push(pendingOf(intent, sid.sid));
    if (ruleFor(contact).maxPer24h !== undefined)
      this.recentTexts = {
        ...this.recentTexts,
        [contact.id]: [...(this.recentTexts[contact.id] ?? []), isoSeconds(this.now)],
      };
    this.sent++;
    if (this.logBatch.length >= LOG_BATCH_ROWS || performance.now() - this.lastFlush >= LOG_BATCH_MS)
      await this.flushLog();
  }

  /** The text was not created (refused, or the run stops): the intent is settled as gone. */
  async gone(intent: Intent): Promise<void> {
    await this.journal.append({ t: 'gone', id: intent.id });
  }

  /** An empty list read after no answer: held until a later, second one (one proves nothing). */
  async looked(intent: Intent): Promise<void> {
    intent.looked = [isoSeconds(this.now)];
    await this.journal.append({ t: 'looked', id: intent.id, at: isoSeconds(this.now) });
  }

  /**
   * Writes what the run changed. If the log cannot be written the journal stays, and the next
   * run records these texts; `unknown` intents stay in the journal for the next run to settle.
   */
  async finish(options: {
    deliveriesChanged: boolean;
    daily: { day: string; sentBefore: number };
    unknown: readonly Intent[];
  }): Promise<void> {
    await this.flushLog();
    await this.store.appendOptOuts(this.listed);
    if (this.dirty) await this.store.saveContacts(this.table);
    if (options.deliveriesChanged || this.sent > 0)
      await this.store.writeState(STATE.deliveries, this.deliveries);
    if (JSON.stringify(this.recentTexts) !== this.recentBefore)
      await this.store.writeState(STATE.recentTexts, this.recentTexts);
    if (this.sent > 0)
      await this.store.writeState(STATE.dailySends, {
        day: options.daily.day,
        sent: options.daily.sentBefore + this.sent,
      });
    await this.journal.settle(options.unknown);
  }

  /** Appends the waiting `sent` rows in one go, then marks them logged in the journal. */
  private flushLog(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      this.lastFlush = performance.now();
      const batch = this.logBatch.splice(0);
      if (batch.length === 0) return;
      await this.store.appendMessages(batch.map((b) => b.row));
      await Promise.all(batch.map((b) => this.journal.append({ t: 'logged', id: b.intentId })));
    });
    return this.flushing;
  }
}
