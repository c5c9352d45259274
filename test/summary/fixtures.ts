/** A small day of a funnel, as the store would hand it: contacts and the message log. */
import { type Contact, contactRow, type MessageRow, messageRow } from '../../src/core/model.js';

export const NOW = new Date('2026-12-01T17:00:00Z');
export const SINCE = new Date('2026-11-30T17:00:00Z');

export const contact = (id: string, fields: Partial<Contact> = {}): Contact =>
  contactRow({
    id,
    phone: `+1555000${id.padStart(4, '0').slice(-4)}`,
    first_name: `First${id}`,
    last_name: 'Doe',
    ...fields,
  });

export const sent = (
  sid: string,
  contactId: string,
  at: string,
  extra: Partial<MessageRow> = {},
): MessageRow =>
  messageRow({
    logged_at: at,
    event: 'sent',
    sid,
    direction: 'outbound',
    contact_id: contactId,
    status: 'queued',
    segments: '1',
    body: 'Hi',
    ...extra,
  });

export const status = (sid: string, at: string, s: string, code = ''): MessageRow =>
  messageRow({ logged_at: at, event: 'status', sid, status: s, error_code: code });

export const received = (sid: string, contactId: string, at: string, body: string, from = ''): MessageRow =>
  messageRow({
    logged_at: at,
    event: 'received',
    sid,
    direction: 'inbound',
    contact_id: contactId,
    body,
    date_sent: at,
    from,
  });

export const categorized = (sid: string, at: string, category: string): MessageRow =>
  messageRow({ logged_at: at, event: 'category', sid, category });

/** A day with every kind of event; the numbers the tests expect are written beside each. */
export function sampleDay(): { contacts: Contact[]; messages: MessageRow[] } {
  const contacts = [
    contact('1', {
      state: 'ask_time',
      first_name: 'Ann',
      last_name: 'Lee',
      last_inbound_at: '2026-12-01T10:00:00Z',
    }),
    contact('2', {
      state: 'hot',
      first_name: 'Bob',
      last_name: 'Ray',
      updated_at: '2026-12-01T12:00:00Z',
      last_inbound_at: '2026-12-01T11:59:00Z',
    }),
    contact('3', {
      state: 'needs_human',
      first_name: 'Cy',
      last_name: '',
      last_inbound_at: '2026-12-01T09:00:00Z',
    }),
    contact('4', { state: 'opted_out', opted_out_at: '2026-12-01T08:00:00Z', first_name: 'Di' }),
    contact('5', { state: 'intro', error: 'phone "555" is not a number: fix the phone column' }),
    contact('6', { state: 'hot', updated_at: '2026-11-20T12:00:00Z' }), // hot long ago: not today's news
  ];
  const messages = [
    sent('SM1', '1', '2026-11-30T16:00:00Z'), // before the window
    sent('SM2', '1', '2026-11-30T18:00:00Z', { segments: '2' }),
    sent('SM3', '2', '2026-11-30T18:00:01Z'),
    sent('SM4', '3', '2026-11-30T18:00:02Z'),
    sent('SM5', '5', '2026-11-30T18:00:03Z'),
    status('SM2', '2026-11-30T18:05:00Z', 'delivered'),
    status('SM3', '2026-11-30T18:05:00Z', 'sent'),
    status('SM3', '2026-11-30T18:06:00Z', 'delivered'),
    status('SM4', '2026-11-30T18:05:00Z', 'undelivered', '30003'),
    status('SM5', '2026-11-30T18:05:00Z', 'failed', '30006'),
    sent('', '4', '2026-11-30T19:00:00Z', { status: 'failed', error_code: '21610' }),
    received('IN1', '1', '2026-12-01T10:00:00Z', 'Yes! <script>alert(1)</script> & call me'),
    categorized('IN1', '2026-12-01T10:00:05Z', 'interested'),
    received('IN2', '2', '2026-12-01T11:59:00Z', 'Mornings are best'),
    categorized('IN2', '2026-12-01T11:59:05Z', 'morning'),
    received('IN3', '3', '2026-12-01T09:00:00Z', 'How much does it cost?'),
    categorized('IN3', '2026-12-01T09:00:05Z', 'question'),
    received('IN4', '4', '2026-12-01T08:00:00Z', 'STOP'),
    categorized('IN4', '2026-12-01T08:00:05Z', 'opt_out'),
    received('IN5', '', '2026-12-01T13:00:00Z', 'who is this?', '+15559990000'),
    categorized('IN5', '2026-12-01T13:00:05Z', 'other'),
    received('IN6', '5', '2026-12-01T16:59:59Z', 'hmm'), // not categorized yet
    received('IN7', '1', '2026-12-01T17:00:01Z', 'after the summary'), // after now
  ];
  return { contacts, messages };
}
