/**
 * What every command receives: the shared options as parsed, and the output. Commands load the
 * config groups they need themselves (`loadCommandConfig`) so `import` never asks for Twilio.
 */

import { existsSync } from 'node:fs';
import { type Clock, makeClock } from '../adapters/clock.js';
import type { Output } from '../adapters/output.js';
import { type DataDir, openDataDir } from '../adapters/store/index.js';
import {
  type BaseConfig,
  type ConfigGroup,
  type ConfigWith,
  loadConfig,
  type TwilioConfig,
} from '../config.js';
import { findContact } from '../core/contact-ref.js';
import type { Funnel } from '../core/funnel/index.js';
import type { Contact } from '../core/model.js';
import { UsageError } from '../errors.js';

export interface CommonOptions {
  dataDir?: string;
  funnel?: string;
  envFile?: string;
  dryRun: boolean;
  json: boolean;
  verbose: boolean;
}

export interface CommandContext {
  options: CommonOptions;
  out: Output;
  /**
   * The environment to configure from, instead of the process's: `demo` runs the real commands
   * with settings of its own, which an operator's exported TWILIO_* must not override.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Load and validate the config groups a command needs; register its secrets for redaction. */
export function loadCommandConfig<G extends ConfigGroup = never>(
  ctx: CommandContext,
  groups: readonly G[],
): { config: ConfigWith<G>; clock: Clock } {
  const config = loadConfig(groups, {
    envFile: ctx.options.envFile,
    dataDir: ctx.options.dataDir,
    funnelFile: ctx.options.funnel,
    ...(ctx.env === undefined ? {} : { env: ctx.env }),
  });
  ctx.out.addSecrets(config.secrets);
  return { config, clock: makeClock(config.now) };
}

/** The data folder the configuration names, locked for writing unless `readOnly` (a dry run, a report). */
export function openStore(config: BaseConfig, readOnly: boolean): Promise<DataDir> {
  return openDataDir({ dir: config.dataDir, lockWaitSeconds: config.lockWaitSeconds, readOnly });
}

/** The contact a command names (`<phone|id>`), or a usage error saying where it looked. */
export function requireContact<C extends Contact>(rows: readonly C[], ref: string, contactsPath: string): C {
  const contact = findContact(rows, ref);
  if (contact === undefined) throw new UsageError(`no contact has the id or phone ${ref} in ${contactsPath}`);
  return contact;
}

/** The funnel file's `sender` (a number or a Messaging Service SID) wins over the environment's. */
export function withSender(config: TwilioConfig, funnel: Funnel): TwilioConfig {
  if (funnel.sender === undefined) return config;
  return funnel.sender.startsWith('MG')
    ? { ...config, messagingServiceSid: funnel.sender }
    : { ...config, phoneNumber: funnel.sender, messagingServiceSid: undefined };
}

/** The zone people read times in: SUMMARY_TIMEZONE, else the funnel file's, else UTC (no funnel file). */
export async function readingZone(config: {
  summaryTimeZone: string | undefined;
  funnelFile: string;
}): Promise<string> {
  if (config.summaryTimeZone !== undefined) return config.summaryTimeZone;
  if (!existsSync(config.funnelFile)) return 'UTC';
  // loaded here only: a command that never reads the funnel file does not pay for the YAML parser
  const { loadFunnelFile } = await import('../adapters/funnel-file.js');
  return (await loadFunnelFile(config.funnelFile)).timezone;
}
