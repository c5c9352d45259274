import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Output } from '../../src/adapters/output.js';
import { openDataDir } from '../../src/adapters/store/index.js';
import { run } from '../../src/commands/summarize.js';
import { STATE } from '../../src/core/state-files.js';
import { SmsfunnelError } from '../../src/errors.js';
import { received, sampleDay } from './fixtures.js';
import { closedPort, GOOD_PASSWORD, GOOD_USER, type SmtpCatcher, startSmtpCatcher } from './smtp-catcher.js';

const ENV_NAMES = [
  'EMAIL_HOST',
  'EMAIL_PORT',
  'EMAIL_HOST_USER',
  'EMAIL_HOST_PASSWORD',
  'EMAIL_TLS',
  'EMAIL_FROM',
  'EMAIL_TO',
  'SMSFUNNEL_NOW',
  'SMSFUNNEL_DATA_DIR',
  'SMSFUNNEL_FUNNEL',
];
const saved: Record<string, string | undefined> = {};

let smtp: SmtpCatcher;
let dataDir: string;
let envFile: string;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp.close();
});

beforeEach(async () => {
  for (const n of ENV_NAMES) saved[n] = process.env[n];
  const root = mkdtempSync(join(tmpdir(), 'smsfunnel-summary-'));
  dataDir = join(root, 'data');
  envFile = join(root, '.env'); // an empty file, so a stray ./.env never leaks into a test
  writeFileSync(envFile, '');
  Object.assign(process.env, {
    EMAIL_HOST: '127.0.0.1',
    EMAIL_PORT: String(smtp.port),
    EMAIL_TLS: 'none',
    EMAIL_FROM: 'Funnel <funnel@example.com>',
    EMAIL_TO: 'sales@example.com, boss@example.com',
    SMSFUNNEL_NOW: '2026-12-01T17:00:00Z',
    SMSFUNNEL_DATA_DIR: dataDir,
    SMSFUNNEL_FUNNEL: fileURLToPath(new URL('../../funnel.example.yaml', import.meta.url)),
  });
  delete process.env.EMAIL_HOST_USER;
  delete process.env.EMAIL_HOST_PASSWORD;
  const { contacts, messages } = sampleDay();
  const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 1 });
  const loaded = await store.loadContacts();
  await store.saveContacts({ ...loaded, headers: Object.keys(contacts[0] ?? {}), rows: contacts });
  await store.appendMessages(messages);
  await store.close();
  smtp.mails.length = 0;
});

