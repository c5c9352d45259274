/**
 * The local server's messages, kept for listing at a million messages: arrays sorted by
 * (sort time, sid) ascending — all messages, and one per `To` and per `From` number — so a
 * list request finds its date range and its page start by binary search and walks newest
 * first, never sorting. The sort time is `date_sent`, or `date_created` while a message has
 * not been sent (e.g. inbound still `receiving`).
 */
import type { StoredMessage } from './format.js';

/** A position in the newest-first order; a page token carries the last one served. */
export interface Cursor {
  time: number;
  sid: string;
}

export interface MessageQuery {
  to?: string | undefined;
  from?: string | undefined;
  /** inclusive lower bound on date_sent (ms) */
  sentFrom?: number | undefined;
  /** inclusive upper bound on date_sent (ms) */
  sentTo?: number | undefined;
  /** serve only messages after this position (older, in newest-first order) */
  after?: Cursor | undefined;
  limit: number;
  /** hide messages not listable yet at this instant (ms) */
  listableBy?: number | undefined;
}

const sortTime = (m: StoredMessage): number => m.dateSent ?? m.dateCreated;

function compare(time: number, sid: string, m: StoredMessage): number {
  const t = sortTime(m);
  if (time !== t) return time < t ? -1 : 1;
  return sid < m.sid ? -1 : sid > m.sid ? 1 : 0;
}

/** How many entries sort before (time, sid), or at it too when `inclusive`: binary search. */
function countBefore(list: readonly StoredMessage[], time: number, sid: string, inclusive = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(time, sid, list[mid] as StoredMessage);
    if (c > 0 || (inclusive && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insert(list: StoredMessage[], m: StoredMessage): void {
  const last = list[list.length - 1];
  // New messages nearly always carry the newest time: append without searching.
  if (last === undefined || compare(sortTime(m), m.sid, last) > 0) list.push(m);
  else list.splice(countBefore(list, sortTime(m), m.sid), 0, m);
}

function remove(list: StoredMessage[], m: StoredMessage): void {
  const i = countBefore(list, sortTime(m), m.sid);
  if (list[i] === m) list.splice(i, 1);
}

const MAX_SID = '\uffff';

export class MessageStore {
  private readonly all: StoredMessage[] = [];
  private readonly byTo = new Map<string, StoredMessage[]>();
  private readonly byFrom = new Map<string, StoredMessage[]>();
  private readonly bySid = new Map<string, StoredMessage>();

  get size(): number {
    return this.all.length;
  }

  get(sid: string): StoredMessage | undefined {
    return this.bySid.get(sid);
  }

  /** Every message, oldest first (a copy). */
  list(): StoredMessage[] {
    return [...this.all];
  }

  add(m: StoredMessage): void {
    this.bySid.set(m.sid, m);
    this.index(m, insert);
  }

  /** Changes a message; when its sort time moves it is re-filed so listings stay ordered. */
  update(sid: string, change: (m: StoredMessage) => void): StoredMessage | undefined {
    const m = this.bySid.get(sid);
    if (m === undefined) return undefined;
    this.index(m, remove);
    change(m);
    this.index(m, insert);
    return m;
  }

  private index(m: StoredMessage, op: (list: StoredMessage[], m: StoredMessage) => void): void {
    op(this.all, m);
    for (const [map, key] of [
      [this.byTo, m.to],
      [this.byFrom, m.from],
    ] as const) {
      if (key === null) continue;
      let list = map.get(key);
      if (list === undefined) {
        list = [];
        map.set(key, list);
      }
      op(list, m);
    }
  }

  /** One page, newest first, and whether more follow. */
  query(q: MessageQuery): { messages: StoredMessage[]; more: boolean } {
    const list =
      q.to !== undefined
        ? (this.byTo.get(q.to) ?? [])
        : q.from !== undefined
          ? (this.byFrom.get(q.from) ?? [])
          : this.all;
    let start = list.length;
    if (q.sentTo !== undefined) start = Math.min(start, countBefore(list, q.sentTo, MAX_SID, true));
    // strictly older than the cursor, which was the last message of the previous page
    if (q.after !== undefined) start = Math.min(start, countBefore(list, q.after.time, q.after.sid));
    const dated = q.sentFrom !== undefined || q.sentTo !== undefined;
    const messages: StoredMessage[] = [];
    for (let i = start - 1; i >= 0; i--) {
      const m = list[i] as StoredMessage;
      if (q.sentFrom !== undefined && sortTime(m) < q.sentFrom) break;
      if (dated && m.dateSent === null) continue;
      if (q.listableBy !== undefined && (m.listableAt ?? 0) > q.listableBy) continue;
      if (q.to !== undefined && m.to !== q.to) continue;
      if (q.from !== undefined && m.from !== q.from) continue;
      if (messages.length === q.limit) return { messages, more: true };
      messages.push(m);
    }
    return { messages, more: false };
  }
}
