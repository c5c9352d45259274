/**
 * SMTP down or refusing during `summarize`: exit 69, summary.json not written, the next run
 * sends. The SMTP password (a canary) is never printed, with or without --verbose.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE } from '../../src/core/state-files.js';
import { CANARY_TOKEN, contactsCsv, faultWorld, usNumber, type World } from '../helpers/world.js';
import {
  GOOD_PASSWORD as CANARY_SMTP_PASSWORD,
  closedPort,
  GOOD_USER,
  type SmtpCatcher,
  startSmtpCatcher,
} from '../summary/smtp-catcher.js';

/** A wrong password, itself a canary: refused passwords must not be printed either. */
const WRONG_PASSWORD = 'Wr0ng-SMTP-canary-5e6f';

let ws: World;
let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  ws = await faultWorld(new Date('2026-12-01T15:00:00Z'));
  const phones = Array.from({ length: 8 }, (_, i) => usNumber('212', i));
  writeFileSync(join(ws.root, 'leads.csv'), contactsCsv(phones));
  expect((await ws.run(['import', 'leads.csv'])).code).toBe(0);
  expect((await ws.run(['send'])).code).toBe(0);
});
afterAll(async () => {
  const all = ws.everything();
  expect(all).not.toContain(CANARY_TOKEN);
  expect(all).not.toContain(CANARY_SMTP_PASSWORD);
  expect(all).not.toContain(WRONG_PASSWORD);
  await ws.close();
  await smtp.close();
});

const mailEnv = (port: number, password = CANARY_SMTP_PASSWORD) => ({
  EMAIL_HOST: '127.0.0.1',
  EMAIL_PORT: String(port),
  EMAIL_TLS: 'none',
  EMAIL_HOST_USER: GOOD_USER,
  EMAIL_HOST_PASSWORD: password,
  EMAIL_FROM: 'Funnel <funnel@example.com>',
  EMAIL_TO: 'sales@example.com',
  SMSFUNNEL_NOW: '2026-12-02T07:00:00Z',
});

describe('summarize with SMTP unavailable', () => {
  test('nothing listening: exit 69, summary.json not written; the next run sends it', async () => {
    const state = ws.path(STATE.summary.file);
    const down = mailEnv(await closedPort());
    for (const flags of [[], ['--verbose']]) {
      const r = await ws.run(['summarize', ...flags], { env: down });
      expect(r.code, r.stderr).toBe(69);
      expect(r.stderr).toMatch(/SMTP|mail/i);
      expect(existsSync(state)).toBe(false);
    }
    expect(smtp.mails).toHaveLength(0);

    const up = await ws.run(['summarize'], { env: mailEnv(smtp.port) });
    expect(up.code, up.stderr).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(existsSync(state)).toBe(true);
    // Once a day: the next run does not send it again.
    expect((await ws.run(['summarize'], { env: mailEnv(smtp.port) })).code).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  test('the server refuses the password: exit 69 or 78, nothing recorded, the password never printed', async () => {
    const state = ws.path(STATE.summary.file);
    const before = ws.hashDataDir();
    for (const flags of [['--force'], ['--force', '--verbose']]) {
      const r = await ws.run(['summarize', ...flags], {
        env: mailEnv(smtp.port, WRONG_PASSWORD),
      });
      expect([69, 78], r.stderr).toContain(r.code);
      expect(r.stderr).toMatch(/EMAIL_HOST_USER|EMAIL_HOST_PASSWORD|SMTP/);
    }
    expect(ws.hashDataDir()).toEqual(before);
    expect(existsSync(state)).toBe(true);
    expect(smtp.mails).toHaveLength(1);
  });
});
