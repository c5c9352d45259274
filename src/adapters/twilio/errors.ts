/**
 * Twilio failures by meaning (https://www.twilio.com/docs/errors/<code>), and the retry loop.
 *
 * - 429 / 20429 and 5xx: Twilio is busy; retry with exponential backoff and full jitter
 *   (AWS Architecture Blog, "Exponential Backoff And Jitter"), waiting at least `Retry-After`.
 * - a network error before the request left (refused, DNS): retry.
 * - a network error after it may have left (reset, hang-up, timeout): a create is *ambiguous*
 *   and is never retried blindly (it may have gone out); a read is retried.
 * - 20003 / HTTP 401: the credentials were refused; stop the run (exit 78).
 * - a 21xxx code (or another code of src/core/twilio-codes.ts) on a create, by its scope: about
 *   the contact (21610 opted out, 21211 invalid number, ...; an unknown 21xxx flags the contact for
 *   a person), never retried; about the sender or the account (21606 bad From, 21608 trial, 217xx
 *   Messaging Service): the run stops with exit 78; a full queue (21611): it stops with exit 69.
 * - anything else, or retries exhausted within the time budget: UnavailableError (exit 69).
 */

import { describeHold, type SenderHold } from '../../core/sender-hold.js';
import { type CodeMeaning, codeMeaning, knownCode } from '../../core/twilio-codes.js';
import { ConfigError, type SmsfunnelError, UnavailableError } from '../../errors.js';
import type { RejectionReason } from './types.js';

export const moreInfoUrl = (code: number) => `https://www.twilio.com/docs/errors/${code}`;

export type Failure =
  | { kind: 'retry'; description: string; retryAfterMs?: number }
  | { kind: 'ambiguous'; description: string }
  | { kind: 'auth'; description: string }
  | { kind: 'rejected'; reason: RejectionReason; code: number; moreInfo: string; message: string }
  /** the sender, the account or a full queue: every text would fail the same way */
  | { kind: 'stopped'; meaning: CodeMeaning; moreInfo: string; message: string }
  | { kind: 'not_found'; description: string }
  | { kind: 'fatal'; description: string };

interface RestLike {
  status: number;
  code?: number;
  moreInfo?: string;
  message?: string;
}

function isRestException(e: unknown): e is RestLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as RestLike).status === 'number' &&
    (e as { isAxiosError?: boolean }).isAxiosError !== true
  );
}

// The request never left this machine: safe to send again.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_INVALID_URL',
]);

/** Seconds or an HTTP date (RFC 9110 §10.2.3), as ms from now. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What an error from one SDK call means. `create` marks a request that sends a text. */
export function classify(error: unknown, create: boolean, retryAfterMs?: number): Failure {
  if (isRestException(error)) {
    const { status } = error;
    const code = error.code ?? status;
    const info = error.moreInfo ?? moreInfoUrl(code);
    const description = `HTTP ${status}, Twilio code ${code}: ${error.message ?? 'no message'} (${info})`;
    if (status === 401 || code === 20003) return { kind: 'auth', description };
    // A create answered 500/502/504 may have been carried out before the failure (Twilio
    // stored the message, then something in front of it failed): retrying blindly could text the
    // person twice, so it is ambiguous and reconciled through the list API. 429 and 503 mean the
    // request was turned away unprocessed, so they are retried.
    if (create && status >= 500 && status !== 503) return { kind: 'ambiguous', description };
    if (status === 429 || code === 20429 || status >= 500) {
      return retryAfterMs === undefined
        ? { kind: 'retry', description }
        : { kind: 'retry', description, retryAfterMs };
    }
    if (status === 404 || code === 20404) return { kind: 'not_found', description };
    if (create && status >= 400 && status < 500) {
      if (knownCode(code) !== undefined || (code >= 21000 && code < 22000)) {
        const meaning = codeMeaning(code);
        const message = `Twilio refused the message: ${description}`;
        if (meaning.scope !== 'contact') return { kind: 'stopped', meaning, moreInfo: info, message };
        return { kind: 'rejected', reason: meaning.effect ?? 'person', code, moreInfo: info, message };
      }
    }
    return { kind: 'fatal', description };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: string; message?: string };
  const description = `network error ${e.code ?? ''} ${e.message ?? String(error)}`
    .replace(/\s+/g, ' ')
    .trim();
  if (e.code !== undefined && NOT_SENT.has(e.code)) return { kind: 'retry', description };
  return create ? { kind: 'ambiguous', description } : { kind: 'retry', description };
}

