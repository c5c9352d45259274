/**
 * The Twilio edge: the SDK adapter, the send pacing and the meaning of Twilio's errors.
 * Importing this module does not load the `twilio` package; `createTwilioAdapter` does.
 */
export { createTwilioAdapter, type TwilioAdapterDeps } from './adapter.js';
export { DEFAULT_RETRY, moreInfoUrl, type RetryPolicy, TwilioAuthError } from './errors.js';
export {
  concurrencyFor,
  RateLimiter,
  type SendAllOptions,
  type SendAllResult,
  sendAll,
} from './rate-limit.js';
export type * from './types.js';
