/**
 * Fault injection for the local Twilio server, settable while it runs: slow answers, bursts of
 * 429/5xx, a create that is stored but never answered, and recipients that always fail with one
 * of Twilio's per-number errors. These are the situations the CLI must survive in production.
 */

/** Per-number errors the server can be told to give, with Twilio's own wording. */
export const NUMBER_ERRORS = {
  21211: "Invalid 'To' Phone Number",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
  21610: 'Attempt to send to unsubscribed recipient',
  21612: "The 'To' phone number is not currently reachable via SMS",
  21614: "'To' number is not a valid mobile number",
} as const;
export type NumberErrorCode = keyof typeof NUMBER_ERRORS;

/**
 * Errors that concern the sender or the account, not the recipient: every create gets one while
 * it is set (https://www.twilio.com/docs/errors/<code>).
 */
export const SENDER_ERRORS = {
  21606:
    "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination",
  21611: "This 'From' number has exceeded the maximum number of queued messages",
  21608: 'The number is unverified. Trial accounts can only send messages to verified numbers',
  21703: 'The Messaging Service does not have a phone number available to send a message',
  21704: 'The Messaging Service contains no phone numbers',
  21705: 'The Messaging Service is invalid',
  20429: 'Too Many Requests',
} as const;
export type SenderErrorCode = keyof typeof SENDER_ERRORS;

/**
 * How real Twilio behaves where the cheap answer differs, each on its own switch so a test
 * can say which assumption it checks (docs/design.md, "What we assume of Twilio").
 */
export interface Realism {
  /**
   * DateSent, DateSent< and DateSent> compare whole GMT days, as the API reference documents
   * them (`YYYY-MM-DD`): a date-time is cut to its date, so a filter returns the whole day.
   * On by default, so every client test runs under it; `false` filters to the second (kinder
   * than Twilio documents).
   */
  dateOnly?: boolean;
  /** a created outbound message shows in list answers only this long after (fetch sees it at once) */
  listLagMs?: number;
  /** every create is refused with this sender/account error (21606 bad From, 21611 queue full, ...) */
  senderError?: SenderErrorCode;
  /**
   * recipients a create is accepted for (201, `accepted`/`queued`) and that fail a moment later
   * with this code and no date_sent: a Messaging Service reports 21610/21211/21614 this way
   */
  asyncFailures?: Record<string, number>;
  /**
   * every create is accepted, then fails a moment later with this sender- or account-scope code:
   * how an unregistered 10DLC number (30034), a suspended account (30002) or a full queue (30001)
   * shows up, one failed text at a time
   */
  asyncSenderError?: number;
  /** a create through a Messaging Service answers `accepted` with no From and no date_sent yet */
  serviceAccepts?: boolean;
  /** created texts go to `sent` and never hear back (no delivery receipt from the carrier) */
  staySent?: boolean;
  /**
   * a text's `price` shows only this long after it was sent or delivered (Twilio: the price "may
   * not be immediately available"), so a delivery result can come before its price
   */
  priceLagMs?: number;
}

export interface FailNextOptions {
  /** 429 (code 20429), 500 (20500) or 503 (20503) */
  status: 429 | 500 | 503;
  /** how many of the next API requests get this answer */
  count: number;
  /** `Retry-After` seconds sent with the answer (Twilio sends it on some 429s) */
  retryAfterSeconds?: number;
}

export interface FaultSettings {
  latencyMs?: number;
  failNext?: FailNextOptions;
  /** the next N create requests are stored, then the connection is destroyed without an answer */
  dropCreates?: number;
  /** recipients that always get this error code on create */
  numbers?: Record<string, NumberErrorCode>;
  /** forget every fault first (realism goes back to its defaults) */
  clear?: boolean;
  realism?: Realism;
}

export const DEFAULT_REALISM: Required<Pick<Realism, 'dateOnly'>> = { dateOnly: true };

export class Faults {
  latencyMs = 0;
  private failures: FailNextOptions[] = [];
  private dropCreates = 0;
  private readonly numbers = new Map<string, NumberErrorCode>();
  realism: Realism;

  /** `base`: the realism this server starts with and goes back to on `clear` */
  constructor(private readonly base: Realism = {}) {
    this.realism = { ...DEFAULT_REALISM, ...base };
  }

  apply(settings: FaultSettings): void {
    if (settings.clear === true) this.clear();
    if (settings.latencyMs !== undefined) this.latencyMs = Math.max(0, settings.latencyMs);
    if (settings.failNext !== undefined && settings.failNext.count > 0)
      this.failures.push({ ...settings.failNext });
    if (settings.dropCreates !== undefined) this.dropCreates += settings.dropCreates;
    for (const [number, code] of Object.entries(settings.numbers ?? {})) this.numbers.set(number, code);
    if (settings.realism !== undefined) this.realism = { ...this.realism, ...settings.realism };
  }

  clear(): void {
    this.latencyMs = 0;
    this.failures = [];
    this.dropCreates = 0;
    this.numbers.clear();
    this.realism = { ...DEFAULT_REALISM, ...this.base };
  }

  /** The failure this request gets, if one is queued (each queued answer is used once). */
  takeFailure(): FailNextOptions | undefined {
    const head = this.failures[0];
    if (head === undefined) return undefined;
    head.count -= 1;
    if (head.count <= 0) this.failures.shift();
    return head;
  }

  takeDrop(): boolean {
    if (this.dropCreates <= 0) return false;
    this.dropCreates -= 1;
    return true;
  }

  numberError(to: string): NumberErrorCode | undefined {
    return this.numbers.get(to);
  }
}
