/**
 * Configuration: the one place that reads the environment. `.env` (or `--env-file`) is parsed
 * with dotenv and merged under the process environment (a variable set in the environment wins,
 * as dotenv does by default), validated once, and frozen. A command asks only for the groups
 * it uses (`import` needs no Twilio credentials); every problem is reported at once.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { isValidTimeZone } from './core/quiet-hours.js';
import { ConfigError } from './errors.js';

export type ConfigGroup = 'twilio' | 'email';

export interface BaseConfig {
  /** `SMSFUNNEL_NOW`: the run's clock, when overridden (tests, demos, dry-runs) */
  readonly now: Date | undefined;
  readonly dataDir: string;
  readonly funnelFile: string;
  /** seconds a run waits for another run's lock before giving up with exit 75 */
  readonly lockWaitSeconds: number;
  readonly defaultCountry: string;
  /** `SUMMARY_TIMEZONE`: the zone people read times in (summary, status, inbox, thread); else the funnel's */
  readonly summaryTimeZone: string | undefined;
  /** `SEND_DAILY_CAP`: at most this many texts a day (the funnel's time zone), for a carrier's daily limit */
  readonly sendDailyCap: number | undefined;
}

export interface TwilioConfig {
  readonly accountSid: string;
  readonly authToken: string;
  readonly phoneNumber: string | undefined;
  readonly messagingServiceSid: string | undefined;
  /** `TWILIO_API_BASE_URL`: send every request here instead of https://api.twilio.com */
  readonly apiBaseUrl: string | undefined;
  /** messages per second */
  readonly sendRate: number;
  readonly timeoutMs: number;
  /** how long one request may be retried while Twilio answers 429/503 or cannot be reached */
  readonly retryForMs: number;
}

export interface EmailConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string | undefined;
  readonly password: string | undefined;
  /** `tls` on connect (465), `starttls` required, `none` plain, `auto`: tls on 465 else STARTTLS */
  readonly tls: 'auto' | 'tls' | 'starttls' | 'none';
  readonly from: string;
  readonly to: readonly string[];
}

export interface Config extends BaseConfig {
  readonly twilio?: TwilioConfig;
  readonly email?: EmailConfig;
  /** secret values, for redaction of anything printed */
  readonly secrets: readonly string[];
}

export type ConfigWith<G extends ConfigGroup> = Config & { readonly [K in G]-?: NonNullable<Config[K]> };

