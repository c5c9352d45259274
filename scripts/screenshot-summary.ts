/**
 * Renders a realistic day's summary email and screenshots it in headless Chromium, to see what
 * the team will see: `npx tsx scripts/screenshot-summary.ts [out.png]` (default
 * docs/summary-screenshot.png). Needs a `chromium` binary (Debian: apt-get install chromium).
 * Not a test: nothing in the suite needs a browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Contact, contactRow, type MessageRow, messageRow } from '../src/core/model.js';
import { computeSummary, renderSummaryEmail } from '../src/core/summary/index.js';

const out = resolve(process.argv[2] ?? 'docs/summary-screenshot.png');
const now = new Date('2026-12-01T17:00:00Z');
const at = (minutesBefore: number) =>
  new Date(now.getTime() - minutesBefore * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

// A deterministic day: 420 contacts spread over the example funnel, 212 texts out, 14 replies.
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
const contacts: Contact[] = [];
for (const [state, n] of STATES) {
  for (let i = 0; i < n; i += 1) {
    const id = String(contacts.length + 1);
    contacts.push(
      contactRow({
        id,
        phone: `+1512555${id.padStart(4, '0')}`,
        first_name: FIRST[contacts.length % FIRST.length],
        last_name: LAST[contacts.length % LAST.length],
        state,
      }),
    );
  }
}
const messages: MessageRow[] = [];
for (let i = 0; i < 212; i += 1) {
  const sid = `SM${i}`;
  const c = contacts[i % contacts.length] as Contact;
  messages.push(
    messageRow({
      logged_at: at(1400 - i * 6),
      event: 'sent',
      sid,
      contact_id: c.id,
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
  messages.push(messageRow({ logged_at: at(1390 - i * 6), event: 'status', sid, status, error_code: code }));
}
const replies: [string, string, string][] = [
  ['306', 'Yes please! Is it really free? I have a south-facing roof', 'interested'],
  ['327', 'Mornings are best, before 10 if possible', 'morning'],
  ['328', 'afternoon works, after 2pm', 'afternoon'],
  ['307', 'Sure, sounds good', 'interested'],
  ['338', 'How much does it cost after the quote? Do you do batteries too?', 'question'],
  ['339', 'who is this?? <b>how did you get my number</b> & why', 'other'],
  ['300', 'not interested, thanks', 'not_interested'],
  ['301', 'maybe in the spring', 'later'],
  ['302', 'no thank you', 'not_interested'],
  ['408', 'STOP', 'opt_out'],
  ['409', 'please remove me from your list', 'opt_out'],
  ['303', 'wrong number', 'wrong_number'],
  ['304', 'HELP', 'help'],
  ['305', 'ok', 'other'],
];
replies.forEach(([contactId, body, category], i) => {
  const sid = `IN${i}`;
  const when = at(600 - i * 37);
  messages.push(
    messageRow({ logged_at: when, event: 'received', sid, contact_id: contactId, body, date_sent: when }),
  );
  messages.push(messageRow({ logged_at: when, event: 'category', sid, category }));
  const c = contacts[Number(contactId) - 1];
  if (c !== undefined) {
    c.last_inbound_at = when;
    c.updated_at = when;
    if (category === 'opt_out') c.opted_out_at = when;
  }
});
const bad = contacts[20] as Contact;
bad.error = 'phone "+1512555" is not a valid number: fix row 22 of contacts.csv';

const summary = computeSummary({
  now,
  contacts,
  messages,
  runErrors: ['Twilio answered 429 (too many requests) 3 times at 09:02; retried and sent'],
});
const email = renderSummaryEmail(summary, { title: 'smsfunnel', dateLabel: '2026-12-01' });
const dir = mkdtempSync(join(tmpdir(), 'smsfunnel-shot-'));
const html = join(dir, 'summary.html');
writeFileSync(html, email.html);
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`,
    `--screenshot=${out}`,
    '--window-size=800,2200',
    `file://${html}`,
  ],
  { stdio: 'ignore', timeout: 60_000 },
);
console.log(`${email.subject}\nscreenshot: ${out}\nhtml: ${html}`);
