/**
 * Builds the official Twilio SDK client, loaded on demand (importing `twilio` costs ~260 ms, which
 * commands that never talk to Twilio must not pay).
 *
 * `TWILIO_API_BASE_URL`: the SDK builds absolute URLs on https://api.twilio.com — resource
 * requests from `Domain.absoluteUrl`, next pages from `Page.getNextPageUrl` (next_page_uri joined
 * to the same domain) — and passes every one of them to `client.httpClient.request()` after
 * `BaseTwilio.request` applies region/edge to the host. The SDK's documented `httpClient` option
 * is therefore the one point all requests cross: a `RequestClient` subclass swaps the origin
 * there. The region/edge options cannot do it (they only rewrite the host inside *.twilio.com),
 * and patching `client.api.baseUrl` would rely on an internal field.
 *
 * It also records the response headers of the current call (AsyncLocalStorage, so concurrent
 * sends do not mix them up), because the SDK's RestException drops them and `Retry-After` matters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent as HttpAgent } from 'node:http';
import type { TwilioConfig } from '../../config.js';

type Sdk = typeof import('twilio');
type RequestOptions<TData> = import('twilio/lib/base/RequestClient.js').RequestOptions<TData>;
export type TwilioClient = ReturnType<Sdk>;

interface CallRecord {
  retryAfter?: string | undefined;
}
const calls = new AsyncLocalStorage<CallRecord>();

/** Runs one SDK call and tells what `Retry-After` its last answer carried. */
export async function recordCall<T>(call: () => Promise<T>, record: CallRecord): Promise<T> {
  return calls.run(record, call);
}

export interface BuiltClient {
  client: TwilioClient;
  close(): void;
}

/** Enough sockets for the rate limiter's requests in flight (the SDK's default is 20). */
const MAX_SOCKETS = 128;

export async function buildClient(config: TwilioConfig): Promise<BuiltClient> {
  const sdk = (await import('twilio')).default;
  const base = config.apiBaseUrl === undefined ? undefined : new URL(config.apiBaseUrl);

  class RoutedRequestClient extends sdk.RequestClient {
    override async request<TData>(opts: RequestOptions<TData>) {
      let uri = opts.uri;
      if (base !== undefined) {
        const target = new URL(uri);
        target.protocol = base.protocol;
        target.host = base.host;
        uri = target.href;
      }
      const response = await super.request<TData>({ ...opts, uri });
      const store = calls.getStore();
      if (store !== undefined) {
        const header = (response.headers as Record<string, unknown> | undefined)?.['retry-after'];
        store.retryAfter = typeof header === 'string' ? header : undefined;
      }
      return response;
    }
  }

  const httpClient = new RoutedRequestClient({
    timeout: config.timeoutMs,
    keepAlive: true,
    maxSockets: MAX_SOCKETS,
  });
  // A plain-http base URL (a local server) goes through axios' httpAgent: give it an agent we own.
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: config.timeoutMs });
  httpClient.axios.defaults.httpAgent = httpAgent;

  const client = sdk(config.accountSid, config.authToken, {
    httpClient,
    timeout: config.timeoutMs,
    // Our own retry loop honours Retry-After and a time budget; the SDK's would retry blindly.
    autoRetry: false,
  });
  return {
    client,
    close() {
      httpAgent.destroy();
      (httpClient.axios.defaults.httpsAgent as { destroy?: () => void } | undefined)?.destroy?.();
    },
  };
}
