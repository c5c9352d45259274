/**
 * Every variable the tool reads, written once: name, default, meaning (the README's
 * configuration table, checked by test/readme.test.ts) and the parser that turns what the
 * operator wrote into a value or says what to put there. `src/config.ts` reads them.
 */

import { isValidTimeZone } from './core/quiet-hours.js';

/** Thrown by a parser: what to put there (the caller says which variable and what it holds). */
export class BadSetting extends Error {}

export interface Setting<T> {
  /** as written in `.env`; empty: none */
  readonly default: string;
  /** markdown, as the README's table shows it */
  readonly meaning: string;
  /** turns a non-empty value into what the tool uses, or throws BadSetting */
  readonly parse: (raw: string) => T;
  /** a secret is never printed, not even in an error */
  readonly secret?: true;
  /** what to put there when it is required and missing */
  readonly missing?: string;
  /** kept as written (a password may start or end with a space) */
  readonly verbatim?: true;
}

const text = (raw: string): string => raw;

function number(min: number, max: number, integer = false): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
      throw new BadSetting(`put ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    return n;
  };
}

function matching(pattern: RegExp, hint: string): (raw: string) => string {
  return (raw) => {
    if (!pattern.test(raw)) throw new BadSetting(hint);
    return raw;
  };
}

function oneOf<const T extends string>(values: readonly T[]): (raw: string) => T {
  return (raw) => {
    const v = raw.toLowerCase();
    if (!(values as readonly string[]).includes(v))
      throw new BadSetting(`put ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);
    return v as T;
  };
}

function instant(raw: string): Date {
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)
    ? Date.parse(raw)
    : Number.NaN;
  if (Number.isNaN(t)) throw new BadSetting('put an ISO 8601 time with its zone, e.g. 2026-12-01T17:00:00Z');
  return new Date(t);
}

function timeZone(raw: string): string {
  if (!isValidTimeZone(raw))
    throw new BadSetting('put an IANA time zone name such as America/New_York or Europe/London');
  return raw;
}

function country(raw: string): string {
  const code = raw.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new BadSetting('put a two-letter country code such as US, GB or CA');
  return code;
}

function addresses(raw: string): string[] {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = list.find((a) => !isAddress(a));
  if (bad !== undefined) throw new BadSetting(`"${bad}" is not an e-mail address`);
  return list;
}

function address(raw: string): string {
  if (!isAddress(raw)) throw new BadSetting('put an e-mail address');
  return raw;
}

/** `funnel@example.com` or `Funnel <funnel@example.com>` */
function isAddress(s: string): boolean {
  const bare = /<([^>]+)>\s*$/.exec(s)?.[1] ?? s;
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(bare);
}

function noSpace(raw: string): string {
  if (/\s/.test(raw)) throw new BadSetting('contains white space: paste the token again without spaces');
  return raw;
}

const baseUrl = (raw: string): string =>
  matching(
    /^https?:\/\/[^\s/]+(:\d+)?\/?$/,
    'put a base URL such as http://127.0.0.1:3000 (no path)',
  )(raw).replace(/\/$/, '');

const setting = <T>(s: Setting<T>): Setting<T> => s;

