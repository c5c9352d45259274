/**
 * Delivery results: which statuses are final, and what a failed one means, by the one table of
 * Twilio codes (./twilio-codes.ts). A contact-scope code moves that contact; a sender-, account-
 * or busy-scope code (30034 unregistered, 30002 suspended, 30001 queue overflow, ...) touches no
 * contact: the text is owed again and `send` holds until the cause is fixed (./sender-hold.ts).
 */
import { type CodeMeaning, codeMeaning } from './twilio-codes.js';

export const FINAL_STATUSES = new Set(['delivered', 'undelivered', 'failed', 'read', 'canceled']);
export const FAILED_STATUSES = new Set(['undelivered', 'failed']);

/** How long after an unreachable handset (30003) the one retry waits. */
export const RETRY_AFTER_MS = 4 * 60 * 60 * 1000;

export type DeliveryVerdict =
  | { kind: 'fine' }
  | { kind: 'retry_once'; meaning: CodeMeaning }
  | { kind: 'contact'; effect: 'opted_out' | 'unusable' | 'country_blocked' | 'person'; meaning: CodeMeaning }
  | { kind: 'stop'; meaning: CodeMeaning };

export function deliveryVerdict(status: string, errorCode: string, isRetry: boolean): DeliveryVerdict {
  if (!FAILED_STATUSES.has(status)) return { kind: 'fine' };
  if (errorCode === '' || !/^\d+$/.test(errorCode))
    return {
      kind: 'contact',
      effect: 'person',
      meaning: { ...codeMeaning(0), meaning: `the message was ${status} with no error code` },
    };
  const meaning = codeMeaning(Number(errorCode));
  if (meaning.scope !== 'contact') return { kind: 'stop', meaning };
  const effect = meaning.effect ?? 'person';
  if (effect !== 'retry_once') return { kind: 'contact', effect, meaning };
  if (!isRetry) return { kind: 'retry_once', meaning };
  return {
    kind: 'contact',
    effect: 'person',
    meaning: {
      ...meaning,
      meaning: 'the handset was unreachable twice',
      fix: 'Read the conversation with the contact first',
    },
  };
}

/** An outbound text whose delivery result is not known yet. */
export interface PendingDelivery {
  sid: string;
  contactId: string;
  to: string;
  body: string;
  step: string;
  /** the A/B variant the text was (a resend goes as the same one) */
  variant?: string;
  sentAt: string;
}

/** A text to send again once (after a 30003), due at `at`. */
export interface Resend extends PendingDelivery {
  at: string;
}

export interface Deliveries {
  pending: PendingDelivery[];
  resends: Resend[];
  /**
   * texts whose final result came before their price (Twilio fills `price` in "after the message
   * has been sent", and not always at once): looked up again within the window until it shows
   */
  unpriced?: PendingDelivery[];
}

/**
 * After a poll: texts whose final result came without a price wait for it in `unpriced`; those
 * whose price came are done. A failed or canceled text is never billed, so never waited for.
 */
export function followPrices(
  deliveries: Deliveries,
  updates: readonly { sid: string; status: string; price: string }[],
  wasPending: ReadonlyMap<string, PendingDelivery>,
): void {
  const priced = new Set(updates.filter((u) => u.price !== '').map((u) => u.sid));
  const unpriced = (deliveries.unpriced ?? []).filter((p) => !priced.has(p.sid));
  for (const u of updates) {
    const text = wasPending.get(u.sid);
    if (text !== undefined && u.price === '' && FINAL_STATUSES.has(u.status) && !UNBILLED.has(u.status))
      unpriced.push(text);
  }
  if (unpriced.length > 0 || deliveries.unpriced !== undefined) deliveries.unpriced = unpriced;
}
const UNBILLED = new Set(['failed', 'canceled']);

/** Status refresh looks back at most this far: older unknown results are left as they are. */
export const STATUS_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
