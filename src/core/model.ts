/**
 * The records the funnel keeps, as they stand in the data directory's CSV files. Every value is
 * text, exactly as in the file; custom columns an operator imported or added by hand ride along
 * on each contact in their original order.
 */

/** The standard columns of contacts.csv, in the order a new file gets them. */
export const CONTACT_COLUMNS = [
  'id',
  'phone',
  'first_name',
  'last_name',
  'email',
  'state',
  'category',
  'next_action_at',
  'last_sent_at',
  'last_inbound_at',
  'opted_out_at',
  'error',
  'updated_at',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** One contact: the standard columns plus any custom ones (text, as in the file). */
export type Contact = Record<ContactColumn, string> & Record<string, string>;

/**
 * The columns of messages.csv, an append-only event log. Each row is one event about one
 * message: `sent` or `received` (the message itself), `status` (a delivery update of an
 * outbound message) or `category` (an inbound message understood). A message's current view is
 * its rows folded in order, later non-empty values winning (see `foldMessages`). `variant` is the
 * A/B variant of the step a `sent` text was; `price` and `price_unit` are what Twilio billed for an
 * outbound text (negative decimal text such as `-0.00790`, `USD`), on the `status` row that
 * brought them, once Twilio reports them.
 */
export const MESSAGE_COLUMNS = [
  'logged_at',
  'event',
  'sid',
  'direction',
  'contact_id',
  'from',
  'to',
  'body',
  'status',
  'error_code',
  'segments',
  'date_sent',
  'step',
  'category',
  'variant',
  'price',
  'price_unit',
] as const;
/**
 * The columns a log written before A/B variants and prices lacks (they came last, in this order):
 * such a log still loads, those cells read empty, and its header gains them on the first append
 * of a row that has one (see src/adapters/store/messages-log.ts).
 */
export const LATER_MESSAGE_COLUMNS = ['variant', 'price', 'price_unit'] as const;
export type MessageColumn = (typeof MESSAGE_COLUMNS)[number];
export type MessageRow = Record<MessageColumn, string>;
export type MessageEvent = 'sent' | 'received' | 'status' | 'category';
export type Direction = 'outbound' | 'inbound';

/** A row with every message column present (empty where not given). */
export function messageRow(fields: Partial<MessageRow>): MessageRow {
  const row = {} as MessageRow;
  for (const c of MESSAGE_COLUMNS) row[c] = fields[c] ?? '';
  return row;
}

/** A contact with every standard column present (empty where not given), custom fields kept. */
export function contactRow(fields: Partial<Contact>): Contact {
  const row = { ...fields } as Contact;
  for (const c of CONTACT_COLUMNS) row[c] ??= '';
  return row;
}

/** Folds the event log into one current view per message SID, in first-seen order. */
export function foldMessages(rows: Iterable<MessageRow>): Map<string, MessageRow> {
  const bySid = new Map<string, MessageRow>();
  for (const row of rows) {
    const current = bySid.get(row.sid);
    if (current === undefined) {
      bySid.set(row.sid, { ...row });
      continue;
    }
    for (const c of MESSAGE_COLUMNS) {
      if (c === 'event' || c === 'logged_at') continue;
      if (row[c] !== '') current[c] = row[c];
    }
  }
  return bySid;
}

/**
 * The most characters a cell of contacts.csv may hold. Far above any name or note, it catches a
 * missing closing quote that swallowed the rest of a file, or pasted binary data, before a text
 * is built from it (Twilio takes at most 1,600 characters a message anyway).
 */
export const MAX_CELL = 10_000;

/** Timestamps in the files: ISO 8601, UTC, whole seconds (`2026-12-01T17:00:00Z`). */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Parses a timestamp cell; undefined for an empty or unreadable one. */
export function parseTime(cell: string): Date | undefined {
  if (cell.trim() === '') return undefined;
  const t = Date.parse(cell);
  return Number.isNaN(t) ? undefined : new Date(t);
}
