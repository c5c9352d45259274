/**
 * The run-state files of the data dir, in one place: each one's file name, what a run starts from
 * when it does not exist, and a check of its shape (./shape.ts). The store reads and writes them
 * (src/adapters/store/run-state.ts); a file that fails its check stops the run with exit 65,
 * naming the file and the place, except a cache (`rebuilt`), which is ignored and written afresh.
 * docs/design.md ("Data directory") says what each holds and who writes it.
 */
import type { DailySends } from './compliance/daily-cap.js';
import type { Deliveries } from './delivery.js';
import { emptyHandoff, type Handoff } from './handoff.js';
import { emptyInbox, type Inbox } from './inbox.js';
import type { PollCursor } from './poll.js';
import type { SenderHold } from './sender-hold.js';
import { array, nullable, number, object, oneOf, record, type Shape, string } from './shape.js';

export interface StateFile<T> {
  /** the file's name in the data dir */
  readonly file: string;
  /** what a run starts from when the file does not exist */
  readonly empty: () => T;
  readonly shape: Shape;
  /** a cache the next run can make again: a damaged one is ignored, not an error */
  readonly rebuilt?: boolean;
}

/** What `summary.json` holds: the last summary that an SMTP server accepted. */
export interface SummaryState {
  /** the day it was for in the team's zone, `2026-12-01` */
  date: string;
  /** when it was sent (the run's clock) */
  sentAt: string;
  /** the window it covered */
  since: string;
  until: string;
  recipients: number;
}

/** Size, modification time and inode of a file: an edit by anyone changes at least one of them. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** every atomic replace makes a new inode, so two saves within a clock tick still differ */
  ino?: number;
}

/**
 * What `contacts.schedule.json` holds: what the last full `send` learned (the earliest moment
 * anything can be due, what it skipped), the inputs it was made under, and contacts.csv's and
 * opt-outs.csv's fingerprints then.
 */
export interface SavedSchedule extends Fingerprint {
  nextDueAt: string | null;
  skipped: Record<string, number>;
  inputs: string;
  optOuts?: Fingerprint;
}

const fingerprint = (extra: Record<string, Shape> = {}, optional: Record<string, Shape> = {}) =>
  object({ size: number, mtimeMs: number, ...extra }, { ino: number, ...optional });

const pending = { sid: string, contactId: string, to: string, body: string, step: string, sentAt: string };
/** the A/B variant a text was, when its step has variants */
const variant = { variant: string };

const define = <T>(file: StateFile<T>): StateFile<T> => Object.freeze(file);

export const STATE = {
  pollCursor: define<PollCursor | undefined>({
    file: 'poll-cursor.json',
    empty: () => undefined,
    shape: object(
      { after: string, seen: array(string) },
      { logSize: number, logHeader: number, senders: array(string) },
    ),
  }),
  inbox: define<Inbox>({
    file: 'inbox.json',
    empty: emptyInbox,
    shape: object(
      {
        replies: array(
          object({
            sid: string,
            contactId: string,
            from: string,
            to: string,
            body: string,
            dateSent: string,
          }),
        ),
      },
      { logging: object({ at: number, header: number }) },
    ),
  }),
  deliveries: define<Deliveries>({
    file: 'deliveries.json',
    empty: () => ({ pending: [], resends: [] }),
    shape: object(
      {
        pending: array(object(pending, variant)),
        resends: array(object({ ...pending, at: string }, variant)),
      },
      { unpriced: array(object(pending, variant)) },
    ),
  }),
  senderHold: define<SenderHold | null>({
    file: 'sender-hold.json',
    empty: () => null,
    shape: nullable(
      object({
        code: number,
        scope: oneOf('contact', 'sender', 'account', 'busy'),
        meaning: string,
        fix: string,
        sender: string,
        since: string,
        until: nullable(string),
        texts: number,
      }),
    ),
  }),
  handoff: define<Handoff>({
    file: 'handoff.json',
    empty: emptyHandoff,
    shape: object(
      { closed: record(object({ how: oneOf('resumed', 'dismissed'), at: string })) },
      { withPerson: record(string) },
    ),
  }),
  recentTexts: define<Record<string, string[]>>({
    file: 'recent-texts.json',
    empty: () => ({}),
    shape: record(array(string)),
  }),
  dailySends: define<DailySends | null>({
    file: 'daily-sends.json',
    empty: () => null,
    shape: nullable(object({ day: string, sent: number })),
  }),
  summary: define<SummaryState | undefined>({
    file: 'summary.json',
    empty: () => undefined,
    shape: object({ date: string, sentAt: string, since: string, until: string, recipients: number }),
  }),
  schedule: define<SavedSchedule | null>({
    file: 'contacts.schedule.json',
    empty: () => null,
    shape: nullable(
      fingerprint(
        { nextDueAt: nullable(string), skipped: record(number), inputs: string },
        { optOuts: fingerprint() },
      ),
    ),
    rebuilt: true,
  }),
} as const;

/**
 * The send journal (src/adapters/send-journal.ts): JSON lines appended one at a time while a
 * `send` is in flight, read back line by line (a torn last line is expected), so not a StateFile.
 */
export const SEND_JOURNAL_FILE = 'send-journal.jsonl';
