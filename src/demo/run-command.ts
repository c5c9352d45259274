/**
 * Runs one real subcommand in the demo's process, as cron would run it in its own: the same
 * `run(ctx, args, opts)` the CLI calls, against the demo folder. Its own output is kept, not
 * printed (the demo tells the story instead), and shown only when the command fails.
 */
import { Writable } from 'node:stream';
import { Output } from '../adapters/output.js';
import type { CommandContext } from '../commands/context.js';
import { type ExitCode, SmsfunnelError } from '../errors.js';
import type { DemoEnvironment } from './env.js';
import type { DemoFolder } from './folder.js';

type Runner = (ctx: CommandContext, args: string[], opts: Record<string, unknown>) => Promise<number>;

const COMMANDS = {
  import: () => import('../commands/import.js'),
  send: () => import('../commands/send.js'),
  'poll-replies': () => import('../commands/poll-replies.js'),
  categorize: () => import('../commands/categorize.js'),
  summarize: () => import('../commands/summarize.js'),
} satisfies Record<string, () => Promise<{ run: Runner }>>;

export type DemoCommand = keyof typeof COMMANDS;

/** Runs `smsfunnel <name> [args]` on the demo folder; returns its result line. */
export async function runCommand(
  folder: DemoFolder,
  env: DemoEnvironment,
  name: DemoCommand,
  args: string[] = [],
  opts: Record<string, unknown> = {},
): Promise<string> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = new Output({ json: false, verbose: false, stdout: sink(stdout), stderr: sink(stderr) });
  const ctx: CommandContext = {
    options: {
      dataDir: folder.dir,
      funnel: folder.funnelFile,
      envFile: folder.envFile,
      dryRun: false,
      json: false,
      verbose: false,
    },
    out,
    env: env.snapshot(),
  };
  const { run } = await COMMANDS[name]();
  let code: number;
  try {
    code = await run(ctx, args, opts);
  } catch (error) {
    if (error instanceof SmsfunnelError) {
      throw new SmsfunnelError(
        error.exitCode,
        `the demo stopped: smsfunnel ${name} failed: ${error.message}`,
        error.hint,
        { cause: error },
      );
    }
    throw error;
  }
  if (code !== 0) {
    throw new SmsfunnelError(
      code as ExitCode,
      `the demo stopped: smsfunnel ${name} exited ${code}: ${stderr.join('').trim()}`,
    );
  }
  return stdout.join('').trim();
}

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
}