/** Every variable the tool reads: name, default, meaning. The README's table follows this list. */
export const VARIABLES = [
  ['TWILIO_ACCOUNT_SID', '', 'Twilio account SID (AC followed by 32 hex characters).'],
  ['TWILIO_AUTH_TOKEN', '', 'Twilio auth token (secret; never printed).'],
  ['TWILIO_PHONE_NUMBER', '', 'Sender number in E.164 (+15551234567); or set TWILIO_MESSAGING_SERVICE_SID.'],
  [
    'TWILIO_MESSAGING_SERVICE_SID',
    '',
    'Messaging Service SID (MG...), a sender pool; used instead of the number when set.',
  ],
  [
    'TWILIO_API_BASE_URL',
    'https://api.twilio.com',
    'Send every Twilio request to this base URL instead (a local mock or a proxy).',
  ],
  [
    'SEND_RATE',
    '1',
    'Segments per second, as Twilio counts throughput: a 3-segment text takes three (1 for a US long code; higher for toll-free or short codes).',
  ],
  [
    'SEND_DAILY_CAP',
    '',
    "At most this many texts a day (in the funnel's time zone), for the carrier's daily limit of your registration; the rest wait for the next day. Empty: no cap.",
  ],
  ['TWILIO_TIMEOUT', '30', 'Seconds to wait for one Twilio request.'],
  [
    'TWILIO_RETRY_FOR',
    '60',
    'Seconds to keep retrying while Twilio is busy (429/503) or unreachable, before exiting 69.',
  ],
  ['EMAIL_HOST', '', 'SMTP server for the daily summary.'],
  ['EMAIL_PORT', '587', 'SMTP port: 587 uses STARTTLS, 465 TLS.'],
  ['EMAIL_HOST_USER', '', 'SMTP user name (leave empty for a relay without authentication).'],
  ['EMAIL_HOST_PASSWORD', '', 'SMTP password (secret; never printed).'],
  [
    'EMAIL_TLS',
    'auto',
    'auto (TLS on 465, STARTTLS otherwise, required with a password), tls, starttls (required), or none.',
  ],
  ['EMAIL_FROM', '', 'Sender address of the summary, e.g. "Funnel <funnel@example.com>".'],
  ['EMAIL_TO', '', 'Recipients of the summary, separated by commas.'],
  [
    'SMSFUNNEL_DATA_DIR',
    './data',
    'Folder with contacts.csv, messages.csv and the run state (or --data-dir).',
  ],
  ['SMSFUNNEL_FUNNEL', './funnel.yaml', 'The funnel file (or --funnel).'],
  [
    'SUMMARY_TIMEZONE',
    '',
    "The time zone people read times in: the summary, status, inbox and thread (IANA name, e.g. America/Chicago). Empty: the funnel's timezone.",
  ],
  ['SMSFUNNEL_LOCK_WAIT', '10', 'Seconds to wait for another run to finish before exiting 75.'],
  ['SMSFUNNEL_DEFAULT_COUNTRY', 'US', 'Country for numbers written without +country code (ISO 3166 code).'],
  ['SMSFUNNEL_NOW', '', 'Override the clock with an ISO 8601 time (tests, demos, dry-runs).'],
  ['NO_COLOR', '', 'Set to anything to print no colours, even on a terminal (https://no-color.org).'],
] as const;

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function noColor(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

const SECRET_NAMES = ['TWILIO_AUTH_TOKEN', 'EMAIL_HOST_PASSWORD'] as const;

export interface ConfigOverrides {
  dataDir?: string | undefined;
  funnelFile?: string | undefined;
}

/**
 * Pure validation of a variable map: returns the config and every problem found.
 * Problems name the variable and what to put there, never its value when it is a secret.
 */
export function validateConfig(
  env: Readonly<Record<string, string | undefined>>,
  groups: readonly ConfigGroup[],
  overrides: ConfigOverrides = {},
): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const number = (name: string, fallback: number, min: number, max: number, integer = false): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push(
        `${name} is "${raw}": put ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
      );
      return fallback;
    }
    return n;
  };

  let now: Date | undefined;
  const nowRaw = get('SMSFUNNEL_NOW');
  if (nowRaw !== undefined) {
    const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(nowRaw)
      ? Date.parse(nowRaw)
      : Number.NaN;
    if (Number.isNaN(t)) {
      problems.push(
        `SMSFUNNEL_NOW is "${nowRaw}": put an ISO 8601 time with its zone, e.g. 2026-12-01T17:00:00Z`,
      );
    } else {
      now = new Date(t);
    }
  }
  const country = (get('SMSFUNNEL_DEFAULT_COUNTRY') ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    problems.push(
      `SMSFUNNEL_DEFAULT_COUNTRY is "${country}": put a two-letter country code such as US, GB or CA`,
    );
  }
  const summaryZone = (get('SUMMARY_TIMEZONE') ?? '').trim();
  if (summaryZone !== '' && !isValidTimeZone(summaryZone))
    problems.push(
      `SUMMARY_TIMEZONE is "${summaryZone}": put an IANA time zone name such as America/New_York or Europe/London`,
    );
  const base: BaseConfig = {
    now,
    dataDir: resolve(overrides.dataDir ?? get('SMSFUNNEL_DATA_DIR') ?? './data'),
    funnelFile: resolve(overrides.funnelFile ?? get('SMSFUNNEL_FUNNEL') ?? './funnel.yaml'),
    lockWaitSeconds: number('SMSFUNNEL_LOCK_WAIT', 10, 0, 3600),
    defaultCountry: country,
    summaryTimeZone: summaryZone === '' || !isValidTimeZone(summaryZone) ? undefined : summaryZone,
    sendDailyCap:
      (get('SEND_DAILY_CAP') ?? '').trim() === ''
        ? undefined
        : number('SEND_DAILY_CAP', 0, 1, 10_000_000, true),
  };

  let twilio: TwilioConfig | undefined;
  if (groups.includes('twilio')) {
    const accountSid = get('TWILIO_ACCOUNT_SID');
    const authToken = get('TWILIO_AUTH_TOKEN');
    const phoneNumber = get('TWILIO_PHONE_NUMBER');
    const messagingServiceSid = get('TWILIO_MESSAGING_SERVICE_SID');
    const apiBaseUrl = get('TWILIO_API_BASE_URL');
    if (accountSid === undefined) {
      problems.push(
        'TWILIO_ACCOUNT_SID is missing: put your account SID from the Twilio Console (AC + 32 hex characters)',
      );
    } else if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
      problems.push(`TWILIO_ACCOUNT_SID is "${accountSid}": it must be AC followed by 32 hex characters`);
    }
    if (authToken === undefined) {
      problems.push('TWILIO_AUTH_TOKEN is missing: put the auth token from the Twilio Console');
    } else if (/\s/.test(authToken)) {
      problems.push('TWILIO_AUTH_TOKEN contains white space: paste the token again without spaces');
    }
    if (phoneNumber === undefined && messagingServiceSid === undefined) {
      problems.push(
        'TWILIO_PHONE_NUMBER is missing: put your Twilio number in E.164 (+15551234567), or set TWILIO_MESSAGING_SERVICE_SID',
      );
    }
    if (phoneNumber !== undefined && !/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
      problems.push(`TWILIO_PHONE_NUMBER is "${phoneNumber}": write it in E.164, e.g. +15551234567`);
    }
    if (messagingServiceSid !== undefined && !/^MG[0-9a-fA-F]{32}$/.test(messagingServiceSid)) {
      problems.push(
        `TWILIO_MESSAGING_SERVICE_SID is "${messagingServiceSid}": it must be MG followed by 32 hex characters`,
      );
    }
    if (apiBaseUrl !== undefined && !/^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(apiBaseUrl)) {
      problems.push(
        `TWILIO_API_BASE_URL is "${apiBaseUrl}": put a base URL such as http://127.0.0.1:3000 (no path)`,
      );
    }
    twilio = {
      accountSid: accountSid ?? '',
      authToken: authToken ?? '',
      phoneNumber,
      messagingServiceSid,
      apiBaseUrl: apiBaseUrl?.replace(/\/$/, ''),
      sendRate: number('SEND_RATE', 1, 0.01, 1000),
      timeoutMs: number('TWILIO_TIMEOUT', 30, 1, 600) * 1000,
      retryForMs: number('TWILIO_RETRY_FOR', 60, 0, 3600) * 1000,
    };
  }

  let email: EmailConfig | undefined;
  if (groups.includes('email')) {
    const host = get('EMAIL_HOST');
    const user = get('EMAIL_HOST_USER');
    const password = env.EMAIL_HOST_PASSWORD === '' ? undefined : env.EMAIL_HOST_PASSWORD;
    const from = get('EMAIL_FROM');
    const to = (get('EMAIL_TO') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const tls = (get('EMAIL_TLS') ?? 'auto').toLowerCase();
    if (host === undefined) problems.push('EMAIL_HOST is missing: put your SMTP server, e.g. smtp.gmail.com');
    if ((user === undefined) !== (password === undefined)) {
      problems.push(
        user === undefined
          ? 'EMAIL_HOST_USER is missing: EMAIL_HOST_PASSWORD is set, so put the SMTP user name too'
          : 'EMAIL_HOST_PASSWORD is missing: EMAIL_HOST_USER is set, so put its SMTP password too',
      );
    }
    const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
    const addressOf = (s: string) => /<([^>]+)>\s*$/.exec(s)?.[1] ?? s;
    if (from === undefined)
      problems.push('EMAIL_FROM is missing: put the sender address, e.g. funnel@example.com');
    else if (!address.test(addressOf(from))) problems.push(`EMAIL_FROM is "${from}": put an e-mail address`);
    if (to.length === 0)
      problems.push('EMAIL_TO is missing: put one or more recipient addresses, separated by commas');
    for (const r of to)
      if (!address.test(addressOf(r))) problems.push(`EMAIL_TO has "${r}", which is not an e-mail address`);
    if (!['auto', 'tls', 'starttls', 'none'].includes(tls)) {
      problems.push(`EMAIL_TLS is "${tls}": put auto, tls, starttls or none`);
    }
    email = {
      host: host ?? '',
      port: number('EMAIL_PORT', 587, 1, 65535, true),
      user,
      password,
      tls: tls as EmailConfig['tls'],
      from: from ?? '',
      to,
    };
  }

  const secrets = SECRET_NAMES.map((n) => env[n]).filter(
    (v): v is string => v !== undefined && v.length >= 4,
  );
  return { config: deepFreeze({ ...base, twilio, email, secrets }), problems };
}

export interface LoadConfigOptions extends ConfigOverrides {
  /** an explicit `--env-file`; it must exist. Without it, `./.env` is read when present. */
  envFile?: string | undefined;
  /** the environment; `process.env` unless a test passes its own */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Reads `.env` and the environment, validates the groups asked for, throws ConfigError (exit 78). */
export function loadConfig<G extends ConfigGroup = never>(
  groups: readonly G[],
  options: LoadConfigOptions = {},
): ConfigWith<G> {
  const processEnv = options.env ?? process.env;
  const fromFile = readEnvFile(options.envFile);
  const { config, problems } = validateConfig({ ...fromFile, ...processEnv }, groups, options);
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigWith<G>;
}

function readEnvFile(explicit: string | undefined): Record<string, string> {
  const path = resolve(explicit ?? '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(
      [`--env-file ${explicit}: cannot read it (${(error as NodeJS.ErrnoException).code})`],
      'Give the path of an existing file, or leave --env-file out to use ./.env.',
    );
  }
  return dotenv.parse(text);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
