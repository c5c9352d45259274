/**
 * A realistic, deterministic summary email for looking at in a browser: a solar installer's
 * funnel in America/Chicago, read at 07:30 (the README's cron), with eight days of texts behind
 * it (quiet on Thanksgiving and on Sunday), the replies they got, and one day's named leads.
 */
import { type Contact, contactRow, isoSeconds, type MessageRow, messageRow } from '../src/core/model.js';
import { computeSummary, renderSummaryEmail, type SummaryEmail } from '../src/core/summary/index.js';

export const ZONE = 'America/Chicago';
export const NOW = new Date('2026-12-01T13:30:00Z'); // Tue 1 Dec, 07:30 CST
const MIN = 60_000;
const iso = (t: number) => isoSeconds(new Date(t));

let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const FIRST = [
  'Ann',
  'Bob',
  'Carla',
  'Dev',
  'Elena',
  'Frank',
  'Grace',
  'Hugo',
  'Isla',
  'Jamal',
  'Kim',
  'Luis',
];
const LAST = ['Lee', 'Ray', 'Ortiz', 'Patel', 'Novak', 'Byrne', 'Kim', 'Silva', 'Moss', 'Reed'];
const STATES: [string, number][] = [
  ['intro', 150],
  ['follow_up', 95],
  ['follow_up_2', 60],
  ['ask_time', 9],
  ['later', 12],
  ['hot', 11],
  ['needs_human', 4],
  ['cold', 28],
  ['no_response', 33],
  ['wrong_number', 5],
  ['opted_out', 13],
];
/** texts sent each day, Tue 24 Nov to Mon 30 Nov (none on Thanksgiving nor on Sunday) */
const DAILY_SENDS = [168, 190, 0, 95, 60, 0, 212];
const REPLY_RATE: Record<string, number> = { intro: 0.11, follow_up: 0.06, follow_up_2: 0.04 };
const CATEGORIES: [string, number][] = [
  ['interested', 0.3],
  ['not_interested', 0.25],
  ['later', 0.1],
  ['question', 0.1],
  ['opt_out', 0.08],
  ['other', 0.17],
];
const WORDS: Record<string, string> = {
  interested: 'Yes, tell me more',
  not_interested: 'no thanks',
  later: 'maybe after the holidays',
  question: 'What does a panel cost?',
  opt_out: 'STOP',
  other: 'ok',
};

function pick(weights: [string, number][]): string {
  let r = random();
  for (const [value, w] of weights) {
    r -= w;
    if (r < 0) return value;
  }
  return weights[0]?.[0] ?? '';
}

export function sampleEmail(): SummaryEmail {
  const contacts: Contact[] = [];
  for (const [state, n] of STATES)
    for (let i = 0; i < n; i += 1) {
      const id = String(contacts.length + 1);
      contacts.push(
        contactRow({
          id,
          phone: `+1512555${id.padStart(4, '0')}`,
          first_name: FIRST[contacts.length % FIRST.length],
          last_name: LAST[contacts.length % LAST.length],
          email:
            contacts.length % 3 === 0
              ? `${(FIRST[contacts.length % FIRST.length] ?? '').toLowerCase()}@example.com`
              : '',
          state,
        }),
      );
    }
  const messages: MessageRow[] = [];
  const later: MessageRow[] = [];
  let n = 0;
  DAILY_SENDS.forEach((sends, k) => {
    const nine = Date.parse('2026-11-24T15:00:00Z') + k * 24 * 60 * MIN; // 09:00 CST that day
    for (let i = 0; i < sends; i += 1) {
      const c = contacts[(n * 7) % 305] as Contact; // the contacts still in a step
      const step =
        c.state === 'intro' || c.state === 'follow_up' || c.state === 'follow_up_2' ? c.state : 'intro';
      const t = nine + i * MIN;
      n += 1;
      const sid = `SM${n}`;
      messages.push(
        messageRow({
          logged_at: iso(t),
          event: 'sent',
          sid,
          contact_id: c.id,
          step,
          segments: random() < 0.1 ? '2' : '1',
        }),
      );
      const r = random();
      const [status, code] =
        r < 0.93
          ? ['delivered', '']
          : r < 0.96
            ? ['undelivered', '30003']
            : r < 0.98
              ? ['undelivered', '30006']
              : ['failed', '30007'];
      messages.push(
        messageRow({ logged_at: iso(t + 10 * MIN), event: 'status', sid, status, error_code: code }),
      );
      if (status !== 'delivered' || random() >= (REPLY_RATE[step] ?? 0)) continue;
      const when = t + Math.floor(30 + random() * 480) * MIN;
      if (when > NOW.getTime() - 700 * MIN) continue; // the named replies below are the last ones
      const category = pick(CATEGORIES);
      const inSid = `IN${n}`;
      later.push(
        messageRow({
          logged_at: iso(when),
          event: 'received',
          sid: inSid,
          contact_id: c.id,
          body: WORDS[category],
          date_sent: iso(when),
        }),
      );
      later.push(messageRow({ logged_at: iso(when + 5000), event: 'category', sid: inSid, category }));
      if (category === 'opt_out') c.opted_out_at = iso(when);
    }
  });
  messages.push(...later.sort((a, b) => a.logged_at.localeCompare(b.logged_at)));
  const named: [string, string, string][] = [
    ['306', 'Yes please! Is it really free? I have a south-facing roof', 'interested'],
    ['327', 'Mornings are best, before 10 if possible', 'morning'],
    ['328', 'afternoon works, after 2pm', 'afternoon'],
    ['307', 'Sure, sounds good', 'interested'],
    ['338', 'How much does it cost after the quote? Do you do batteries too?', 'question'],
    ['339', 'who is this?? <b>how did you get my number</b> & why', 'other'],
    ['300', 'not interested, thanks', 'not_interested'],
    ['301', 'maybe in the spring', 'later'],
    ['408', 'STOP', 'opt_out'],
    ['303', 'wrong number', 'wrong_number'],
    ['304', 'HELP', 'help'],
  ];
  named.forEach(([contactId, body, category], i) => {
    const sid = `NAMED${i}`;
    const when = iso(NOW.getTime() - (690 - i * 55) * MIN);
    messages.push(
      messageRow({ logged_at: when, event: 'received', sid, contact_id: contactId, body, date_sent: when }),
    );
    messages.push(messageRow({ logged_at: when, event: 'category', sid, category }));
    const c = contacts[Number(contactId) - 1];
    if (c === undefined) return;
    c.last_inbound_at = when;
    c.updated_at = when;
    if (category === 'opt_out') c.opted_out_at = when;
  });
  const bad = contacts[20] as Contact;
  bad.error = 'phone "+1512555" is not a valid number: fix row 22 of contacts.csv';

  const summary = computeSummary({
    now: NOW,
    contacts,
    messages,
    timeZone: ZONE,
    runErrors: ['Twilio answered 429 (too many requests) 3 times at 09:02; retried and sent'],
  });
  return renderSummaryEmail(summary, {
    title: 'Brightside Solar quotes',
    dateLabel: '2026-12-01',
    timeZone: ZONE,
  });
}
