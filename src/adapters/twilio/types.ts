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

/** Why Twilio refused a message for this contact; sending to others goes on. */
export type RejectionReason =
  /** 21610: the person replied STOP; mark opted out, never text again */
  | 'opted_out'
  /** 21211, 21614, 21612: not a valid, mobile or reachable number; fix the contact */
  | 'number_unusable'
  /** 21408: the account may not text this country; the operator must enable it */
  | 'country_blocked'
  /** another 21xxx: this message to this contact will never be accepted as it is */
  | 'permanent';

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
