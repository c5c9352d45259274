/**
 * Settles what a killed `send` left in its journal, before anything new is planned: an intent
 * with a SID is recorded; one without is looked up through the list API (was this text created
 * for this number since the intent?) and either recorded or dropped. A message is recorded in the
 * log once, and its decision is applied to the contact only if the contact is still exactly where
 * it was when the send was planned.
 */

import type { Intent, PendingSend, SendJournal } from '../adapters/send-journal.js';
import type { DataDir } from '../adapters/store/index.js';
import type { TwilioAdapter, TwilioMessage } from '../adapters/twilio/index.js';
import { type Contact, isoSeconds, type MessageRow, messageRow } from '../core/model.js';

export interface Recovery {
  recorded: number;
  dropped: number;
  /** the texts found to have gone out, with their SIDs: their delivery results are still to follow */
  sent: { intent: Intent; sid: string }[];
  /** intents still unknown (Twilio could not be asked, or the message is not listed yet) */
  unknown: Intent[];
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

export function sidEntry(intentId: string, message: TwilioMessage) {
  return {
    t: 'sid' as const,
    id: intentId,
    sid: message.sid,
    status: message.status,
    segments: String(message.numSegments),
    dateSent: isoSeconds(message.dateSent ?? message.dateCreated ?? new Date(0)),
  };
}

/**
 * Records on the contact that the intent's text went out. The funnel decision (state, next
 * action) applies only if the contact is still exactly where it was when the send was planned:
 * otherwise it was applied already (a checkpoint saved it before the kill) or the contact moved
 * since (an operator's edit, a reply), and moving it again would undo that. Either way the time
 * of the text is kept: `last_sent_at` never goes back. Returns whether the decision applied.
 */
export function applyIntent(contacts: Map<string, Contact>, intent: Intent): boolean {
  return applyIntentTo(contacts.get(intent.contactId), intent);
}

/** The same, for the contact at hand. */
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

/** What became of one unsettled send: created (its SID known or found in a list), not, or unknown. */
type Settled =
  | { kind: 'sent'; sid: NonNullable<PendingSend['sid']>; found: boolean }
  | { kind: 'gone' }
  | { kind: 'unknown' };

async function settle(p: PendingSend, adapter: TwilioAdapter | undefined, now: Date): Promise<Settled> {
  if (p.sid !== undefined) return { kind: 'sent', sid: p.sid, found: false };
  if (adapter === undefined) return { kind: 'unknown' };
  const found = await adapter.findSentSince({
    to: p.intent.to,
    body: p.intent.body,
    since: new Date(p.intent.at),
  });
  const message = found[found.length - 1];
  if (message !== undefined) return { kind: 'sent', sid: sidEntry(p.intent.id, message), found: true };
  p.intent.looked = [...(p.intent.looked ?? []), isoSeconds(now)];
  return provedNotSent(p.intent, now) ? { kind: 'gone' } : { kind: 'unknown' };
}

export async function recover(
  pending: PendingSend[],
  journal: SendJournal,
  store: DataDir,
  contacts: Map<string, Contact>,
  adapter: TwilioAdapter | undefined,
  now: Date,
): Promise<Recovery> {
  const result: Recovery = { recorded: 0, dropped: 0, sent: [], unknown: [] };
  if (pending.length === 0) return result;
  const logged = new Set((await store.readMessages()).filter((r) => r.event === 'sent').map((r) => r.sid));
  for (const p of pending) {
    const settled = await settle(p, adapter, now);
    if (settled.kind === 'unknown') {
      const at = p.intent.looked?.at(-1);
      if (adapter !== undefined && at !== undefined)
        await journal.append({ t: 'looked', id: p.intent.id, at });
      result.unknown.push(p.intent);
      continue;
    }
    if (settled.kind === 'gone') {
      await journal.append({ t: 'gone', id: p.intent.id });
      result.dropped++;
      continue;
    }
    const { sid } = settled;
    if (settled.found) await journal.append(sid);
    if (!logged.has(sid.sid)) {
      await store.appendMessages([sentRow(p.intent, sid, now)]);
      logged.add(sid.sid);
    }
    await journal.append({ t: 'logged', id: p.intent.id });
    applyIntent(contacts, p.intent);
    result.sent.push({ intent: p.intent, sid: sid.sid });
    result.recorded++;
  }
  return result;
}

/**
 * What `recover` would do, for a dry run: the same look-ups (list reads only) and the same
 * decisions applied to the contacts in memory, nothing written. Without Twilio credentials an
 * intent with no SID stays unknown, and its contact is held as a real run would hold it.
 */
export async function previewRecovery(
  pending: PendingSend[],
  contacts: Map<string, Contact>,
  adapter: TwilioAdapter | undefined,
  now: Date,
): Promise<Recovery> {
  const result: Recovery = { recorded: 0, dropped: 0, sent: [], unknown: [] };
  for (const p of pending) {
    const settled = await settle(p, adapter, now);
    if (settled.kind === 'unknown') result.unknown.push(p.intent);
    else if (settled.kind === 'gone') result.dropped++;
    else {
      applyIntent(contacts, p.intent);
      result.sent.push({ intent: p.intent, sid: settled.sid.sid });
      result.recorded++;
    }
  }
  return result;
}
