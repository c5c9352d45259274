/**
 * What a test, a benchmark or `demo` sees of the local Twilio server: the options it starts
 * with, an inbound text to inject, and the control methods of a running server. The HTTP
 * server behind them is index.ts.
 */
import type { FaultSettings, Realism } from './faults.js';
import type { MessageStatus, StoredMessage } from './format.js';

export interface TwilioServerOptions {
  accountSid: string;
  authToken: string;
  port?: number;
  host?: string;
  /** the server's clock; `setNow` moves it later */
  now?: () => Date;
  /** numbers the account owns; when set, create with another From gets 21606 */
  numbers?: readonly string[];
  /** how close to real Twilio it behaves (faults.ts `Realism`); date-only DateSent filtering by default, as Twilio documents */
  realism?: Realism;
}

export interface InboundMessage {
  from: string;
  to: string;
  body: string;
  /** when it arrived; the server's now by default */
  at?: Date;
  /** still `receiving`, with no date_sent yet */
  receiving?: boolean;
}

export interface TwilioServer {
  readonly url: string;
  readonly accountSid: string;
  stop(): Promise<void>;
  /** the server's clock, and setting it: it runs on from `date` (match the CLI's SMSFUNNEL_NOW) */
  now(): Date;
  setNow(date: Date): void;
  injectInbound(message: InboundMessage): StoredMessage;
  /** a `receiving` inbound message arrives completely (status `received`, date_sent set) */
  completeReceiving(sid: string, at?: Date): StoredMessage;
  /** delivery results for outbound messages: `failed`/`undelivered` take an error code (30003–30007) */
  setStatus(sids: string | readonly string[], status: MessageStatus, errorCode?: number): void;
  /** every stored message, oldest first (copies) */
  messages(): StoredMessage[];
  /** the message as the API returns it */
  messageJson(sid: string): Record<string, unknown> | undefined;
  /** adds messages directly (bulk seeding for benchmarks); returns them */
  addMessages(messages: readonly (Omit<StoredMessage, 'sid'> & { sid?: string })[]): StoredMessage[];
  faults(settings: FaultSettings): void;
  /** API requests per route, e.g. `GET /Messages.json`, counted as they arrive (faulted ones too) */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /**
   * Runs `hook` when a request for `route` (named as in `requestCounts`) arrives, before it is
   * answered: a test acts at that moment of a run without sleeping. Returns the remover.
   */
  onRequest(route: string, hook: () => void | Promise<void>): () => void;
}
