import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendMail, transportOptions, writeEml } from '../../src/adapters/mail.js';
import type { EmailConfig } from '../../src/config.js';
import { UnavailableError } from '../../src/errors.js';
import { GOOD_PASSWORD, GOOD_USER, type SmtpCatcher, startSmtpCatcher } from './smtp-catcher.js';

const base: EmailConfig = {
  host: '127.0.0.1',
  port: 587,
  user: undefined,
  password: undefined,
  tls: 'auto',
  from: 'funnel@example.com',
  to: ['a@example.com'],
};
const message = {
  from: 'Funnel <funnel@example.com>',
  to: ['a@example.com', 'b@example.com'],
  subject: 'Día 1 ✓',
  text: 'plain',
  html: '<p>html</p>',
};

describe('EMAIL_TLS as nodemailer options', () => {
  test.each([
    ['auto', 465, { secure: true }],
    ['auto', 587, { secure: false }],
    ['auto', 25, { secure: false }],
    ['tls', 2465, { secure: true }],
    ['starttls', 587, { secure: false, requireTLS: true }],
    ['none', 25, { secure: false, ignoreTLS: true }],
  ] as const)('%s on port %i', (tls, port, expected) => {
    const o = transportOptions({ ...base, tls, port });
    expect({
      secure: o.secure,
      requireTLS: 'requireTLS' in o ? o.requireTLS : undefined,
      ignoreTLS: 'ignoreTLS' in o ? o.ignoreTLS : undefined,
    }).toEqual({
      requireTLS: undefined,
      ignoreTLS: undefined,
      ...expected,
    });
    expect(o.connectionTimeout).toBe(15_000);
  });

  test('auto with a password requires STARTTLS: the password never goes in clear', () => {
    expect(transportOptions({ ...base, user: 'u', password: 'p' })).toMatchObject({
      secure: false,
      requireTLS: true,
    });
    expect(transportOptions({ ...base, tls: 'none', user: 'u', password: 'p' })).toMatchObject({
      ignoreTLS: true,
    });
  });

  test('authentication only when a user is set', () => {
    expect('auth' in transportOptions(base)).toBe(false);
    expect(transportOptions({ ...base, user: 'u', password: 'p' })).toMatchObject({
      auth: { user: 'u', pass: 'p' },
    });
  });
});

describe('sendMail against a real SMTP server', () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => {
    await smtp.close();
  });

  test('delivers to several recipients, with an attachment', async () => {
    const receipt = await sendMail(
      { ...base, port: smtp.port, tls: 'none' },
      {
        ...message,
        attachments: [
          { filename: 'hot-leads-2026-12-01.csv', content: 'name\r\nAnn\r\n', contentType: 'text/csv' },
        ],
      },
    );
    expect(receipt.accepted).toEqual(['a@example.com', 'b@example.com']);
    const caught = smtp.mails.at(-1);
    expect(caught?.mail.subject).toBe('Día 1 ✓');
    expect(caught?.mail.attachments[0]?.content.toString()).toBe('name\r\nAnn\r\n');
  });

  test('EMAIL_TLS=starttls refuses to send in clear to a server without STARTTLS: 69', async () => {
    const error = await sendMail({ ...base, port: smtp.port, tls: 'starttls' }, message).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).exitCode).toBe(69);
    expect((error as UnavailableError).message).toContain(`127.0.0.1:${smtp.port}`);
    expect((error as UnavailableError).hint).toContain('EMAIL_TLS');
  });

  test('EMAIL_TLS=auto with a password, to a server without STARTTLS: refused, no AUTH sent (69)', async () => {
    const before = smtp.mails.length;
    const creds = { user: GOOD_USER, password: GOOD_PASSWORD };
    const error = await sendMail({ ...base, ...creds, port: smtp.port, tls: 'auto' }, message).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).exitCode).toBe(69);
    expect((error as UnavailableError).hint).toContain('EMAIL_TLS');
    expect(smtp.authAttempts).toBe(0);
    expect(smtp.mails.length).toBe(before);
    // said explicitly, the same server gets the password (a local relay on a trusted network)
    await sendMail({ ...base, ...creds, port: smtp.port, tls: 'none' }, message);
    expect(smtp.authAttempts).toBe(1);
    expect(smtp.mails.length).toBe(before + 1);
  });
});

test('writeEml gives a parseable message without any server', async () => {
  const eml = await writeEml({ ...message, date: new Date('2026-12-01T17:00:00Z') });
  const parsed = await simpleParser(eml);
  expect(parsed.subject).toBe('Día 1 ✓');
  expect(parsed.text?.trim()).toBe('plain');
  expect(parsed.html).toContain('<p>html</p>');
  expect(parsed.date?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
});
