/**
 * The one test world for end-to-end tests of the commands: a temp folder with a funnel file (a
 * copy of funnel.example.yaml unless told otherwise) and a data dir, the project's
 * Twilio-compatible server on port 0, and the commands run as cron runs them: the BUILT binary in a
 * process of its own (test/helpers/cli.ts), no TTY, a clean environment with only the variables set
 * here. `runs: 'in-process'` runs the same `main` in the test's own process instead (start-up,
 * bin/ and `process.exit` are then not what is tested: test/helpers/in-process.ts).
 * The CLI's clock (SMSFUNNEL_NOW) and the server's clock move together with `at` and `later`.
 * Every output of every run is kept, so a test can check that the canary token never leaked.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDir } from '../../src/adapters/store/index.js';
import { CONTACT_COLUMNS, type Contact, contactRow, type MessageRow } from '../../src/core/model.js';
import type { StateFile } from '../../src/core/state-files.js';
import { type StoredMessage, startTwilioServer, type TwilioServer } from '../../src/twilio-server/index.js';
import { type CliResult, type Running, runCli, startCli } from './cli.js';
import { runInProcess } from './in-process.js';
import { ACCOUNT_SID, AUTH_TOKEN, EXAMPLE_FUNNEL, OUR_NUMBER, T0, testRealism } from './world-data.js';

export type { CliResult, Running } from './cli.js';
export * from './world-data.js';

export interface WorldOptions {
  /** the funnel file's text (default: funnel.example.yaml) */
  funnel?: string;
  /** the token the server wants (default: AUTH_TOKEN, which the commands are given) */
  authToken?: string;
  /** where the world's clock starts (default: T0) */
  now?: Date | string;
  /**
   * How commands find the folder: `flags` (default) appends `--data-dir` and `--funnel` to every
   * run; `env` sets SMSFUNNEL_DATA_DIR and SMSFUNNEL_FUNNEL, as a crontab would, and makes the data
   * dir and an empty `.env` up front (`envFile`).
   */
  locate?: 'flags' | 'env';
  /** settings every run gets, over the defaults (e.g. SMSFUNNEL_LOCK_WAIT, TWILIO_TIMEOUT) */
  env?: Record<string, string | undefined>;
  /** `binary` (default): bin/smsfunnel.js in a child process; `in-process`: the same `main` here */
  runs?: 'binary' | 'in-process';
  /** a run still going after this long is killed (default 30 s) */
  timeoutMs?: number;
}

