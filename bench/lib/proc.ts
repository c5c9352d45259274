/**
 * Runs the built binary as cron does (a real process, a clean environment), timing it from the
 * outside and taking its peak resident memory from `/usr/bin/time` (GNU time's `%M`, kilobytes)
 * when that exists. The child is spawned asynchronously, so a Twilio server living in the
 * benchmark's own process keeps answering it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/smsfunnel.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = existsSync(GNU_TIME);

export interface ProcResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** wall time, ms */
  ms: number;
  /** peak RSS, KB (NaN when /usr/bin/time is missing) */
  maxRssKb: number;
  timedOut: boolean;
}

let serial = 0;

/** Runs `node <argv>` (e.g. [BIN, 'send'] or ['-e', '0']). */
export function runNode(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<ProcResult> {
  const rssFile = join(tmpdir(), `smsfunnel-bench-rss-${process.pid}-${serial++}`);
  const [command, args] = HAS_GNU_TIME
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...argv]]
    : [process.execPath, [...argv]];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? tmpdir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) killTree(child.pid);
          }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      if (timer !== undefined) clearTimeout(timer);
      let maxRssKb = Number.NaN;
      if (HAS_GNU_TIME) {
        try {
          const text = readFileSync(rssFile, 'utf8').trim().split('\n');
          maxRssKb = Number(text[text.length - 1]);
        } catch {
          // killed before time wrote it
        }
        rmSync(rssFile, { force: true });
      }
      // GNU time exits with the child's status, or reports a signal in its output.
      resolve({ code, stdout, stderr, ms: elapsed, maxRssKb, timedOut });
    });
  });
}

/** Runs one smsfunnel command; throws with its output when it fails (a benchmark of an error is no benchmark). */
export async function smsfunnel(
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number; allowTimeout?: boolean } = {},
): Promise<ProcResult> {
  const result = await runNode([BIN, ...args], { env, ...options });
  if (result.timedOut && options.allowTimeout === true) return result;
  if (result.code !== 0) {
    throw new Error(
      `smsfunnel ${args.join(' ')} exited ${result.code}${result.timedOut ? ' (killed: timeout)' : ''}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** Kills a process this benchmark started and every descendant, by pid (found through /proc). */
function killTree(pid: number): void {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const walk = (p: number) => {
    tree.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  for (const p of tree.reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already exited
    }
  }
}
