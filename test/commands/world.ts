/**
 * A world for end-to-end tests of the commands: a temp folder with funnel.yaml (a copy of
 * funnel.example.yaml unless told otherwise), a data dir, and the project's Twilio-compatible
 * server on port 0. Commands run as the BUILT binary, as cron runs it (test/helpers/cli.ts): no
 * TTY, a clean environment with only the variables set here, no .env in the working directory.
 * The CLI's clock (SMSFUNNEL_NOW) and the server's clock (`setNow`) move together with `at`.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataDir } from '../../src/adapters/store/index.js';
import { CONTACT_COLUMNS, type Contact, contactRow, type MessageRow } from '../../src/core/model.js';
import type { StateFile } from '../../src/core/state-files.js';
import {
  type Realism,
  type StoredMessage,
  startTwilioServer,
  type TwilioServer,
} from '../../src/twilio-server/index.js';
import { BIN, type CliResult, runCli } from '../helpers/cli.js';

export const ACCOUNT_SID = `AC${'c3'.repeat(16)}`;
export const AUTH_TOKEN = 'world-secret-token-5f1e2d3c4b5a';
export const OUR_NUMBER = '+15005550006';
export const EXAMPLE_FUNNEL = fileURLToPath(new URL('../../funnel.example.yaml', import.meta.url));

/** 2026-12-01 17:00 UTC: 12:00 in New York, 09:00 in Los Angeles — inside quiet hours for both. */
export const T0 = '2026-12-01T17:00:00Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const example = readFileSync(EXAMPLE_FUNNEL, 'utf8');
/** The example funnel's texts, as a contact named `name` receives them. */
export const texts = {
  intro: (name: string) =>
    `Hi ${name}, it's Dana from Brightside Solar. Want a free quote for solar on your home? Reply YES for details, STOP to opt out.`,
  follow_up: (name: string) =>
    `Hi ${name}, just checking in: still interested in a free solar quote? Most homes save 20-40% on power. Reply YES and we'll set it up.`,
  last_try:
    "Last note from Dana at Brightside Solar: if a free solar quote ever makes sense, reply YES. Otherwise no worries, we won't text again.",
  interested:
    'Great! Book your free quote here: https://cal.example.com/dana - or tell us: is a morning or afternoon call better?',
  help: 'Brightside Solar: free solar quotes. Questions? Call (555) 010-0100. Reply STOP to opt out.',
};

export interface RunOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface World {
  root: string;
  dataDir: string;
  funnelFile: string;
  server: TwilioServer;
  /** the world's clock: the CLI's SMSFUNNEL_NOW and the server's clock */
  now: Date;
  at(time: string | Date): void;
  later(ms: number): void;
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  /** `smsfunnel <args> --data-dir … --funnel …` as cron runs it */
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  /** the same, but the child process itself, to kill it mid-run */
  spawn(args: string[], options?: RunOptions): ReturnType<typeof spawn>;
  seed(contacts: Partial<Contact>[], extraColumns?: string[]): Promise<void>;
  contacts(): Promise<Contact[]>;
  contact(id: string): Promise<Contact>;
  /** a run-state file, read through the registry (src/core/state-files.ts) as commands read it */
  state<T>(file: StateFile<T>): Promise<T>;
  /** writes a run-state file as a command would (checked against its shape) */
  writeState<T>(file: StateFile<T>, value: T): Promise<void>;
  messages(): Promise<MessageRow[]>;
  /** outbound messages the server holds, oldest first (to = a phone, when given) */
  outbound(to?: string): StoredMessage[];
  /** file name → bytes and mtime of everything in the data dir (to prove nothing was written) */
  snapshot(): Map<string, { bytes: string; mtimeMs: number }>;
  close(): Promise<void>;
}

