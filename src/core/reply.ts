/**
 * A reply, once understood, moves its contact: the funnel's route for the category (which may
 * owe a text that the next `send` delivers), the category and time of the reply on the row, and
 * an opt-out that takes effect whatever the contact's step — even a finished contact's.
 */
import { decisionColumns } from './contact-update.js';
import { advance, type CompiledFunnel } from './funnel/index.js';
import { type Contact, isoSeconds, type MessageRow, messageRow } from './model.js';

export interface UnderstoodReply {
  category: string;
  /** the reply's date_sent (ISO); replies are applied in this order, each once */
  dateSent: string;
}

/** Applies the reply to the contact in place; false when it was already applied earlier. */
export function applyReply(
  compiled: CompiledFunnel,
  contact: Contact,
  reply: UnderstoodReply,
  now: Date,
): boolean {
  if (contact.last_inbound_at !== '' && Date.parse(contact.last_inbound_at) > Date.parse(reply.dateSent))
    return false;
  const decision = advance(compiled, contact, { type: 'REPLY', category: reply.category }, now);
  if (decision.changed) Object.assign(contact, decisionColumns(decision, now));
  contact.category = reply.category;
  contact.last_inbound_at = isoSeconds(new Date(reply.dateSent));
  contact.updated_at = isoSeconds(now);
  if (reply.category === 'opt_out' && contact.opted_out_at === '') {
    contact.opted_out_at = isoSeconds(now);
    contact.next_action_at = '';
  }
  return true;
}

/** The log row that records how an inbound message (by SID) was understood. */
export function categoryRow(
  reply: { sid: string; contactId: string },
  category: string,
  now: Date,
): MessageRow {
  return messageRow({
    logged_at: isoSeconds(now),
    event: 'category',
    sid: reply.sid,
    direction: 'inbound',
    contact_id: reply.contactId,
    category,
  });
}
