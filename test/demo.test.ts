/**
 * `smsfunnel demo` as a newcomer meets it: the built binary, no TTY, no account, a clean folder.
 * The environment carries an operator's real-looking Twilio and SMTP settings pointing at ports
 * where nothing listens: if the demo let them through, it would fail (or, for real, text people).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDataDir } from '../src/adapters/store/index.js';
import type { Contact, MessageRow } from '../src/core/model.js';
import { contactTimeZone, sendWindow } from '../src/core/quiet-hours.js';
import { type CliResult, runCli } from './helpers/cli.js';
import { closedPort } from './summary/smtp-catcher.js';

const DEMO_TIMEOUT = 90_000;
let root: string;
let dir: string;
let first: CliResult;
let contacts: Map<string, Contact>;
let messages: MessageRow[];
let operatorEnv: Record<string, string>;

async function readData(folder: string) {
  const store = await openDataDir({ dir: folder, lockWaitSeconds: 0, readOnly: true });
  try {
    const table = await store.loadContacts();
    return {
      contacts: new Map(table.rows.map((c) => [`${c.first_name} ${c.last_name}`, c])),
      messages: await store.readMessages(),
    };
  } finally {
    await store.close();
  }
}

const person = (name: string): Contact => {
  const c = contacts.get(name);
  if (c === undefined) throw new Error(`no contact ${name} in contacts.csv`);
  return c;
};
const textsTo = (name: string) =>
  messages.filter((m) => m.event === 'sent' && m.contact_id === person(name).id);
/** The HTML as a reader sees it: tags dropped, entities decoded, white space collapsed. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'smsfunnel-demo-'));
  dir = join(root, 'week');
  operatorEnv = {
    TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'an-operators-real-token',
    TWILIO_PHONE_NUMBER: '+15557654321',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    EMAIL_HOST: '127.0.0.1',
    EMAIL_PORT: String(await closedPort()),
    EMAIL_HOST_USER: 'someone',
    EMAIL_HOST_PASSWORD: 'an-operators-password',
    SMSFUNNEL_NOW: '2030-01-01T00:00:00Z',
  };
  // a .env in the working directory, as an operator's project folder would have
  writeFileSync(join(root, '.env'), 'TWILIO_API_BASE_URL=https://api.twilio.com\nSEND_RATE=1\n');
  first = await runCli(['demo', '--data-dir', dir], { cwd: root, env: operatorEnv, timeoutMs: DEMO_TIMEOUT });
  ({ contacts, messages } = await readData(dir));
}, DEMO_TIMEOUT);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('smsfunnel demo, run as cron would run it', () => {
  test('finishes on its own with exit 0, says nothing on stderr, and prints no colour codes', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('\u001b[');
    expect(first.stdout).toMatch(/demo finished: 12 contacts, \d+ texts sent, 11 replies; summary in /);
  });

  test('tells the story: quiet hours, the STOP, the hot leads, the failed delivery, the silent ones', () => {
    const out = first.stdout;
    expect(out).toContain('Day 1 · Mon, Jun 1, 09:30 in New York');
    expect(out).toMatch(/too early for 6: their texts wait for 09:00 in their own time zone/);
    expect(out).toMatch(/Luis Ortega \(06:30 in San Francisco\)/);
    expect(out).toContain(`Tom O'Neil: "STOP" → opt_out: opted out, never texted again`);
    expect(out).toContain('Marcus Bell: "Mornings work best" → morning: hot lead: call them');
    expect(out).toContain('Olivia Chen: no reply to ask_time in 3 days → hot lead: call them');
    expect(out).toContain('Luis Ortega: "Who is this?" → question: needs a person');
    expect(out).toMatch(/Sam Reed: intro undelivered, Twilio 30006 .* never texted again/);
    expect(out).toContain('Dana Smith: no reply to last_try in 2 days → finished, no response');
    // the real status command ran at the end
    expect(out).toMatch(/By state\n(.*\n)*\s+done\.hot\s+3\n/);
  });

  test('contacts.csv ends with the outcome of each story', () => {
    const states = Object.fromEntries([...contacts].map(([name, c]) => [name, c.state]));
    expect(states).toEqual({
      'Dana Smith': 'done.no_response',
      'Luis Ortega': 'done.needs_human',
      'Priya Patel': 'owed.later',
      'Marcus Bell': 'done.hot',
      'Olivia Chen': 'done.hot',
      'Anna Berg': 'done.cold',
      "Tom O'Neil": 'opted_out.intro',
      'Sam Reed': 'intro',
      'Hana Ito': 'done.wrong_number',
      'José García': 'done.hot',
      'Amy Wong': 'done.no_response',
      'Cara Diaz': 'done.no_response',
    });
    expect(person("Tom O'Neil").opted_out_at).not.toBe('');
    expect(person('Sam Reed').error).toMatch(/^unusable number: .*30006/);
    // "maybe next month": back in 30 days, to the follow-up
    expect(person('Priya Patel').next_action_at.slice(0, 10)).toBe('2026-07-01');
  });

  test('nobody is texted after a STOP or a failed delivery, nobody twice for a step, and never outside quiet hours', () => {
    const stop = messages.find((m) => m.event === 'received' && m.body === 'STOP');
    expect(stop?.contact_id).toBe(person("Tom O'Neil").id);
    expect(textsTo("Tom O'Neil").map((m) => m.step)).toEqual(['intro']);
    expect(textsTo("Tom O'Neil").every((m) => m.date_sent < (stop?.date_sent ?? ''))).toBe(true);
    expect(textsTo('Sam Reed').map((m) => m.step)).toEqual(['intro']);
    expect(textsTo('Dana Smith').map((m) => m.step)).toEqual(['intro', 'follow_up', 'last_try']);
    expect(textsTo('Amy Wong').map((m) => m.step)).toEqual(['intro', 'help', 'follow_up', 'last_try']);

    const sent = messages.filter((m) => m.event === 'sent');
    const keys = sent.map((m) => `${m.contact_id}/${m.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byId = new Map([...contacts.values()].map((c) => [c.id, c]));
    const outside = sent.filter((m) => {
      const zone = contactTimeZone(byId.get(m.contact_id) as Contact, 'America/New_York').timeZone;
      return !sendWindow(new Date(m.date_sent), zone, { start: 9 * 60, end: 20 * 60 }).open;
    });
    expect(outside).toEqual([]);
  });

  test('saves the summary email the local mail server received, with the week in numbers', async () => {
    const path = /summary in (\S+\.html)/.exec(first.stdout)?.[1] ?? '';
    const html = readFileSync(join(root, path), 'utf8');
    expect(path).toBe(join('week', 'summary-2026-06-08.html'));
    const sent = messages.filter((m) => m.event === 'sent').length;
    const text = visible(html);
    expect(text).toContain(`${sent} sent`);
    expect(text).toContain('11 replies');
    expect(text).toContain('3 hot leads');
    expect(text).toContain('1 opt-out');
    expect(text).toContain('since 2026-06-01'); // the whole week, not the last 24 hours
    for (const name of ['Marcus Bell', 'José García', 'Olivia Chen', 'Luis Ortega', "Tom O'Neil"])
      expect(text).toContain(name);
    // what contacts wrote is shown, never interpreted as markup
    expect(text).toContain('yes please <3');
    expect(html).not.toContain('yes please <3');
    expect(html).not.toMatch(/<script/i);
    const eml = await simpleParser(readFileSync(join(dir, 'summary-2026-06-08.eml')));
    expect(eml.subject).toBe(
      `Brightside Solar — free quote 2026-06-08: ${sent} sent, 11 replies, 3 hot leads, 1 opt-out`,
    );
    expect(eml.html).toBe(html);
  });

  test("the operator's own settings and secrets are neither used nor printed", () => {
    expect(first.stdout).not.toContain('an-operators');
    expect(readFileSync(join(dir, 'demo.env'), 'utf8')).not.toContain('an-operators');
    expect(messages.filter((m) => m.event === 'sent').every((m) => m.from === '+15550100199')).toBe(true);
  });
});

describe('the demo folder', () => {
  test(
    'a second run empties its own folder and starts clean',
    async () => {
      writeFileSync(join(dir, 'left-over.txt'), 'from the last demo');
      const again = await runCli(['demo', '--data-dir', dir], { cwd: root, timeoutMs: DEMO_TIMEOUT });
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(existsSync(join(dir, 'left-over.txt'))).toBe(false);
      const rerun = await readData(dir);
      expect(rerun.messages.length).toBe(messages.length);
      expect([...rerun.contacts.values()].map((c) => c.state)).toEqual(
        [...contacts.values()].map((c) => c.state),
      );
    },
    DEMO_TIMEOUT,
  );

  test('a folder with other files in it is refused and left untouched', async () => {
    const theirs = join(root, 'their-data');
    rmSync(theirs, { recursive: true, force: true });
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'contacts.csv'), 'id,phone\n1,+12015550123\n');
    const refused = await runCli(['demo', '--data-dir', theirs], { cwd: root });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('is not empty and was not made by smsfunnel demo');
    expect(readFileSync(join(theirs, 'contacts.csv'), 'utf8')).toBe('id,phone\n1,+12015550123\n');
    expect(existsSync(join(theirs, 'funnel.yaml'))).toBe(false);
  });
});