export async function makeWorld(options: { funnel?: string; authToken?: string } = {}): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'smsfunnel-cmd-'));
  const dataDir = join(root, 'data');
  const funnelFile = join(root, 'funnel.yaml');
  if (options.funnel === undefined) copyFileSync(EXAMPLE_FUNNEL, funnelFile);
  else writeFileSync(funnelFile, options.funnel);
  const server = await startTwilioServer({
    realism: testRealism(),
    accountSid: ACCOUNT_SID,
    authToken: options.authToken ?? AUTH_TOKEN,
  });
  const world: World = {
    root,
    dataDir,
    funnelFile,
    server,
    now: new Date(T0),
    at(time) {
      world.now = new Date(time);
      server.setNow(world.now);
    },
    later(ms) {
      world.at(new Date(world.now.getTime() + ms));
    },
    env(extra = {}) {
      return {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_PHONE_NUMBER: OUR_NUMBER,
        TWILIO_API_BASE_URL: server.url,
        SEND_RATE: '1000',
        TWILIO_TIMEOUT: '10',
        SMSFUNNEL_NOW: world.now.toISOString(),
        SMSFUNNEL_LOCK_WAIT: '20',
        ...extra,
      };
    },
    run(args, runOptions = {}) {
      return runCli([...args, '--data-dir', dataDir, '--funnel', funnelFile], {
        cwd: root,
        env: world.env(runOptions.env),
        timeoutMs: runOptions.timeoutMs ?? 30_000,
      });
    },
    spawn(args, runOptions = {}) {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root };
      for (const [k, v] of Object.entries(world.env(runOptions.env))) if (v !== undefined) env[k] = v;
      return spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir, '--funnel', funnelFile], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
    async seed(contacts, extraColumns = []) {
      const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 5 });
      try {
        const loaded = await store.loadContacts();
        await store.saveContacts({
          ...loaded,
          headers: [...CONTACT_COLUMNS, ...extraColumns],
          rows: contacts.map((c) => contactRow(c)),
        });
      } finally {
        await store.close();
      }
    },
    async contacts() {
      const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 5, readOnly: true });
      return (await store.loadContacts()).rows;
    },
    async contact(id) {
      const found = (await world.contacts()).find((c) => c.id === id);
      if (found === undefined) throw new Error(`no contact ${id} in contacts.csv`);
      return found;
    },
    async state(file) {
      const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 5, readOnly: true });
      return store.readState(file);
    },
    async writeState(file, value) {
      const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 5 });
      try {
        await store.writeState(file, value);
      } finally {
        await store.close();
      }
    },
    async messages() {
      const store = await openDataDir({ dir: dataDir, lockWaitSeconds: 5, readOnly: true });
      return store.readMessages();
    },
    outbound(to) {
      return server
        .messages()
        .filter((m) => m.direction.startsWith('outbound') && (to === undefined || m.to === to));
    },
    snapshot() {
      const files = new Map<string, { bytes: string; mtimeMs: number }>();
      let names: string[] = [];
      try {
        names = readdirSync(dataDir);
      } catch {
        return files;
      }
      for (const name of names) {
        const path = join(dataDir, name);
        const st = statSync(path);
        if (st.isFile()) files.set(name, { bytes: readFileSync(path, 'latin1'), mtimeMs: st.mtimeMs });
      }
      return files;
    },
    async close() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  server.setNow(world.now);
  return world;
}

/** A contact enrolled at `start`, due at `due` (default T0), with a New York number unless given. */
export function enrolled(id: string, fields: Partial<Contact> = {}): Partial<Contact> {
  return {
    id,
    phone: `+1212555${id.padStart(4, '0')}`,
    first_name: `Name${id}`,
    state: 'start',
    next_action_at: T0,
    ...fields,
  };
}

/** Counts of (to, body) among the server's outbound messages: every text exactly once means all 1. */
export function duplicates(messages: readonly StoredMessage[]): string[] {
  const seen = new Map<string, number>();
  for (const m of messages) {
    const key = `${m.to} ${m.body}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}x ${k}`);
}

/** The one result line a cron run prints on stdout. */
export function resultLine(r: CliResult): string {
  return r.stdout.trim();
}

/**
 * TWILIO_REALISM (JSON, e.g. '{"listLagMs":3000}') runs the tests against a server in that realism
 * mode from the start (`npm run test:realism` goes through the modes).
 */
export function testRealism(): Realism {
  const raw = process.env.TWILIO_REALISM;
  return raw === undefined || raw.trim() === '' ? {} : (JSON.parse(raw) as Realism);
}