export const SETTINGS = {
  TWILIO_ACCOUNT_SID: setting({
    default: '',
    meaning: 'Twilio account SID (AC followed by 32 hex characters).',
    parse: matching(/^AC[0-9a-fA-F]{32}$/, 'it must be AC followed by 32 hex characters'),
    missing: 'put your account SID from the Twilio Console (AC + 32 hex characters)',
  }),
  TWILIO_AUTH_TOKEN: setting({
    default: '',
    meaning: 'Twilio auth token (secret; never printed).',
    parse: noSpace,
    secret: true,
    missing: 'put the auth token from the Twilio Console',
  }),
  TWILIO_PHONE_NUMBER: setting({
    default: '',
    meaning: 'Sender number in E.164 (+15551234567); or set `TWILIO_MESSAGING_SERVICE_SID`.',
    parse: matching(/^\+[1-9]\d{6,14}$/, 'write it in E.164, e.g. +15551234567'),
  }),
  TWILIO_MESSAGING_SERVICE_SID: setting({
    default: '',
    meaning: 'Messaging Service SID (MG...), a sender pool; used instead of the number when set.',
    parse: matching(/^MG[0-9a-fA-F]{32}$/, 'it must be MG followed by 32 hex characters'),
  }),
  TWILIO_API_BASE_URL: setting({
    default: '',
    meaning:
      'Send every Twilio request (next pages included) to this base URL instead of `https://api.twilio.com`: a local mock such as the one `demo` starts, or a proxy.',
    parse: baseUrl,
  }),
  SEND_RATE: setting({
    default: '1',
    meaning:
      'Segments per second, as Twilio counts throughput: a 3-segment text takes three (1 for a US long code; higher for toll-free or short codes).',
    parse: number(0.01, 1000),
  }),
  SEND_DAILY_CAP: setting({
    default: '',
    meaning:
      "At most this many texts a day (in the funnel's time zone), for the carrier's daily limit of your registration; the rest wait for the next day. Empty: no cap.",
    parse: number(1, 10_000_000, true),
  }),
  TWILIO_TIMEOUT: setting({
    default: '30',
    meaning: 'Seconds to wait for one Twilio request.',
    parse: number(1, 600),
  }),
  TWILIO_RETRY_FOR: setting({
    default: '60',
    meaning: 'Seconds to keep retrying while Twilio is busy (429/503) or unreachable, before exiting 69.',
    parse: number(0, 3600),
  }),
  EMAIL_HOST: setting({
    default: '',
    meaning: 'SMTP server for the daily summary.',
    parse: text,
    missing: 'put your SMTP server, e.g. smtp.gmail.com',
  }),
  EMAIL_PORT: setting({
    default: '587',
    meaning: 'SMTP port: 587 uses STARTTLS, 465 TLS.',
    parse: number(1, 65535, true),
  }),
  EMAIL_HOST_USER: setting({
    default: '',
    meaning: 'SMTP user name (leave empty for a relay without authentication).',
    parse: text,
  }),
  EMAIL_HOST_PASSWORD: setting({
    default: '',
    meaning: 'SMTP password (secret; never printed).',
    parse: text,
    secret: true,
    verbatim: true,
  }),
  EMAIL_TLS: setting({
    default: 'auto',
    meaning:
      '`auto` (TLS on 465, STARTTLS otherwise, and required whenever a password is set: it is never sent in clear), `tls`, `starttls` (required), or `none` (plain, also for the password: only a local relay).',
    parse: oneOf(['auto', 'tls', 'starttls', 'none']),
  }),
  EMAIL_FROM: setting({
    default: '',
    meaning: 'Sender address of the summary, e.g. `Funnel <funnel@example.com>`.',
    parse: address,
    missing: 'put the sender address, e.g. funnel@example.com',
  }),
  EMAIL_TO: setting({
    default: '',
    meaning: 'Recipients of the summary, separated by commas.',
    parse: addresses,
    missing: 'put one or more recipient addresses, separated by commas',
  }),
  SMSFUNNEL_DATA_DIR: setting({
    default: './data',
    meaning: 'Folder with contacts.csv, messages.csv and the run state (or `--data-dir`).',
    parse: text,
  }),
  SMSFUNNEL_FUNNEL: setting({
    default: './funnel.yaml',
    meaning: 'The funnel file (or `--funnel`).',
    parse: text,
  }),
  SUMMARY_TIMEZONE: setting({
    default: '',
    meaning:
      "The time zone people read times in: the summary, `status`, `inbox` and `thread` (IANA name, e.g. America/Chicago). Empty: the funnel's `timezone`.",
    parse: timeZone,
  }),
  SMSFUNNEL_LOCK_WAIT: setting({
    default: '10',
    meaning: 'Seconds to wait for another run to finish before exiting 75.',
    parse: number(0, 3600),
  }),
  SMSFUNNEL_DEFAULT_COUNTRY: setting({
    default: 'US',
    meaning:
      'Country for numbers written without +country code (ISO 3166 code; `import --default-country` overrides it).',
    parse: country,
  }),
  SMSFUNNEL_NOW: setting({
    default: '',
    meaning: 'Override the clock with an ISO 8601 time (tests, demos, dry-runs).',
    parse: instant,
  }),
  NO_COLOR: setting({
    default: '',
    meaning:
      'Set to anything to print no colours, even on a terminal ([no-color.org](https://no-color.org)).',
    parse: text,
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = ReturnType<(typeof SETTINGS)[N]['parse']>;

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
