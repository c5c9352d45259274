/** The machine and software a run measured, for the head of bench/results.md. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

function packageVersion(name: string): string {
  try {
    const path = fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The commit measured, and whether the working tree had changes (read-only git commands). */
function revision(): string {
  try {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      encoding: 'utf8',
    });
    return dirty.trim() === '' ? head : `${head} + uncommitted changes`;
  } catch {
    return 'unknown';
  }
}

export function machineLines(): string[] {
  const cpu = cpus();
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    `- memory: ${gb(totalmem())} (${gb(freemem())} free at start)`,
    `- Node ${process.version} on ${process.platform} ${process.arch}`,
    `- twilio ${packageVersion('twilio')}, xstate ${packageVersion('xstate')}, fast-csv ${packageVersion('fast-csv')}`,
    `- smsfunnel at ${revision()}`,
  ];
}
