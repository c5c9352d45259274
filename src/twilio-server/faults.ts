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
  /** forget every fault first */
  clear?: boolean;
}

export class Faults {
  latencyMs = 0;
  private failures: FailNextOptions[] = [];
  private dropCreates = 0;
  private readonly numbers = new Map<string, NumberErrorCode>();

  apply(settings: FaultSettings): void {
    if (settings.clear === true) this.clear();
    if (settings.latencyMs !== undefined) this.latencyMs = Math.max(0, settings.latencyMs);
    if (settings.failNext !== undefined && settings.failNext.count > 0)
      this.failures.push({ ...settings.failNext });
    if (settings.dropCreates !== undefined) this.dropCreates += settings.dropCreates;
    for (const [number, code] of Object.entries(settings.numbers ?? {})) this.numbers.set(number, code);
  }

  clear(): void {
    this.latencyMs = 0;
    this.failures = [];
    this.dropCreates = 0;
    this.numbers.clear();
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
