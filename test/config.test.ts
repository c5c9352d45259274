import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig, validateConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const SID = `AC${'a'.repeat(32)}`;
const TOKEN = 'tok_canary_5e3cr3t_value';
const twilioEnv = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: '+15005550006' };

describe('validateConfig', () => {
  test('import needs no Twilio credentials', () => {
    expect(validateConfig({}, []).problems).toEqual([]);
  });

  test('every missing Twilio variable is listed at once, by name', () => {
    const { problems } = validateConfig({}, ['twilio']);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/TWILIO_ACCOUNT_SID is missing/);
    expect(problems.join('\n')).toMatch(/TWILIO_AUTH_TOKEN is missing/);
    expect(problems.join('\n')).toMatch(/TWILIO_PHONE_NUMBER is missing.*TWILIO_MESSAGING_SERVICE_SID/);
  });

  test.each([
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, /TWILIO_ACCOUNT_SID is "AC123"/],
    [{ TWILIO_PHONE_NUMBER: '555-1234' }, /TWILIO_PHONE_NUMBER is "555-1234".*E\.164/],
    [{ TWILIO_MESSAGING_SERVICE_SID: 'MGxyz' }, /TWILIO_MESSAGING_SERVICE_SID is "MGxyz"/],
    [{ SEND_RATE: 'fast' }, /SEND_RATE is "fast"/],
    [{ SEND_RATE: '0' }, /SEND_RATE is "0"/],
    [{ TWILIO_API_BASE_URL: 'localhost:3000' }, /TWILIO_API_BASE_URL/],
    [{ SMSFUNNEL_NOW: 'tomorrow' }, /SMSFUNNEL_NOW is "tomorrow"/],
    [{ SMSFUNNEL_NOW: '2026-12-01T17:00:00' }, /SMSFUNNEL_NOW.*with its zone/],
  ])('a malformed value is named: %o', (override, message) => {
    const { problems } = validateConfig({ ...twilioEnv, ...override }, ['twilio']);
    expect(problems.join('\n')).toMatch(message);
  });

  test('a good Twilio config, with defaults', () => {
    const { config, problems } = validateConfig({ ...twilioEnv, SMSFUNNEL_NOW: '2026-12-01T17:00:00Z' }, [
      'twilio',
    ]);
    expect(problems).toEqual([]);
    expect(config.twilio?.sendRate).toBe(1);
    expect(config.now?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.twilio)).toBe(true);
  });

  test('email: recipients split on commas, user and password go together', () => {
    const env = {
      EMAIL_HOST: 'smtp.example.com',
      EMAIL_FROM: 'f@example.com',
      EMAIL_TO: 'a@example.com, b@example.com',
    };
    expect(validateConfig(env, ['email']).config.email?.to).toEqual(['a@example.com', 'b@example.com']);
    const { problems } = validateConfig({ ...env, EMAIL_HOST_USER: 'me' }, ['email']);
    expect(problems.join('\n')).toMatch(/EMAIL_HOST_PASSWORD is missing/);
  });

  test('a secret is never echoed in a problem', () => {
    const { problems } = validateConfig({ ...twilioEnv, TWILIO_AUTH_TOKEN: `${TOKEN} x` }, ['twilio']);
    expect(problems.join('\n')).toMatch(/TWILIO_AUTH_TOKEN contains white space/);
    expect(problems.join('\n')).not.toContain(TOKEN);
  });
});

describe('loadConfig', () => {
  test('reads --env-file; the environment wins over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smsfunnel-env-'));
    const file = join(dir, 'test.env');
    writeFileSync(
      file,
      `TWILIO_ACCOUNT_SID=${SID}\nTWILIO_AUTH_TOKEN=${TOKEN}\nTWILIO_PHONE_NUMBER=+15005550006\nSEND_RATE=5\n`,
    );
    const config = loadConfig(['twilio'], { envFile: file, env: { SEND_RATE: '7' } });
    expect(config.twilio.accountSid).toBe(SID);
    expect(config.twilio.sendRate).toBe(7);
    expect(config.secrets).toContain(TOKEN);
  });

  test('a missing --env-file is a config error (78)', () => {
    expect(() => loadConfig([], { envFile: '/nonexistent/.env', env: {} })).toThrow(ConfigError);
    try {
      loadConfig(['twilio'], { env: {} });
    } catch (error) {
      expect((error as ConfigError).exitCode).toBe(78);
      expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(3);
    }
  });
});
