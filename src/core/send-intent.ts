/**
 * A text `send` means to create, as the send journal keeps it (src/adapters/send-journal.ts),
 * and the pure steps around it: the intent of a planned text, the log row and delivery entry of a
 * text Twilio has, and what the intent does to its contact once it is known to be out.
 */

import { sentColumns } from './contact-update.js';
import type { PendingDelivery } from './delivery.js';
import { type Contact, isoSeconds, type MessageRow, messageRow } from './model.js';
import type { PlannedSend } from './send-plan.js';

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

/** Twilio's answer for an intent, as the journal keeps it. */
export interface SidEntry {
  t: 'sid';
  id: string;
  sid: string;
  status: string;
  segments: string;
  dateSent: string;
}

/** A created message as the Twilio adapter returns it (the fields an intent needs). */
export interface CreatedMessage {
  sid: string;
  status: string;
  numSegments: number | string;
  dateSent: Date | null;
  dateCreated: Date | null;
}

/** `id` comes from the edge (a random UUID); everything else from the plan. */
export function intentFor(item: PlannedSend, id: string, from: string, now: Date): Intent {
  return {
    t: 'intent',
    id,
    at: now.toISOString(),
    contactId: item.contact.id,
    to: item.contact.phone,
    from,
    body: item.text,
    step: item.key,
    ...(item.variant === undefined ? {} : { variant: item.variant }),
    decision: {
      fromState: item.contact.state,
      fromNextActionAt: item.contact.next_action_at,
      set: sentColumns(item.decision, now),
    },
  };
}

export function sidEntry(intentId: string, message: CreatedMessage): SidEntry {
  return {
    t: 'sid',
    id: intentId,
    sid: message.sid,
    status: message.status,
    segments: String(message.numSegments),
    dateSent: isoSeconds(message.dateSent ?? message.dateCreated ?? new Date(0)),
  };
}

export function sentRow(
  intent: Intent,
  m: { sid: string; status: string; segments: string; dateSent: string },
  now: Date,
): MessageRow {
  return messageRow({
    logged_at: isoSeconds(now),
    event: 'sent',
    sid: m.sid,
    direction: 'outbound',
    contact_id: intent.contactId,
    from: intent.from,
    to: intent.to,
    body: intent.body,
    status: m.status,
    segments: m.segments,
    date_sent: m.dateSent,
    step: intent.step,
    variant: intent.variant ?? '',
  });
}

/** The delivery result still to follow for a text Twilio has. */
export function pendingOf(intent: Intent, sid: string): PendingDelivery {
  return {
    sid,
    contactId: intent.contactId,
    to: intent.to,
    body: intent.body,
    step: intent.step,
    ...(intent.variant === undefined ? {} : { variant: intent.variant }),
    sentAt: intent.at,
  };
}

/**
 * Records on the contact that the intent's text went out. The funnel decision (state, next
 * action) applies only if the contact is still exactly where it was when the send was planned:
 * otherwise it was applied already (a checkpoint saved it before the kill) or the contact moved
 * since (an operator's edit, a reply), and moving it again would undo that. Either way the time
 * of the text is kept: `last_sent_at` never goes back. Returns whether the decision applied.
 */
export function applyIntentTo(contact: Contact | undefined, intent: Intent): boolean {
  if (contact === undefined) return false;
  if (
    contact.state === intent.decision.fromState &&
    contact.next_action_at === intent.decision.fromNextActionAt
  ) {
    Object.assign(contact, intent.decision.set);
    return true;
  }
  const sentAt = intent.decision.set.last_sent_at;
  if (sentAt !== undefined && (contact.last_sent_at === '' || contact.last_sent_at < sentAt))
    contact.last_sent_at = sentAt;
  return false;
}

/**
 * Twilio's list can lag behind its creates, so an empty read alone never proves a text was not
 * created: it is declared not sent only when a second read, this long after the intent, is empty
 * too. Until then the contact is held, never texted again.
 */
export const NOT_SENT_GRACE_MS = 10 * 60_000;

/** Whether the reads so far (times of empty list answers) prove the text was never created. */
export function provedNotSent(intent: Intent, now: Date): boolean {
  const looked = intent.looked ?? [];
  return looked.length >= 2 && now.getTime() - Date.parse(intent.at) >= NOT_SENT_GRACE_MS;
}