export interface RunOptions {
  /** the world's clock moves here first */
  now?: Date | string;
  /** this run only: the binary or in-process (default: the world's `runs`) */
  runs?: 'binary' | 'in-process';
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface World {
  root: string;
  dataDir: string;
  funnelFile: string;
  /** `<root>/.env` (made empty with `locate: 'env'`) */
  envFile: string;
  server: TwilioServer;
  /** the world's clock: the CLI's SMSFUNNEL_NOW and the server's clock */
  now: Date;
  at(time: string | Date): void;
  later(ms: number): void;
  /** the environment cron would give the binary */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  /** `smsfunnel <args>` as cron runs it */
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  /** the binary in a child process, to kill it at a moment of the test's choosing */
  start(args: string[], options?: RunOptions): Running;
  /** every run's output, for the canary check */
  outputs: { args: string[]; result: CliResult }[];
  seed(contacts: Partial<Contact>[], extraColumns?: string[]): Promise<void>;
  contacts(): Promise<Contact[]>;
  contact(id: string): Promise<Contact>;
  /** a run-state file, read through the registry (src/core/state-files.ts) as commands read it */
  state<T>(file: StateFile<T>): Promise<T>;
  /** writes a run-state file as a command would (checked against its shape) */
  writeState<T>(file: StateFile<T>, value: T): Promise<void>;
  messages(): Promise<MessageRow[]>;
  /** both files loaded with the real store (read-only): throws if either does not parse */
  load(): Promise<{ contacts: Contact[]; messages: MessageRow[] }>;
  /** outbound messages the server holds, oldest first (to = a phone, when given) */
  outbound(to?: string): StoredMessage[];
  /** a file in the data dir */
  path(name: string): string;
  /** file name → bytes and mtime of everything in the data dir (to prove nothing was written) */
  snapshot(): Map<string, { bytes: string; mtimeMs: number }>;
  /** sha256 of every file in the data dir, the lock folder aside (to prove no byte changed) */
  hashDataDir(): Record<string, string>;
  /** every output kept so far and every file in the data dir, joined (for the canary check) */
  everything(): string;
  /**
   * What the next cron tick, minutes after a `kill -9`, finds: the dead run's lock no longer
   * refreshed (stale after 10 s). Its folder's mtime is moved back instead of waiting.
   */
  ageLock(): void;
  close(): Promise<void>;
}

export async function makeWorld(options: WorldOptions = {}): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'smsfunnel-world-'));
  const dataDir = join(root, 'data');
  const funnelFile = join(root, 'funnel.yaml');
  const envFile = join(root, '.env');
  const byEnv = options.locate === 'env';
  if (options.funnel === undefined) copyFileSync(EXAMPLE_FUNNEL, funnelFile);
  else writeFileSync(funnelFile, options.funnel);
  if (byEnv) {
    mkdirSync(dataDir);
    writeFileSync(envFile, '');
  }
  const server = await startTwilioServer({
    realism: testRealism(),
    accountSid: ACCOUNT_SID,
    authToken: options.authToken ?? AUTH_TOKEN,
  });
  const located = (args: string[]) =>
    byEnv ? args : [...args, '--data-dir', dataDir, '--funnel', funnelFile];
  const store = (readOnly: boolean) => openDataDir({ dir: dataDir, lockWaitSeconds: 5, readOnly });
  const dataFiles = () => {
    try {
      return readdirSync(dataDir)
        .sort()
        .filter((name) => statSync(join(dataDir, name)).isFile());
    } catch {
      return [];
    }
  };

  const world: World = {
    root,
    dataDir,
    funnelFile,
    envFile,
    server,
    now: new Date(options.now ?? T0),
    outputs: [],
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
        ...(byEnv ? { SMSFUNNEL_DATA_DIR: dataDir, SMSFUNNEL_FUNNEL: funnelFile } : {}),
        ...options.env,
        ...extra,
      };
    },
    async run(args, runOptions = {}) {
      if (runOptions.now !== undefined) world.at(runOptions.now);
      const how = {
        cwd: root,
        env: world.env(runOptions.env),
        timeoutMs: runOptions.timeoutMs ?? options.timeoutMs ?? 30_000,
      };
      const inProcess = (runOptions.runs ?? options.runs) === 'in-process';
      const result = await (inProcess ? runInProcess : runCli)(located(args), how);
      world.outputs.push({ args, result });
      return result;
    },
    start(args, runOptions = {}) {
      if (runOptions.now !== undefined) world.at(runOptions.now);
      const running = startCli(located(args), { cwd: root, env: world.env(runOptions.env) });
      running.done.then(
        (result) => world.outputs.push({ args, result }),
        () => {}, // the test awaiting `done` sees the failure
      );
      return running;
    },
    async seed(contacts, extraColumns = []) {
      const s = await store(false);
      try {
        const loaded = await s.loadContacts();
        await s.saveContacts({
          ...loaded,
          headers: [...CONTACT_COLUMNS, ...extraColumns],
          rows: contacts.map((c) => contactRow(c)),
        });
      } finally {
        await s.close();
      }
    },
    async contacts() {
      return (await world.load()).contacts;
    },
    async contact(id) {
      const found = (await world.contacts()).find((c) => c.id === id);
      if (found === undefined) throw new Error(`no contact ${id} in contacts.csv`);
      return found;
    },
    async state(file) {
      const s = await store(true);
      try {
        return await s.readState(file);
      } finally {
        await s.close();
      }
    },
    async writeState(file, value) {
      const s = await store(false);
      try {
        await s.writeState(file, value);
      } finally {
        await s.close();
      }
    },
    async messages() {
      return (await world.load()).messages;
    },
    async load() {
      const s = await store(true);
      try {
        return { contacts: (await s.loadContacts()).rows, messages: await s.readMessages() };
      } finally {
        await s.close();
      }
    },
    outbound(to) {
      return server
        .messages()
        .filter((m) => m.direction.startsWith('outbound') && (to === undefined || m.to === to));
    },
    path: (name) => join(dataDir, name),
    snapshot() {
      const files = new Map<string, { bytes: string; mtimeMs: number }>();
      for (const name of dataFiles()) {
        const path = join(dataDir, name);
        files.set(name, { bytes: readFileSync(path, 'latin1'), mtimeMs: statSync(path).mtimeMs });
      }
      return files;
    },
    hashDataDir() {
      const out: Record<string, string> = {};
      for (const name of dataFiles())
        out[name] = createHash('sha256')
          .update(readFileSync(join(dataDir, name)))
          .digest('hex');
      return out;
    },
    everything() {
      const parts = world.outputs.map((o) => `${o.result.stdout}\n${o.result.stderr}`);
      for (const name of dataFiles()) parts.push(readFileSync(join(dataDir, name), 'utf8'));
      return parts.join('\n');
    },
    ageLock() {
      try {
        const past = new Date(Date.now() - 120_000);
        utimesSync(join(dataDir, '.smsfunnel.lock'), past, past);
      } catch {
        // no lock left: nothing to age
      }
    },
    async close() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  server.setNow(world.now);
  return world;
}

/**
 * The world the fault and simulation tests use: the folder found through the environment (with
 * an empty `.env`), a run that finds the lock taken gives up at once (exit 75), and Twilio calls
 * time out after 5 s.
 */
export function faultWorld(now: Date | string, options: WorldOptions = {}): Promise<World> {
  return makeWorld({
    now,
    locate: 'env',
    timeoutMs: 60_000,
    ...options,
    env: { TWILIO_TIMEOUT: '5', SMSFUNNEL_LOCK_WAIT: '0', ...options.env },
  });
}
