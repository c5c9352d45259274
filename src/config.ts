/**
 * Configuration: the one place that reads the environment. `.env` (or `--env-file`) is parsed
 * with dotenv and merged under the process environment (a variable set in the environment wins,
 * as dotenv does by default), validated once, and frozen. A command asks only for the groups
 * it uses (`import` needs no Twilio credentials); every problem is reported at once.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError } from './errors.js';
import { BadSetting, SETTING_NAMES, SETTINGS, type SettingName, type SettingValue } from './settings.js';

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

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function noColor(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

export interface ConfigOverrides {
  dataDir?: string | undefined;
  funnelFile?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads settings from a variable map, collecting every problem; a secret's value is never in one. */
function reader(env: Env, problems: string[]) {
  const raw = (name: SettingName): string | undefined => {
    const v = SETTINGS[name].verbatim ? env[name] : env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const parse = <N extends SettingName>(name: N, value: string): SettingValue<N> | undefined => {
    const s = SETTINGS[name];
    try {
      return s.parse(value) as SettingValue<N>;
    } catch (error) {
      if (!(error instanceof BadSetting)) throw error;
      problems.push(s.secret ? `${name} ${error.message}` : `${name} is "${value}": ${error.message}`);
      return undefined;
    }
  };
  return {
    /** the value written, else undefined; a required one that is missing is a problem */
    optional<N extends SettingName>(name: N): SettingValue<N> | undefined {
      const value = raw(name);
      if (value === undefined) {
        const missing = SETTINGS[name].missing;
        if (missing !== undefined) problems.push(`${name} is missing: ${missing}`);
        return undefined;
      }
      return parse(name, value);
    },
    /** the value written, else (or when it is wrong) the default */
    value<N extends SettingName>(name: N): SettingValue<N> {
      const value = raw(name);
      const parsed = value === undefined ? undefined : parse(name, value);
      return parsed ?? (SETTINGS[name].parse(SETTINGS[name].default) as SettingValue<N>);
    },
    written: (name: SettingName): boolean => raw(name) !== undefined,
  };
}

/**
 * Pure validation of a variable map: returns the config and every problem found.
 * Problems name the variable and what to put there, never its value when it is a secret.
 */
export function validateConfig(
  env: Env,
  groups: readonly ConfigGroup[],
  overrides: ConfigOverrides = {},
): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const read = reader(env, problems);
  const base: BaseConfig = {
    now: read.optional('SMSFUNNEL_NOW'),
    dataDir: resolve(overrides.dataDir ?? read.value('SMSFUNNEL_DATA_DIR')),
    funnelFile: resolve(overrides.funnelFile ?? read.value('SMSFUNNEL_FUNNEL')),
    lockWaitSeconds: read.value('SMSFUNNEL_LOCK_WAIT'),
    defaultCountry: read.value('SMSFUNNEL_DEFAULT_COUNTRY'),
    summaryTimeZone: read.optional('SUMMARY_TIMEZONE'),
    sendDailyCap: read.optional('SEND_DAILY_CAP'),
  };

  let twilio: TwilioConfig | undefined;
  if (groups.includes('twilio')) {
    const phoneNumber = read.optional('TWILIO_PHONE_NUMBER');
    const messagingServiceSid = read.optional('TWILIO_MESSAGING_SERVICE_SID');
    if (!read.written('TWILIO_PHONE_NUMBER') && !read.written('TWILIO_MESSAGING_SERVICE_SID'))
      problems.push(
        'TWILIO_PHONE_NUMBER is missing: put your Twilio number in E.164 (+15551234567), or set TWILIO_MESSAGING_SERVICE_SID',
      );
    twilio = {
      accountSid: read.optional('TWILIO_ACCOUNT_SID') ?? '',
      authToken: read.optional('TWILIO_AUTH_TOKEN') ?? '',
      phoneNumber,
      messagingServiceSid,
      apiBaseUrl: read.optional('TWILIO_API_BASE_URL'),
      sendRate: read.value('SEND_RATE'),
      timeoutMs: read.value('TWILIO_TIMEOUT') * 1000,
      retryForMs: read.value('TWILIO_RETRY_FOR') * 1000,
    };
  }

  let email: EmailConfig | undefined;
  if (groups.includes('email')) {
    const user = read.optional('EMAIL_HOST_USER');
    const password = read.optional('EMAIL_HOST_PASSWORD');
    if ((user === undefined) !== (password === undefined)) {
      problems.push(
        user === undefined
          ? 'EMAIL_HOST_USER is missing: EMAIL_HOST_PASSWORD is set, so put the SMTP user name too'
          : 'EMAIL_HOST_PASSWORD is missing: EMAIL_HOST_USER is set, so put its SMTP password too',
      );
    }
    email = {
      host: read.optional('EMAIL_HOST') ?? '',
      port: read.value('EMAIL_PORT'),
      user,
      password,
      tls: read.value('EMAIL_TLS'),
      from: read.optional('EMAIL_FROM') ?? '',
      to: read.optional('EMAIL_TO') ?? [],
    };
  }

  const secrets = SETTING_NAMES.filter((n) => SETTINGS[n].secret)
    .map((n) => env[n])
    .filter((v): v is string => v !== undefined && v.length >= 4);
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
