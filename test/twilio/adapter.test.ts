/** The real SDK through the adapter against the local Twilio server: what `send` and `poll-replies` rely on. */
import { afterEach, describe, expect, test } from 'vitest';
import { createTwilioAdapter } from '../../src/adapters/twilio/index.js';
import { ConfigError, ExitCode, UnavailableError } from '../../src/errors.js';
import { AUTH_TOKEN, collect, OUR_NUMBER, type Rig, rig, SERVICE_SID, twilioConfig } from './helpers.js';

let current: Rig | undefined;
async function setup(options: Parameters<typeof rig>[0] = {}): Promise<Rig> {
  current = await rig(options);
  return current;
}
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('send, fetch and list', () => {
  test('a sent message is stored, fetched and listed with the same fields', async () => {
    const { adapter, server } = await setup();
    const outcome = await adapter.sendMessage({
      to: '+15551230001',
      body: 'Hi Ann, still looking for a flat?',
    });
    expect(outcome.kind).toBe('sent');
    if (outcome.kind !== 'sent') return;
    expect(outcome.message).toMatchObject({
      to: '+15551230001',
      from: OUR_NUMBER,
      status: 'queued',
      direction: 'outbound-api',
      numSegments: 1,
      errorCode: null,
    });
    expect(outcome.message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(outcome.message.dateCreated).toBeInstanceOf(Date);

    server.setStatus(outcome.message.sid, 'undelivered', 30003);
    const fetched = await adapter.fetchMessage(outcome.message.sid);
    expect(fetched).toMatchObject({ sid: outcome.message.sid, status: 'undelivered', errorCode: 30003 });
    expect(await adapter.fetchMessage(`SM${'0'.repeat(32)}`)).toBeUndefined();

    const listed = await collect(adapter.listMessages({ to: '+15551230001' }));
    expect(listed.map((m) => m.sid)).toEqual([outcome.message.sid]);
    expect(server.requestCounts()).toEqual({
      'POST /Messages.json': 1,
      'GET /Messages/{Sid}.json': 2,
      'GET /Messages.json': 1,
    });
  });

  test('with a Messaging Service SID the message goes out through the service, not a number', async () => {
    const { adapter, server } = await setup({ config: { messagingServiceSid: SERVICE_SID } });
    const outcome = await adapter.sendMessage({ to: '+15551230002', body: 'Hello' });
    expect(outcome.kind).toBe('sent');
    const [stored] = server.messages();
    expect(stored).toMatchObject({ messagingServiceSid: SERVICE_SID, from: null });
  });

  test('long and non-GSM bodies count their segments as carriers do', async () => {
    const { adapter } = await setup();
    const long = await adapter.sendMessage({ to: '+15551230003', body: 'x'.repeat(161) });
    const emoji = await adapter.sendMessage({ to: '+15551230003', body: `Thanks ${'🙂'.repeat(36)}` });
    expect(long.kind === 'sent' && long.message.numSegments).toBe(2);
    expect(emoji.kind === 'sent' && emoji.message.numSegments).toBe(2);
  });

  test('every request, next pages included, goes to TWILIO_API_BASE_URL: 2,500 messages are 3 pages', async () => {
    const { adapter, server } = await setup();
    const t0 = Date.parse('2026-03-01T09:00:00Z');
    server.addMessages(
      Array.from({ length: 2500 }, (_, i) => ({
        direction: 'inbound' as const,
        from: `+1555000${String(i % 1000).padStart(4, '0')}`,
        to: OUR_NUMBER,
        body: `reply ${i}`,
        status: 'received' as const,
        errorCode: null,
        errorMessage: null,
        messagingServiceSid: null,
        numSegments: 1,
        dateCreated: t0 + i * 1000,
        dateSent: t0 + i * 1000,
        dateUpdated: t0 + i * 1000,
        statusCallback: null,
      })),
    );
    const listed = await collect(adapter.listMessages({ to: OUR_NUMBER }));
    expect(listed).toHaveLength(2500);
    expect(new Set(listed.map((m) => m.sid)).size).toBe(2500);
    expect(listed[0]?.body).toBe('reply 2499'); // newest first
    expect(listed[2499]?.body).toBe('reply 0');
    // The SDK would have sent the 2nd and 3rd requests to api.twilio.com had the base URL not held.
    expect(server.requestCounts()).toEqual({ 'GET /Messages.json': 3 });

    // DateSent> is documented as a date: a time of day lists the whole day (the 2,500 replies all
    // fall on one), and the caller drops what is older than it asked for
    const since = await collect(
      adapter.listMessages({ to: OUR_NUMBER, dateSentAfter: new Date(t0 + 2400 * 1000), pageSize: 30 }),
    );
    expect(since).toHaveLength(2500);
    expect(since.filter((m) => (m.dateSent?.getTime() ?? 0) >= t0 + 2400 * 1000)).toHaveLength(100);
  });
});

describe('errors by meaning', () => {
  test('refused credentials stop the run with exit 78 and never show the token', async () => {
    const { server } = await setup();
    const adapter = await createTwilioAdapter(twilioConfig(server.url, { authToken: 'wrong-token-value' }));
    try {
      const error = await adapter.sendMessage({ to: '+15551230004', body: 'Hi' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      const { exitCode, message, hint } = error as ConfigError;
      expect(exitCode).toBe(ExitCode.config);
      expect(message).toContain('TWILIO_AUTH_TOKEN');
      expect(message).toContain('20003');
      expect(`${message} ${hint}`).not.toContain('wrong-token-value');
      expect(`${message} ${hint}`).not.toContain(AUTH_TOKEN);
      expect(server.messages()).toHaveLength(0);
      await expect(collect(adapter.listMessages())).rejects.toBeInstanceOf(ConfigError);
    } finally {
      adapter.close();
    }
  });

  test('a storm of 429s with Retry-After is waited out, then the message goes once', async () => {
    const { adapter, server, waits } = await setup();
    server.faults({ failNext: { status: 429, count: 4, retryAfterSeconds: 2 } });
    const outcome = await adapter.sendMessage({ to: '+15551230005', body: 'Hi' });
    expect(outcome.kind).toBe('sent');
    expect(waits).toHaveLength(4);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(2000);
    expect(server.messages()).toHaveLength(1);
    expect(server.requestCounts()['POST /Messages.json']).toBe(5);
  });

  test('503 answers are retried with growing, jittered waits', async () => {
    const { adapter, server, waits } = await setup({ deps: { random: () => 1 } });
    server.faults({ failNext: { status: 503, count: 3 } });
    const outcome = await adapter.sendMessage({ to: '+15551230006', body: 'Hi' });
    expect(outcome.kind).toBe('sent');
    expect(waits).toEqual([500, 1000, 2000]); // full jitter at its ceiling (random() = 1)
    expect(server.messages()).toHaveLength(1);
  });

  test('a 500 on a create is not retried blindly: it is ambiguous, for the caller to reconcile', async () => {
    const { adapter, server, waits } = await setup();
    server.faults({ failNext: { status: 500, count: 1 } });
    const outcome = await adapter.sendMessage({ to: '+15551230006', body: 'Hi' });
    expect(outcome.kind).toBe('ambiguous');
    expect(waits).toEqual([]);
  });

  test('when Twilio stays down past the time budget the run stops with exit 69', async () => {
    const { adapter, server, waits } = await setup({ deps: { retry: { totalMs: 10_000 } } });
    server.faults({ failNext: { status: 503, count: 1000 } });
    const error = await adapter.sendMessage({ to: '+15551230007', body: 'Hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).exitCode).toBe(ExitCode.unavailable);
    expect((error as Error).message).toMatch(/20503.*https:\/\/www\.twilio\.com\/docs\/errors\/20503/);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(server.messages()).toHaveLength(0);
  });

  test.each([
    [21610, 'opted_out'],
    [21211, 'unusable'],
    [21614, 'unusable'],
    [21612, 'unusable'],
    [21408, 'country_blocked'],
  ] as const)('Twilio code %i rejects the contact as %s, without retrying', async (code, reason) => {
    const { adapter, server, waits } = await setup();
    server.faults({ numbers: { '+15551230008': code } });
    const outcome = await adapter.sendMessage({ to: '+15551230008', body: 'Hi' });
    expect(outcome).toMatchObject({
      kind: 'rejected',
      reason,
      code,
      moreInfo: `https://www.twilio.com/docs/errors/${code}`,
    });
    if (outcome.kind === 'rejected') expect(outcome.message).toContain(String(code));
    expect(waits).toHaveLength(0);
    expect(server.requestCounts()['POST /Messages.json']).toBe(1);
    // others still go out
    expect((await adapter.sendMessage({ to: '+15551230009', body: 'Hi' })).kind).toBe('sent');
  });

  test('a malformed number is a permanent rejection (21211) from the validation itself', async () => {
    const { adapter } = await setup();
    const outcome = await adapter.sendMessage({ to: '5551234', body: 'Hi' });
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'unusable', code: 21211 });
  });
});

describe('ambiguous sends', () => {
  test('a create stored but never answered is ambiguous, not retried, and findSentSince finds it', async () => {
    const clock = { t: Date.parse('2026-03-02T15:00:00.400Z') };
    const { adapter, server, waits } = await setup({
      now: () => new Date(clock.t),
      deps: { now: () => new Date(clock.t) },
    });
    await adapter.sendMessage({ to: '+15551230010', body: 'Earlier text' }); // same number, other body
    const since = new Date(clock.t);
    server.faults({ dropCreates: 1 });
    const outcome = await adapter.sendMessage({ to: '+15551230010', body: 'Are you free Tuesday?' });
    expect(outcome.kind).toBe('ambiguous');
    expect(waits).toHaveLength(0);
    expect(server.requestCounts()['POST /Messages.json']).toBe(2);
    expect(server.messages()).toHaveLength(2); // it did go out

    clock.t += 2000;
    const found = await adapter.findSentSince({ to: '+15551230010', body: 'Are you free Tuesday?', since });
    expect(found.map((m) => m.body)).toEqual(['Are you free Tuesday?']);
    expect(await adapter.findSentSince({ to: '+15551230011', body: 'Are you free Tuesday?', since })).toEqual(
      [],
    );
  });

  test('a create that times out is ambiguous too', async () => {
    const { adapter, server } = await setup({ config: { timeoutMs: 150 } });
    server.faults({ latencyMs: 600 });
    const outcome = await adapter.sendMessage({ to: '+15551230012', body: 'Hi' });
    expect(outcome.kind).toBe('ambiguous');
    if (outcome.kind === 'ambiguous') expect(outcome.error).toMatch(/timeout/i);
  });

  test('a read that loses its connection is simply retried', async () => {
    const { adapter, server } = await setup();
    const sent = await adapter.sendMessage({ to: '+15551230013', body: 'Hi' });
    server.faults({ failNext: { status: 500, count: 1 } });
    const listed = await collect(adapter.listMessages({ to: '+15551230013' }));
    expect(listed.map((m) => m.sid)).toEqual([sent.kind === 'sent' ? sent.message.sid : '']);
  });

  test('a server that is not there: reads retry, then exit 69', async () => {
    const { server } = await setup();
    const url = server.url;
    await server.stop();
    const adapter = await createTwilioAdapter(twilioConfig(url), {
      sleep: async () => {},
      retry: { maxAttempts: 3 },
    });
    try {
      await expect(adapter.fetchMessage(`SM${'1'.repeat(32)}`)).rejects.toBeInstanceOf(UnavailableError);
      // connection refused means the request never left: a send is retried, not ambiguous
      await expect(adapter.sendMessage({ to: '+15551230014', body: 'Hi' })).rejects.toBeInstanceOf(
        UnavailableError,
      );
    } finally {
      adapter.close();
    }
  });
});
