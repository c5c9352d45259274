/**
 * A person takes over (issue #14): the inbox of replies waiting for a person, a contact's whole
 * thread, and what closes an item. Pure: messages.csv rows, contacts and `handoff.json` in,
 * items out. The inbox is derived, not stored: a reply is waiting while its category asks for a
 * person (a question, a reply nothing understood), nothing went to the contact after it, and no
 * one closed it (`handoff.json`: resumed or dismissed, by SID).
 */
import { isOptedOut } from './contact-update.js';
import { type Contact, foldMessages, type MessageRow } from './model.js';

/**
 * Categories a person answers: questions, replies nothing understood, and HELP (when Twilio
 * answers it, nothing of ours follows, so it waits here; when the funnel does, its help text
 * is the answer and the item closes).
 */
export const PERSON_CATEGORIES: readonly string[] = ['question', 'other', 'help'];

export interface Handoff {
  /** replies taken out of the inbox by a person, by SID */
  closed: Record<string, { how: 'resumed' | 'dismissed'; at: string }>;
  /** contacts a person is handling (since when): the funnel sends them nothing and routes none of their replies until `resume` */
  withPerson?: Record<string, string>;
}

export const emptyHandoff = (): Handoff => ({ closed: {} });

export interface InboxItem {
  sid: string;
  contactId: string;
  name: string;
  phone: string;
  reply: string;
  category: string;
  /** when it came (ISO) */
  at: string;
  /** the step whose text it answered (the last one sent before it), or '' */
  step: string;
  waitedMs: number;
}

const nameOf = (c: Contact) => [c.first_name, c.last_name].filter((p) => p !== '').join(' ');
const when = (m: MessageRow) => m.date_sent || m.logged_at;

/** The replies waiting for a person, oldest first. */
export function inboxItems(
  rows: readonly MessageRow[],
  contacts: readonly Contact[],
  handoff: Handoff,
  now: Date,
): InboxItem[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const messages = [...foldMessages(rows).values()];
  const lastOut = new Map<string, MessageRow[]>();
  for (const m of messages)
    if (m.direction === 'outbound' && m.contact_id !== '')
      lastOut.set(m.contact_id, [...(lastOut.get(m.contact_id) ?? []), m]);
  const items: InboxItem[] = [];
  for (const m of messages) {
    if (m.direction !== 'inbound' || !PERSON_CATEGORIES.includes(m.category)) continue;
    const contact = byId.get(m.contact_id);
    if (contact === undefined || isOptedOut(contact) || handoff.closed[m.sid] !== undefined) continue;
    const at = when(m);
    const out = lastOut.get(contact.id) ?? [];
    if (out.some((o) => when(o) > at)) continue; // answered since, by the funnel or a person
    const before = out.filter((o) => when(o) <= at).sort((a, b) => when(a).localeCompare(when(b)));
    items.push({
      sid: m.sid,
      contactId: contact.id,
      name: nameOf(contact),
      phone: contact.phone,
      reply: m.body,
      category: m.category,
      at,
      step: before.at(-1)?.step.replace(/:retry$/, '') ?? '',
      waitedMs: Math.max(0, now.getTime() - Date.parse(at)),
    });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.sid.localeCompare(b.sid));
}

export interface ThreadEntry {
  sid: string;
  at: string;
  direction: 'in' | 'out';
  body: string;
  /** the step of an outbound text; the category of a reply */
  label: string;
  /** delivery status of an outbound text, error code included */
  status: string;
}

/** Every message to and from the contact, oldest first. */
export function threadOf(rows: readonly MessageRow[], contact: Contact): ThreadEntry[] {
  return [...foldMessages(rows).values()]
    .filter((m) => m.contact_id === contact.id || (m.contact_id === '' && m.from === contact.phone))
    .map((m) => {
      const out = m.direction === 'outbound';
      return {
        sid: m.sid,
        at: when(m),
        direction: out ? ('out' as const) : ('in' as const),
        body: m.body,
        label: out ? m.step : m.category,
        status: out ? `${m.status}${m.error_code === '' ? '' : ` (Twilio ${m.error_code})`}` : '',
      };
    })
    .sort((a, b) => a.at.localeCompare(b.at) || a.sid.localeCompare(b.sid));
}

/** "3 h 20 min", "2 d 4 h", "12 min". */
export function formatWait(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/** Closes every waiting item of the contact: the SIDs closed, and the new handoff state. */
export function closeItems(
  items: readonly InboxItem[],
  contactId: string,
  how: 'resumed' | 'dismissed',
  handoff: Handoff,
  at: string,
): { closed: string[]; handoff: Handoff } {
  const closed = items.filter((i) => i.contactId === contactId).map((i) => i.sid);
  const next: Handoff = { ...handoff, closed: { ...handoff.closed } };
  for (const sid of closed) next.closed[sid] = { how, at };
  if (how === 'resumed' && next.withPerson?.[contactId] !== undefined) {
    const { [contactId]: _resumed, ...rest } = next.withPerson;
    next.withPerson = rest;
  }
  return { closed, handoff: next };
}
