/**
 * A workplace for fault and simulation tests: a temp folder with a funnel file, a data dir and an
 * empty `.env`, the local Twilio-compatible server, and the BUILT binary run as cron runs it
 * (a clean environment, no TTY). Every output of every run is kept, so a test can check that the
 * canary secrets below never reached stdout or stderr.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDir } from '../../src/adapters/store/index.js';
import type { Contact, MessageRow } from '../../src/core/model.js';
import { startTwilioServer, type TwilioServer } from '../../src/twilio-server/index.js';
import { testRealism } from '../commands/world.js';
import { BIN, type CliResult, runCli } from '../helpers/cli.js';
import { GOOD_PASSWORD } from '../summary/smtp-catcher.js';

export const ACCOUNT_SID = `AC${'c3'.repeat(16)}`;
/** Canary secrets: distinctive enough that any leak into any output is found by a substring search. */
export const CANARY_TOKEN = 'CanaryTok3n-9f8e7d6c5b4a-LEAKCHECK';
/** the password the test SMTP server accepts (test/summary/smtp-catcher.ts) */
export const CANARY_SMTP_PASSWORD = GOOD_PASSWORD;
export const OUR_NUMBER = '+15005550006';
export const EXAMPLE_FUNNEL = new URL('../../funnel.example.yaml', import.meta.url);

export interface RunOptions {
  /** SMSFUNNEL_NOW for this run (the server's clock is set to it too) */
  now?: Date;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<CliResult>;
}

/** A deterministic PRNG (mulberry32): the same seed, the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Workspace {
  readonly root: string;
  readonly dataDir: string;
  readonly funnelFile: string;
  readonly envFile: string;
  /** every run's output, for the canary check */
  readonly outputs: { args: string[]; result: CliResult }[] = [];
  now: Date;

  private constructor(
    readonly server: TwilioServer,
    now: Date,
  ) {
    this.root = mkdtempSync(join(tmpdir(), 'smsfunnel-faults-'));
    this.dataDir = join(this.root, 'data');
    this.funnelFile = join(this.root, 'funnel.yaml');
    this.envFile = join(this.root, '.env');
    mkdirSync(this.dataDir, { recursive: true });
    copyFileSync(EXAMPLE_FUNNEL, this.funnelFile);
    copyFileSync('/dev/null', this.envFile);
    this.now = now;
    server.setNow(now);
  }

  static async start(now = new Date('2026-12-01T15:00:00Z')): Promise<Workspace> {
    const server = await startTwilioServer({
      accountSid: ACCOUNT_SID,
      authToken: CANARY_TOKEN,
      realism: testRealism(),
    });
    return new Workspace(server, now);
  }

  /** The environment cron would give the binary. */
  env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: CANARY_TOKEN,
      TWILIO_PHONE_NUMBER: OUR_NUMBER,
      TWILIO_API_BASE_URL: this.server.url,
      TWILIO_TIMEOUT: '5',
      SEND_RATE: '1000',
      SMSFUNNEL_DATA_DIR: this.dataDir,
      SMSFUNNEL_FUNNEL: this.funnelFile,
      SMSFUNNEL_LOCK_WAIT: '0',
      SMSFUNNEL_NOW: this.now.toISOString(),
      ...extra,
    };
  }

  setNow(now: Date): void {
    this.now = now;
    this.server.setNow(now);
  }

  async run(args: string[], options: RunOptions = {}): Promise<CliResult> {
    if (options.now !== undefined) this.setNow(options.now);
    const result = await runCli(args, {
      cwd: this.root,
      env: this.env(options.env),
      timeoutMs: options.timeoutMs ?? 60_000,
    });
    this.outputs.push({ args, result });
    return result;
  }

  /** Starts the binary and hands back the child, to kill it at a moment of the test's choosing. */
  start(args: string[], options: RunOptions = {}): Running {
    if (options.now !== undefined) this.setNow(options.now);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
    };
    for (const [k, v] of Object.entries(this.env(options.env))) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: this.root, env, stdio: 'pipe' });
    child.stdin?.end();
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const done = new Promise<CliResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const result = { code, stdout, stderr };
        this.outputs.push({ args, result });
        resolve(result);
      });
    });
    return { child, done };
  }

  /**
   * What the next cron tick, minutes after a `kill -9`, finds: the dead run's lock no longer
   * refreshed. Its folder's mtime is moved back instead of waiting out the stale period.
   */
  ageLock(): void {
    const lock = join(this.dataDir, '.smsfunnel.lock');
    try {
      const past = new Date(Date.now() - 120_000);
      utimesSync(lock, past, past);
    } catch {
      // no lock left: nothing to age
    }
  }

  path(name: string): string {
    return join(this.dataDir, name);
  }

  /** Loads both files with the real store (read-only): throws if either does not parse. */
  async load(): Promise<{ contacts: Contact[]; messages: MessageRow[] }> {
    const store = await openDataDir({ dir: this.dataDir, lockWaitSeconds: 0, readOnly: true });
    try {
      return { contacts: (await store.loadContacts()).rows, messages: await store.readMessages() };
    } finally {
      await store.close();
    }
  }

  /** sha256 of every file in the data dir (the lock folder aside), to prove nothing changed. */
  hashDataDir(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of readdirSync(this.dataDir).sort()) {
      const p = join(this.dataDir, name);
      if (!statSync(p).isFile()) continue;
      out[name] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
    return out;
  }

  /** Every output kept so far, and every file in the data dir, joined (for the canary check). */
  everything(): string {
    const parts = this.outputs.map((o) => `${o.result.stdout}\n${o.result.stderr}`);
    for (const name of readdirSync(this.dataDir)) {
      const p = join(this.dataDir, name);
      if (statSync(p).isFile()) parts.push(readFileSync(p, 'utf8'));
    }
    return parts.join('\n');
  }

  async close(): Promise<void> {
    await this.server.stop();
  }
}

/** Outbound texts the server holds, grouped by recipient and body: any count above 1 is a duplicate. */
export function duplicateTexts(server: TwilioServer): string[] {
  const seen = new Map<string, number>();
  for (const m of server.messages()) {
    if (m.direction === 'inbound') continue;
    const key = `${m.to} ${m.body}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}x ${k}`);
}

/** A US mobile-looking number in a given area code, distinct per index. */
export function usNumber(areaCode: string, index: number): string {
  const exchange = 200 + (Math.floor(index / 10_000) % 800);
  return `+1${areaCode}${exchange}${String(index % 10_000).padStart(4, '0')}`;
}

/** A contact export as an operator would have it: a header and one line per person. */
export function contactsCsv(phones: readonly string[], extra = ''): string {
  const lines = ['Phone,First Name,Last Name,City'];
  phones.forEach((p, i) => {
    lines.push(`${p},Pat${i},Lee${i},${extra}Town ${i % 50}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Resolves once `condition` holds, checking every millisecond or so (for kill moments). */
export async function until(condition: () => boolean, limitMs = 30_000): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}
