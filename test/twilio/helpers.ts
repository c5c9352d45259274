/** A local Twilio server and an adapter pointed at it through TWILIO_API_BASE_URL, for each test. */

import { createTwilioAdapter, type TwilioAdapterDeps } from '../../src/adapters/twilio/index.js';
import type { TwilioAdapter } from '../../src/adapters/twilio/types.js';
import type { TwilioConfig } from '../../src/config.js';
import { startTwilioServer, type TwilioServer } from '../../src/twilio-server/index.js';

export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'test-token-0123456789abcdef';
export const OUR_NUMBER = '+15005550006';
export const SERVICE_SID = `MG${'b2'.repeat(16)}`;

export function twilioConfig(url: string, overrides: Partial<TwilioConfig> = {}): TwilioConfig {
  return {
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    phoneNumber: OUR_NUMBER,
    messagingServiceSid: undefined,
    apiBaseUrl: url,
    sendRate: 1000,
    timeoutMs: 5000,
    retryForMs: 60_000,
    ...overrides,
  };
}

/** Sleep that returns at once and remembers how long it was asked to wait. */
export function instantSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

export interface Rig {
  server: TwilioServer;
  adapter: TwilioAdapter;
  waits: number[];
  close(): Promise<void>;
}

export async function rig(
  options: { config?: Partial<TwilioConfig>; deps?: TwilioAdapterDeps; now?: () => Date } = {},
): Promise<Rig> {
  const server = await startTwilioServer({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const { sleep, waits } = instantSleep();
  const adapter = await createTwilioAdapter(twilioConfig(server.url, options.config), {
    sleep,
    ...options.deps,
  });
  return {
    server,
    adapter,
    waits,
    async close() {
      adapter.close();
      await server.stop();
    },
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
