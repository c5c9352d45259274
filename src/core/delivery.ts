/**
 * What a delivery result means for the contact. Codes from Twilio's error dictionary
 * (https://www.twilio.com/docs/errors/30003 ... /30007): 30003 the handset was unreachable (off,
 * out of coverage) — worth one more try later; 30005 unknown or inactive number and 30006
 * landline or unreachable carrier — the number cannot take texts; 30004 blocked by the recipient
 * and 30007 filtered by the carrier — a person should look before anything else is sent.
 */

export const FINAL_STATUSES = new Set(['delivered', 'undelivered', 'failed', 'read', 'canceled']);
export const FAILED_STATUSES = new Set(['undelivered', 'failed']);

/** How long after an unreachable handset (30003) the one retry waits. */
export const RETRY_AFTER_MS = 4 * 60 * 60 * 1000;

export type DeliveryVerdict =
  | { kind: 'fine' }
  | { kind: 'retry_once' }
  | { kind: 'unusable'; reason: string }
  | { kind: 'needs_human'; reason: string };

export function deliveryVerdict(status: string, errorCode: string, isRetry: boolean): DeliveryVerdict {
  if (!FAILED_STATUSES.has(status)) return { kind: 'fine' };
  const code = errorCode === '' ? 'no error code' : `Twilio ${errorCode}`;
  switch (errorCode) {
    case '30003':
      return isRetry
        ? { kind: 'needs_human', reason: `${code}: the handset was unreachable twice` }
        : { kind: 'retry_once' };
    case '30005':
      return { kind: 'unusable', reason: `${code}: unknown or inactive number` };
    case '30006':
      return { kind: 'unusable', reason: `${code}: landline or unreachable carrier` };
    case '30004':
      return { kind: 'needs_human', reason: `${code}: the recipient blocked the message` };
    case '30007':
      return {
        kind: 'needs_human',
        reason: `${code}: the carrier filtered the message as spam; review the text`,
      };
    default:
      return { kind: 'needs_human', reason: `${code}: the message was ${status}` };
  }
}

/** An outbound text whose delivery result is not known yet. */
export interface PendingDelivery {
  sid: string;
  contactId: string;
  to: string;
  body: string;
  step: string;
  sentAt: string;
}

/** A text to send again once (after a 30003), due at `at`. */
export interface Resend extends PendingDelivery {
  at: string;
}

export const DELIVERIES_STATE = 'deliveries';

export interface Deliveries {
  pending: PendingDelivery[];
  resends: Resend[];
}

/** Status refresh looks back at most this far: older unknown results are left as they are. */
export const STATUS_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
