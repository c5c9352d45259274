/**
 * The local server's realism modes, through the real SDK: the ways real Twilio differs from the
 * easy answer, each one a switch (docs/design.md, "What we assume of Twilio").
 */
import { afterEach, describe, expect, test } from 'vitest';
import { collect, OUR_NUMBER, type Rig, rig, SERVICE_SID } from './helpers.js';

let r: Rig;
afterEach(() => r?.close());
const NOW = new Date('2026-04-10T15:00:00Z');
const now = () => NOW;

describe('realism modes', () => {
  test('a list that lags creates: the new text is fetched at once but listed only later', async () => {
    r = await rig({ now });
    r.server.faults({ realism: { listLagMs: 60_000 } });
    const sent = await r.adapter.sendMessage({ to: '+15551230001', body: 'hello' });
    expect(sent.kind).toBe('sent');
    const sid = sent.kind === 'sent' ? sent.message.sid : '';
    expect(await collect(r.adapter.listMessages({ to: '+15551230001' }))).toEqual([]);
    expect((await r.adapter.fetchMessage(sid))?.sid).toBe(sid);
    r.server.setNow(new Date(NOW.getTime() + 61_000));
    expect((await collect(r.adapter.listMessages({ to: '+15551230001' }))).map((m) => m.sid)).toEqual([sid]);
  });

  test('a sender error refuses every create with its own code, whoever the recipient', async () => {
    r = await rig({ now });
    r.server.faults({ realism: { senderError: 21606 } });
    for (const to of ['+15551230001', '+15551230002']) {
      const out = await r.adapter.sendMessage({ to, body: 'hello' });
      expect(out.kind === 'stopped' && out.meaning).toMatchObject({ code: 21606, scope: 'sender' });
    }
    expect(r.server.messages()).toEqual([]);
  });

  test('an async sender error accepts every create, then fails each text with its code', async () => {
    r = await rig({ now, config: { phoneNumber: OUR_NUMBER } });
    r.server.faults({ realism: { asyncSenderError: 30034 } });
    const out = await r.adapter.sendMessage({ to: '+15551230005', body: 'hello' });
    expect(out.kind).toBe('sent');
    const later = await r.adapter.fetchMessage(out.kind === 'sent' ? out.message.sid : '');
    expect(later).toMatchObject({ status: 'failed', errorCode: 30034, dateSent: null });
  });

  test('a Messaging Service accepts, then fails the text with 21610 before it is ever sent', async () => {
    r = await rig({ now, config: { messagingServiceSid: SERVICE_SID } });
    r.server.faults({ realism: { serviceAccepts: true, asyncFailures: { '+15551230003': 21610 } } });
    const out = await r.adapter.sendMessage({ to: '+15551230003', body: 'hello' });
    expect(out.kind).toBe('sent');
    const sid = out.kind === 'sent' ? out.message.sid : '';
    expect(out.kind === 'sent' && out.message.status).toBe('accepted');
    const later = await r.adapter.fetchMessage(sid);
    expect(later?.status).toBe('failed');
    expect(later?.errorCode).toBe(21610);
    expect(later?.dateSent).toBeNull();
    // with no date_sent, a DateSent filter never lists it
    expect(await collect(r.adapter.listMessages({ dateSentAfter: new Date('2026-04-10') }))).toEqual([]);
  });

  test('texts that stay `sent` never get a delivery result', async () => {
    r = await rig({ now, config: { phoneNumber: OUR_NUMBER } });
    r.server.faults({ realism: { staySent: true } });
    const out = await r.adapter.sendMessage({ to: '+15551230004', body: 'hello' });
    expect(out.kind === 'sent' && out.message.status).toBe('sent');
  });
});
