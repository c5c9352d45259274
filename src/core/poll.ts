/**
 * The poll cursor: which inbound messages `poll-replies` has already recorded.
 *
 * Twilio's list filter `DateSent>` is inclusive and coarse, and its timestamps have one-second
 * resolution (https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources),
 * and a message can show up in the list a little after its `date_sent`. So the cursor is taken
 * from the SERVER's timestamps, lags the newest recorded message by an overlap window, and keeps
 * the SIDs recorded inside that window: a message listed twice is recognised and skipped. A
 * message still `receiving`, or without `date_sent`, is not recorded and holds the cursor back so
 * the next poll sees it again.
 */

/** How far behind the newest recorded message the next poll starts listing. */
export const OVERLAP_MS = 10 * 60 * 1000;
/** An idle cursor is moved up once it lags this far behind. */
const IDLE_MOVE_MS = 60 * 60 * 1000;
/** A first poll (no cursor) looks back this far. */
export const FIRST_POLL_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

export interface PollCursor {
  /** list messages with `DateSent>=` this instant (ISO) */
  after: string;
  /** SIDs already recorded whose date_sent is at or after `after` */
  seen: string[];
  /** messages.csv's size when the cursor was saved: rows past it are read to catch a killed run's */
  logSize?: number;
  /**
   * the length of messages.csv's header line then: a header widened since (new columns) moves
   * every row, so the bookmark no longer holds and the whole log is read. Absent in a cursor saved
   * before the log could gain columns: its header was the original one.
   */
  logHeader?: number;
  /** every number the funnel has sent from: replies to an earlier sender are still polled */
  senders?: string[];
}

/** The numbers to poll: every earlier sender and the current one (none: a Messaging Service lists all). */
export function sendersToPoll(cursor: PollCursor | undefined, current: string | undefined): string[] {
  const all = new Set(cursor?.senders ?? []);
  if (current !== undefined) all.add(current);
  return [...all];
}

/** An inbound message as listed by Twilio, reduced to what the cursor needs. */
export interface ListedInbound {
  sid: string;
  status: string;
  dateSent: Date | undefined;
  dateCreated: Date | undefined;
}

export function listFrom(cursor: PollCursor | undefined, now: Date): Date {
  return cursor === undefined ? new Date(now.getTime() - FIRST_POLL_LOOKBACK_MS) : new Date(cursor.after);
}

/** A message is ready to record once Twilio has finished receiving it and dated it. */
export function isComplete(m: ListedInbound): boolean {
  return (
    m.dateSent !== undefined && m.status !== 'receiving' && m.status !== 'accepted' && m.status !== 'queued'
  );
}

/**
 * Splits a listing into the messages to record now (new and complete) and computes the next
 * cursor. `alreadyRecorded` answers for SIDs outside the cursor's memory (a first poll, or a
 * cursor file that was lost, checks the log).
 */
export function absorb(
  cursor: PollCursor | undefined,
  listed: readonly ListedInbound[],
  now: Date,
  alreadyRecorded: (sid: string) => boolean = () => false,
): { record: ListedInbound[]; held: ListedInbound[]; cursor: PollCursor; changed: boolean } {
  const seen = new Set(cursor?.seen ?? []);
  const record: ListedInbound[] = [];
  const held: ListedInbound[] = [];
  // Twilio documents DateSent> as a date: a listing may reach back to the start of the cursor's
  // day. What is dated before the cursor was recorded by an earlier poll (the cursor never passes
  // a message it could not record), so it is dropped, not recorded again (issue #11: one "yes"
  // answered seven times in an afternoon).
  const from = cursor === undefined ? undefined : Date.parse(cursor.after);
  for (const m of listed) {
    if (seen.has(m.sid) || alreadyRecorded(m.sid)) continue;
    if (from !== undefined && m.dateSent !== undefined && m.dateSent.getTime() < from) continue;
    if (isComplete(m)) {
      record.push(m);
      seen.add(m.sid);
    } else {
      held.push(m);
    }
  }
  // The newest server time we have recorded, minus the overlap...
  let newest =
    cursor === undefined
      ? listFrom(undefined, now).getTime() + OVERLAP_MS
      : Date.parse(cursor.after) + OVERLAP_MS;
  for (const m of listed) {
    if (isComplete(m) && m.dateSent !== undefined && seen.has(m.sid))
      newest = Math.max(newest, m.dateSent.getTime());
  }
  let after = newest - OVERLAP_MS;
  // ...but never past a message we could not record yet.
  for (const m of held) {
    const t = (m.dateSent ?? m.dateCreated)?.getTime();
    if (t !== undefined) after = Math.min(after, t - OVERLAP_MS);
  }
  // With nothing still arriving, the cursor moves on even without a reply, so a quiet week does
  // not make every poll list the week again: to two overlaps behind this machine's clock, once
  // it lags an hour (so an idle poll still rewrites no file).
  const floor = now.getTime() - 2 * OVERLAP_MS;
  if (held.length === 0 && floor - after > IDLE_MOVE_MS) after = floor;
  if (cursor !== undefined) after = Math.max(after, Date.parse(cursor.after)); // the cursor never moves back
  const keep = new Map<string, number>();
  for (const m of listed) {
    if (seen.has(m.sid) && m.dateSent !== undefined && m.dateSent.getTime() >= after) keep.set(m.sid, 0);
  }
  // SIDs remembered from earlier polls stay while they may still be listed (we cannot date them
  // without the listing, so keep those the listing still returned plus this poll's records).
  const next: PollCursor = {
    after: new Date(after).toISOString(),
    seen: [...keep.keys()].sort(),
    ...(cursor?.senders === undefined ? {} : { senders: cursor.senders }),
  };
  const changed =
    cursor === undefined ||
    next.after !== cursor.after ||
    next.seen.join(',') !== [...cursor.seen].sort().join(',');
  return { record, held, cursor: next, changed };
}
