/**
 * Runs `smsfunnel <args>` in the test's own process: the same `runMain` bin/smsfunnel.js calls
 * (commander, the command, the one place errors become output and an exit code), with the given
 * environment instead of the process's and the given working directory, its output collected.
 * It skips what only a process of its own shows — Node's start-up, bin/, `process.exit`, a handle
 * left open that keeps the process alive — so promises about those are tested through the binary
 * (test/helpers/cli.ts); this saves the start-up (a third to a half second of CPU) of every run.
 */
import { Writable } from 'node:stream';
import type { CliResult } from './cli.js';

/** Runs in flight and the folder they run in: `process.chdir` is process-wide. */
let inFlight = 0;
let inFlightCwd: string | undefined;

export async function runInProcess(
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<CliResult> {
  if (inFlight > 0 && inFlightCwd !== options.cwd)
    throw new Error(`in-process runs in two folders at once (${inFlightCwd}, ${options.cwd})`);
  const { runMain } = await import('../../src/cli.js');
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...options.env,
  };
  const stdout = collector();
  const stderr = collector();
  const before = process.cwd();
  inFlight++;
  inFlightCwd = options.cwd;
  process.chdir(options.cwd);
  try {
    const code = await runMain(['node', 'smsfunnel', ...args], { stdout, stderr, env });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    if (--inFlight === 0) {
      inFlightCwd = undefined;
      process.chdir(before);
    }
  }
}

function collector(): Writable & { text(): string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return Object.assign(sink, { text: () => chunks.join('') });
}
