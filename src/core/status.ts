/**
 * The funnel in numbers for `smsfunnel status`: contacts by state and by category, opt-outs,
 * what is due now and when the next actions fall. Pure: it takes the contacts, the message log
 * and `now`, and counts.
 */
import { type Contact, foldMessages, isoSeconds, type MessageRow, parseTime } from './model.js';

/** The label for a contact whose state or category cell is empty. */
export const NONE = '(none)';

export interface FunnelStatus {
  contacts: number;
  /** [state, count], most contacts first (ties by name) */
  byState: Array<[string, number]>;
  byCategory: Array<[string, number]>;
  optedOut: number;
  /** contacts not opted out whose next action time has come */
  dueNow: number;
  /** the next action times after now, earliest first, with how many contacts share each */
  upcoming: Array<{ at: string; count: number }>;
  /** distinct messages in the log (events folded by SID) */
  messages: { outbound: number; inbound: number };
}

export function funnelStatus(
  contacts: Iterable<Contact>,
  messageLog: Iterable<MessageRow>,
  now: Date,
  upcomingLimit = 5,
): FunnelStatus {
  const byState = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const later = new Map<number, number>();
  let total = 0;
  let optedOut = 0;
  let dueNow = 0;
  const nowMs = now.getTime();
  for (const contact of contacts) {
    total++;
    bump(byState, contact.state === '' ? NONE : contact.state);
    bump(byCategory, contact.category === '' ? NONE : contact.category);
    if (contact.opted_out_at.trim() !== '') {
      optedOut++;
      continue;
    }
    const next = parseTime(contact.next_action_at)?.getTime();
    if (next === undefined) continue;
    if (next <= nowMs) dueNow++;
    else bump(later, Math.floor(next / 1000) * 1000);
  }
  const upcoming = [...later.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, upcomingLimit)
    .map(([at, count]) => ({ at: isoSeconds(new Date(at)), count }));

  let outbound = 0;
  let inbound = 0;
  for (const message of foldMessages(messageLog).values()) {
    if (message.direction === 'outbound') outbound++;
    else if (message.direction === 'inbound') inbound++;
  }
  return {
    contacts: total,
    byState: byCount(byState),
    byCategory: byCount(byCategory),
    optedOut,
    dueNow,
    upcoming,
    messages: { outbound, inbound },
  };
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function byCount(counts: Map<string, number>): Array<[string, number]> {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The --json shape: counts as objects keyed by state and category, most contacts first. */
export function statusJson(status: FunnelStatus) {
  return {
    contacts: status.contacts,
    byState: Object.fromEntries(status.byState),
    byCategory: Object.fromEntries(status.byCategory),
    optedOut: status.optedOut,
    dueNow: status.dueNow,
    upcoming: status.upcoming,
    messages: status.messages,
  };
}