/** Credentials refused: exit 78, saying which settings, never their values. */
export class TwilioAuthError extends ConfigError {
  constructor(description: string) {
    super(
      [`TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN: Twilio refused these credentials (${description})`],
      'Copy the Account SID and Auth Token again from the Twilio Console (https://console.twilio.com) into .env, then run again.',
    );
  }
}

/**
 * The run stops for a sender-, account- or busy-scope code (src/core/twilio-codes.ts): exit 78
 * with what to fix, or 69 when a queue or cap is full and a later run goes on.
 */
export function stoppedError(meaning: CodeMeaning, said: string): SmsfunnelError {
  const what = `Twilio ${meaning.code}: ${meaning.meaning} (${moreInfoUrl(meaning.code)})`;
  if (meaning.scope === 'busy')
    return new UnavailableError(`${what}; no text was sent from here on. ${said}`, `${meaning.fix}.`);
  const setting =
    meaning.scope === 'account' ? 'TWILIO_ACCOUNT_SID' : 'TWILIO_PHONE_NUMBER / TWILIO_MESSAGING_SERVICE_SID';
  return new ConfigError(
    [`${setting}: ${what}. ${said}`],
    `${meaning.fix}, then run again; no contact was marked, and nothing is sent twice.`,
  );
}

/** `send` while a sender hold lasts: 78 until the operator lifts it, 69 while a busy one runs out. */
export function holdError(hold: SenderHold): SmsfunnelError {
  const what = describeHold(hold);
  if (hold.until !== null)
    return new UnavailableError(
      `${what}; no text was sent`,
      `${hold.fix}; sending goes on by itself after ${hold.until}.`,
    );
  const setting =
    hold.scope === 'account' ? 'TWILIO_ACCOUNT_SID' : 'TWILIO_PHONE_NUMBER / TWILIO_MESSAGING_SERVICE_SID';
  return new ConfigError(
    [`${setting}: ${what}; no text was sent`],
    `${hold.fix}, then run \`smsfunnel retry --sender\`: the ${hold.texts} failed text(s) go out again at the next send.`,
  );
}

export interface RetryPolicy {
  /** give up when the next wait would pass this much time since the first attempt */
  totalMs: number;
  /** first backoff ceiling; doubles each attempt */
  baseMs: number;
  /** largest backoff ceiling */
  capMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { totalMs: 60_000, baseMs: 500, capMs: 15_000, maxAttempts: 12 };

export interface RetryDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * Runs `attempt` until it succeeds or fails for good. Returns the value, or a failure the
 * caller acts on (rejected, ambiguous, not found); throws TwilioAuthError or UnavailableError.
 */
export async function withRetry<T>(
  what: string,
  create: boolean,
  attempt: () => Promise<T>,
  lastRetryAfter: () => string | undefined,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<
  { ok: true; value: T } | { ok: false; failure: Exclude<Failure, { kind: 'retry' | 'auth' | 'fatal' }> }
> {
  const started = deps.now();
  let slept = 0;
  for (let n = 1; ; n++) {
    let failure: Failure;
    try {
      return { ok: true, value: await attempt() };
    } catch (error) {
      failure = classify(error, create, parseRetryAfter(lastRetryAfter(), deps.now()));
    }
    if (failure.kind === 'auth') throw new TwilioAuthError(failure.description);
    if (failure.kind === 'fatal') {
      throw new UnavailableError(
        `Twilio could not ${what}: ${failure.description}`,
        'Read the linked page, fix the cause, then run again.',
      );
    }
    if (failure.kind !== 'retry') return { ok: false, failure };
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1));
    const wait = Math.max(failure.retryAfterMs ?? 0, Math.floor(deps.random() * ceiling));
    const elapsed = Math.max(deps.now() - started, slept);
    if (n >= policy.maxAttempts || elapsed + wait > policy.totalMs) {
      throw new UnavailableError(
        `Twilio is unavailable: could not ${what} after ${n} attempts in ${Math.round(elapsed / 1000)} s; last: ${failure.description}`,
        "Check https://status.twilio.com and this machine's network, then run again; nothing is sent twice.",
      );
    }
    await deps.sleep(wait);
    slept += wait;
  }
}
