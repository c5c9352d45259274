import type { CodeMeaning, ContactEffect } from '../../core/twilio-codes.js';

/**
 * The Twilio port as the commands see it. `./adapter.ts` is the one implementation (the official
 * `twilio` SDK); the local server in src/twilio-server stands in for Twilio in tests and the demo.
 */

/** A message as Twilio reports it (Message resource, API 2010-04-01), in plain values. */
export interface TwilioMessage {
  sid: string;
  /** `inbound`, `outbound-api`, `outbound-call` or `outbound-reply` */
  direction: string;
  from: string | null;
  to: string;
  body: string;
  /** queued, sending, sent, delivered, undelivered, failed, receiving, received, ... */
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  numSegments: number;
  messagingServiceSid: string | null;
  dateCreated: Date | null;
  dateSent: Date | null;
  dateUpdated: Date | null;
  price: string | null;
  priceUnit: string | null;
}

/** What Twilio's refusal does to this contact (src/core/twilio-codes.ts); sending to others goes on. */
export type RejectionReason = ContactEffect;

export type SendOutcome =
  | { kind: 'sent'; message: TwilioMessage }
  | {
      kind: 'rejected';
      reason: RejectionReason;
      /** Twilio's error code, e.g. 21610 */
      code: number;
      /** Twilio's page about the code, https://www.twilio.com/docs/errors/<code> */
      moreInfo: string;
      /** one sentence for the operator: what Twilio said, the code and its link */
      message: string;
    }
  | {
      /**
       * Twilio refused the text for a reason about the sender, the account or a full queue
       * (21606, 21608, 217xx, 21611): every text would fail the same way, so the run stops.
       */
      kind: 'stopped';
      meaning: CodeMeaning;
      moreInfo: string;
      message: string;
    }
  | {
      /**
       * The request may have reached Twilio but no answer came (connection dropped, timeout):
       * the message may exist. Reconcile with `findSentSince` before sending again.
       */
      kind: 'ambiguous';
      /** what happened, for the log (no secret in it) */
      error: string;
    };

export interface SendRequest {
  to: string;
  body: string;
  statusCallback?: string;
  /** seconds Twilio may keep the text queued before it drops it (1..36000; error 30036) */
  validityPeriod?: number;
}

export interface MessageFilter {
  to?: string;
  from?: string;
  /** Twilio `DateSent>`: inclusive, and coarse (Twilio compares dates); check times yourself */
  dateSentAfter?: Date;
  /** Twilio `DateSent<`: inclusive */
  dateSentBefore?: Date;
  /** Twilio `DateSent` */
  dateSent?: Date;
  /** messages per page, 1..1000 (default 1000: fewer round trips) */
  pageSize?: number;
}

export interface FindSentRequest {
  to: string;
  body: string;
  /** when the ambiguous send started (the run's clock) */
  since: Date;
  /** tolerated clock difference between this machine and Twilio (default 5 minutes) */
  skewMs?: number;
}

export interface TwilioAdapter {
  /** Sends one message. Throws ConfigError (78) on refused credentials, UnavailableError (69)
   * when Twilio stays unreachable after retries; other outcomes are returned. */
  sendMessage(request: SendRequest): Promise<SendOutcome>;
  /** Every message matching the filter, newest first, following next_page_uri over all pages. */
  listMessages(filter?: MessageFilter): AsyncIterable<TwilioMessage>;
  /** One message, or undefined when Twilio does not know the SID (20404). */
  fetchMessage(sid: string): Promise<TwilioMessage | undefined>;
  /** Outbound messages to `to` with exactly `body`, created at or after `since` (minus skew). */
  findSentSince(request: FindSentRequest): Promise<TwilioMessage[]>;
  /** Closes kept-alive sockets so the process can exit at once. */
  close(): void;
}
