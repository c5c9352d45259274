/**
 * Delivery results move contacts (src/core/delivery.ts): an unreachable handset is texted once
 * more later, a number that cannot take texts is never texted again, and a blocked or filtered
 * text flags the contact for a person.
 */
import { unusableColumns } from '../core/contact-update.js';
import { type Deliveries, deliveryVerdict, RETRY_AFTER_MS } from '../core/delivery.js';
import { type Contact, isoSeconds } from '../core/model.js';

export interface StatusUpdate {
  sid: string;
  contactId: string;
  status: string;
  errorCode: string;
}

/** Applies final results: mutates `deliveries` and the contacts; returns a line per failure. */
export function applyDeliveryResults(
  updates: readonly StatusUpdate[],
  deliveries: Deliveries,
  contacts: Contact[],
  now: Date,
): string[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const pending = new Map(deliveries.pending.map((p) => [p.sid, p]));
  const lines: string[] = [];
  for (const u of updates) {
    const sent = pending.get(u.sid);
    pending.delete(u.sid);
    if (sent === undefined) continue;
    const verdict = deliveryVerdict(u.status, u.errorCode, sent.step.endsWith(':retry'));
    if (verdict.kind === 'fine') continue;
    const contact = byId.get(sent.contactId);
    const who = `contact ${sent.contactId} (${sent.to})`;
    if (verdict.kind === 'retry_once') {
      deliveries.resends.push({
        ...sent,
        step: `${sent.step}:retry`,
        at: isoSeconds(new Date(now.getTime() + RETRY_AFTER_MS)),
      });
      lines.push(
        `${who}: text ${u.sid} was not delivered (Twilio 30003, handset unreachable); it is sent once more in 4 hours`,
      );
    } else if (verdict.kind === 'unusable') {
      if (contact !== undefined) Object.assign(contact, unusableColumns(verdict.reason, now));
      lines.push(`${who}: text ${u.sid} failed, ${verdict.reason}; the contact will not be texted again`);
    } else {
      if (contact !== undefined)
        Object.assign(contact, {
          error: `needs a person: ${verdict.reason}`,
          next_action_at: '',
          updated_at: isoSeconds(now),
        });
      lines.push(
        `${who}: text ${u.sid} failed, ${verdict.reason}; flagged for a person, and not texted again until next_action_at is set`,
      );
    }
  }
  deliveries.pending = [...pending.values()];
  return lines;
}
