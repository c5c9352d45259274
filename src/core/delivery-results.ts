/**
 * Delivery results move contacts, by the table of Twilio codes (./twilio-codes.ts): an
 * unreachable handset is texted once more later, a number that cannot take texts is never texted
 * again, a carrier opt-out (21610, reported late by a Messaging Service) opts the contact out, a
 * blocked or filtered text flags the contact for a person. A sender-scope code, or carrier
 * filtering of several texts in one poll, touches no contact: the texts are owed again and a
 * sender hold stops `send` until the cause is fixed (./sender-hold.ts). Pure.
 */
import type { OptOutRow } from './compliance/suppression.js';
import {
  type Deliveries,
  deliveryVerdict,
  FINAL_STATUSES,
  type PendingDelivery,
  RETRY_AFTER_MS,
} from './delivery.js';
import type { CompiledFunnel } from './funnel/index.js';
import { type Contact, isoSeconds } from './model.js';
import { refusalOf } from './refusal.js';
import { holdFor, type SenderHold, strongerHold } from './sender-hold.js';
import { FILTERED_SPIKE, FILTERED_SPIKE_MEANING, FILTERED_SPIKE_SHARE } from './twilio-codes.js';

export interface StatusUpdate {
  sid: string;
  contactId: string;
  status: string;
  errorCode: string;
  /** Twilio's `price` of the text (negative decimal text, `-0.00790`), empty until it reports one */
  price: string;
  /** Twilio's `price_unit` (`USD`), empty without a price */
  priceUnit: string;
}

export interface DeliveryEffects {
  /** a line per failed text, for the operator */
  lines: string[];
  /** carrier opt-outs, for opt-outs.csv */
  optOuts: OptOutRow[];
  /** a sender hold these results call for */
  hold?: SenderHold;
  /** whether a contact row changed */
  contactsChanged: boolean;
}

export interface DeliveryContext {
  /** the funnel, compiled only when a result needs it (an opt-out moves the contact's state) */
  compiled: () => CompiledFunnel | undefined;
  /** the number or Messaging Service SID the texts went from */
  sender: string;
}

/** Applies final results: mutates `deliveries` and the contacts. */
export function applyDeliveryResults(
  updates: readonly StatusUpdate[],
  deliveries: Deliveries,
  contacts: Contact[],
  now: Date,
  context: DeliveryContext,
): DeliveryEffects {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const pending = new Map(deliveries.pending.map((p) => [p.sid, p]));
  const effects: DeliveryEffects = { lines: [], optOuts: [], contactsChanged: false };
  const judged = updates.flatMap((u) => {
    const sent = pending.get(u.sid);
    pending.delete(u.sid);
    if (sent === undefined) return [];
    return [{ u, sent, verdict: deliveryVerdict(u.status, u.errorCode, sent.step.endsWith(':retry')) }];
  });
  // Carriers filtering many texts at once judge the sender's wording or registration, not each person.
  const filtered = judged.filter((j) => j.verdict.kind === 'contact' && j.verdict.meaning.code === 30007);
  const final = judged.filter((j) => FINAL_STATUSES.has(j.u.status)).length;
  const spike = filtered.length >= FILTERED_SPIKE && filtered.length >= FILTERED_SPIKE_SHARE * final;
  const owed: PendingDelivery[] = [];

  for (const { u, sent, verdict } of judged) {
    if (verdict.kind === 'fine') continue;
    const who = `contact ${sent.contactId} (${sent.to})`;
    if (verdict.kind === 'stop' || (spike && filtered.some((f) => f.sent === sent))) {
      const meaning = verdict.kind === 'stop' ? verdict.meaning : FILTERED_SPIKE_MEANING;
      owed.push(sent);
      effects.hold = strongerHold(effects.hold, holdFor(meaning, context.sender, 0, now));
      effects.lines.push(
        `${who}: text ${u.sid} failed with Twilio ${u.errorCode}, ${meaning.meaning}: the sender is at fault, not the contact; the text is owed again`,
      );
      continue;
    }
    if (verdict.kind === 'retry_once') {
      deliveries.resends.push({
        ...sent,
        step: `${sent.step}:retry`,
        at: isoSeconds(new Date(now.getTime() + RETRY_AFTER_MS)),
      });
      effects.lines.push(
        `${who}: text ${u.sid} was not delivered (Twilio ${u.errorCode}, ${verdict.meaning.meaning}); it is sent once more in 4 hours`,
      );
      continue;
    }
    const contact = byId.get(sent.contactId);
    if (contact === undefined) continue;
    const refusal = refusalOf(
      contact,
      verdict.effect,
      verdict.meaning,
      verdict.effect === 'opted_out' ? context.compiled() : undefined,
      now,
      `text ${u.sid} to contact ${contact.id}`,
    );
    Object.assign(contact, refusal.set);
    if (refusal.optOut !== undefined) effects.optOuts.push(refusal.optOut);
    effects.contactsChanged = true;
    const code =
      verdict.meaning.code === 0
        ? verdict.meaning.meaning
        : `Twilio ${verdict.meaning.code}, ${verdict.meaning.meaning}`;
    effects.lines.push(`${who}: text ${u.sid} failed (${code}); ${refusal.outcome}`);
  }
  // Owed again as they were, due now: `send` sends them once the hold is lifted.
  for (const sent of owed) deliveries.resends.push({ ...sent, at: isoSeconds(now) });
  if (effects.hold !== undefined) effects.hold.texts = owed.length;
  deliveries.pending = [...pending.values()];
  return effects;
}
