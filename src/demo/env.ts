/**
 * The settings the demo runs the real commands with. A real TWILIO_* or EMAIL_* exported in the
 * operator's shell would win over any .env file (src/config.ts merges the file under the
 * environment), and the demo would talk to the real Twilio or mail server; so the demo hands each
 * command an environment of its own (`ctx.env`) instead of the process's.
 */
import { writeFile } from 'node:fs/promises';
import { SETTING_NAMES, type SettingName } from '../settings.js';

/** A valid-looking account that exists only on the local server. */
export const DEMO_ACCOUNT_SID = `AC${'de30'.repeat(8)}`;
export const DEMO_AUTH_TOKEN = 'demo-token-local-only';
export const DEMO_NUMBER = '+15550100199';

export function demoSettings(twilioUrl: string, smtpPort: number): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: DEMO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: DEMO_AUTH_TOKEN,
    TWILIO_PHONE_NUMBER: DEMO_NUMBER,
    TWILIO_API_BASE_URL: twilioUrl,
    SEND_RATE: '100',
    TWILIO_TIMEOUT: '10',
    EMAIL_HOST: '127.0.0.1',
    EMAIL_PORT: String(smtpPort),
    EMAIL_TLS: 'none',
    EMAIL_FROM: 'Brightside Solar funnel <funnel@example.com>',
    EMAIL_TO: 'team@example.com',
    SMSFUNNEL_DEFAULT_COUNTRY: 'US',
    SMSFUNNEL_LOCK_WAIT: '10',
  };
}

/** What the demo used, for the curious (ports change every run; the servers are gone afterwards). */
export async function writeSettingsFile(path: string, settings: Record<string, string>): Promise<void> {
  const lines = Object.entries(settings).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  await writeFile(
    path,
    `# The settings smsfunnel demo ran with: a local Twilio-compatible server and mail catcher.\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
}

/**
 * The demo's environment, handed to each command as `ctx.env` (the process environment is left
 * alone): the demo's settings for every variable the tool knows, none of the operator's.
 */
export class DemoEnvironment {
  private readonly values: Record<string, string | undefined> = {};

  constructor(settings: Record<string, string>) {
    for (const name of SETTING_NAMES) this.values[name] = settings[name];
  }

  /** `SMSFUNNEL_NOW` changes at every simulated moment. */
  set(name: SettingName, value: string): void {
    this.values[name] = value === '' ? undefined : value;
  }

  /** A snapshot for one command's context. */
  snapshot(): Readonly<Record<string, string | undefined>> {
    return { ...this.values };
  }
}