afterEach(() => {
  for (const n of ENV_NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function summarize(flags: { force?: boolean; dryRun?: boolean } = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const out = new Output({ json: false, verbose: false, stdout, stderr });
  const ctx = { options: { envFile, dryRun: flags.dryRun === true, json: false, verbose: false }, out };
  try {
    const code = await run(ctx, [], { force: flags.force === true });
    return { code, stdout: stdout.text, stderr: stderr.text, error: undefined };
  } catch (error) {
    if (!(error instanceof SmsfunnelError)) throw error;
    return { code: error.exitCode, stdout: stdout.text, stderr: stderr.text, error };
  }
}

const stateFile = () => join(dataDir, STATE.summary.file);

describe('smsfunnel summarize', () => {
  test('sends the day to every recipient: subject, both parts, the numbers, the attachment, escaped', async () => {
    const r = await summarize();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('summary for 2026-12-01 sent to 2 recipients (5 sent, 6 replies, 2 hot leads)\n');
    expect(smtp.mails).toHaveLength(1);
    const { mail, envelopeTo } = smtp.mails[0] ?? expect.unreachable();
    expect(envelopeTo).toEqual(['sales@example.com', 'boss@example.com']);
    expect(mail.subject).toBe(
      'Brightside Solar — free quote 2026-12-01: 5 sent, 6 replies, 2 hot leads, 1 opt-out',
    );
    expect(mail.date?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(mail.text).toContain('5 sent, 2 delivered, 3 failed');
    // Times in the funnel's zone (America/New_York), not UTC: Bob wrote at 11:59 UTC.
    expect(mail.text).toContain('2026-12-01 06:59 EST');
    expect(mail.text).not.toContain(' UTC');
    expect(String(mail.html)).toContain('Brightside Solar — free quote daily summary');
    expect(mail.text).toContain('Yes! <script>alert(1)</script> & call me');
    const html = String(mail.html);
    expect(html).toContain('bgcolor="#ea580c"');
    expect(html).toContain('Yes! &#60;script&#62;alert(1)&#60;/script&#62; &#38; call me');
    expect(html).not.toContain('<script');
    const csv = mail.attachments.find((a) => a.filename === 'hot-leads-2026-12-01.csv');
    expect(csv?.contentType).toBe('text/csv');
    expect(csv?.content.toString('utf8')).toContain(
      'Bob Ray,+15550000002,Mornings are best,2026-12-01T11:59:00Z',
    );
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toEqual({
      date: '2026-12-01',
      sentAt: '2026-12-01T17:00:00Z',
      since: '2026-11-30T17:00:00Z',
      until: '2026-12-01T17:00:00Z',
      recipients: 2,
    });
  });

  test("the last 7 days are counted in the funnel's zone: 22:00 in New York is still Monday", async () => {
    const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 1 });
    await store.appendMessages([received('IN8', '6', '2026-12-01T03:00:00Z', 'late on Monday')]);
    await store.close();
    expect((await summarize()).code).toBe(0);
    const { mail } = smtp.mails[0] ?? expect.unreachable();
    expect(mail.text).toContain('THE LAST 7 DAYS (Tue 24 Nov to Mon 30 Nov)');
    expect(mail.text).toMatch(/ {2}sent +0 +0 +0 +0 +0 +0 +6 +\| 0\n/);
    expect(mail.text).toMatch(/ {2}replies +0 +0 +0 +0 +0 +0 +1 +\| 6\n/);
    expect(mail.text).toContain('Today so far (to 12:00 EST)');
    expect(String(mail.html)).toContain('title="Replies, Mon 30 Nov: 1"');
  });

  test('at most once a day; --force sends again; the next day covers only what came after', async () => {
    expect((await summarize()).code).toBe(0);
    const again = await summarize();
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'summary for 2026-12-01 already sent at 2026-12-01T17:00:00Z; use --force to send again\n',
    );
    expect(smtp.mails).toHaveLength(1);

    process.env.SMSFUNNEL_NOW = '2026-12-01T18:00:00Z';
    const forced = await summarize({ force: true });
    // a resend covers the day's window again, up to now: the reply logged at 17:00:01 joins it
    expect(forced.stdout).toBe(
      'summary for 2026-12-01 sent to 2 recipients (5 sent, 7 replies, 2 hot leads)\n',
    );
    expect(smtp.mails).toHaveLength(2);

    process.env.SMSFUNNEL_NOW = '2026-12-02T17:00:00Z';
    const next = await summarize();
    expect(next.stdout).toBe(
      'summary for 2026-12-02 sent to 2 recipients (0 sent, 0 replies, 0 hot leads)\n',
    );
    expect(smtp.mails[2]?.mail.subject).toBe(
      'Brightside Solar — free quote 2026-12-02: 0 sent, 0 replies, 0 hot leads, 0 opt-outs',
    );
    expect(smtp.mails[2]?.mail.attachments).toHaveLength(0);
    expect(JSON.parse(readFileSync(stateFile(), 'utf8')).since).toBe('2026-12-01T18:00:00Z');
  });

  test('SMTP down: exit 69 naming host:port, nothing recorded, the next run sends', async () => {
    const port = await closedPort();
    process.env.EMAIL_PORT = String(port);
    const r = await summarize();
    expect(r.code).toBe(69);
    expect(r.error?.message).toContain(`cannot reach the SMTP server 127.0.0.1:${port}`);
    expect(r.error?.hint).toContain('EMAIL_PORT');
    expect(existsSync(stateFile())).toBe(false);

    process.env.EMAIL_PORT = String(smtp.port);
    expect((await summarize()).code).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  test.each([
    [
      'a wrong password',
      { EMAIL_HOST_USER: GOOD_USER, EMAIL_HOST_PASSWORD: 'wrong-canary-pass' },
      /refused the login of user "funnel".*535/,
    ],
    ['a sender the server refuses', { EMAIL_FROM: 'blocked@example.com' }, /refused the summary: 550/],
  ])('%s: exit 69, a clear message, no password, nothing recorded', async (_name, env, message) => {
    Object.assign(process.env, env);
    const r = await summarize();
    expect(r.code).toBe(69);
    expect(r.error?.message).toMatch(message);
    expect(`${r.error?.message} ${r.error?.hint} ${r.stderr}`).not.toContain('wrong-canary-pass');
    expect(existsSync(stateFile())).toBe(false);
    expect(smtp.mails).toHaveLength(0);
  });

  test('with the right login it sends', async () => {
    Object.assign(process.env, { EMAIL_HOST_USER: GOOD_USER, EMAIL_HOST_PASSWORD: GOOD_PASSWORD });
    expect((await summarize()).code).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  test('--dry-run needs no email settings, writes .eml and .html, sends and records nothing', async () => {
    for (const n of ['EMAIL_HOST', 'EMAIL_FROM', 'EMAIL_TO']) delete process.env[n];
    const r = await summarize({ dryRun: true });
    expect(r.code).toBe(0);
    const html = join(dataDir, 'summary-2026-12-01.html');
    expect(r.stdout).toContain(html);
    expect(readFileSync(html, 'utf8')).toContain('bgcolor="#ea580c"');
    const eml = await simpleParser(readFileSync(join(dataDir, 'summary-2026-12-01.eml')));
    expect(eml.subject).toBe(
      'Brightside Solar — free quote 2026-12-01: 5 sent, 6 replies, 2 hot leads, 1 opt-out',
    );
    expect(eml.attachments.map((a) => a.filename)).toEqual(['hot-leads-2026-12-01.csv']);
    expect(existsSync(stateFile())).toBe(false);
    expect(smtp.mails).toHaveLength(0);
  });
});
