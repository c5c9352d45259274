/**
 * The cron lines of crontab.example and the README, run as cron runs them: `/bin/sh -c` with a
 * bare environment, from the home directory, with `npx smsfunnel` standing for the built binary.
 * Every command's output must reach the log (issue #17: only `send`'s did), a missing log/ must
 * not stop the tick, and the --quiet line prints nothing on success (cron would mail nothing).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { enrolled, makeWorld, OUR_NUMBER, type World } from '../helpers/world.js';

const crontab = readFileSync(new URL('../../crontab.example', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The command part of a cron line (after the five time fields), '#' of a commented line removed. */
function command(line: string): string {
  return line.replace(/^#\s*/, '').split(/\s+/).slice(5).join(' ');
}
const tickLines = crontab.split('\n').filter((l) => /^#?\s*\*\/5 /.test(l));

let world: World;
afterEach(async () => {
  await world?.close();
});

function runLine(
  cmd: string,
  home: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const bin = join(world.root, 'bin');
  mkdirSync(bin, { recursive: true });
  const npx = join(bin, 'npx');
  // `npx smsfunnel …` as an installed project runs it
  writeFileSync(npx, `#!/bin/sh\n[ "$1" = smsfunnel ] && shift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(npx, 0o755);
  writeFileSync(
    join(world.root, '.env'),
    Object.entries(world.env())
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  return sh(cmd, home, bin);
}

/** /bin/sh -c, asynchronously: the local Twilio server answers from this same process. */
function sh(
  cmd: string,
  home: string,
  bin: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('/bin/sh', ['-c', cmd], {
    cwd: home,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home, SMSFUNNEL_HOME: world.root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('the cron line', () => {
  test('the README gives the same tick line as crontab.example', () => {
    const line = tickLines.find((l) => !l.startsWith('#'));
    expect(line).toBeDefined();
    expect(readme).toContain(command(line ?? '').replace('$SMSFUNNEL_HOME', '/srv/smsfunnel'));
  });

  test('logs all three commands, makes log/ when missing, and cron gets nothing to mail', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1')]);
    world.server.injectInbound({ from: '+16465550100', to: OUR_NUMBER, body: 'hi', at: world.now });
    expect(existsSync(join(world.root, 'log'))).toBe(false);
    const r = await runLine(command(tickLines.find((l) => !l.startsWith('#')) ?? ''), world.dataDir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    const log = readFileSync(join(world.root, 'log', 'smsfunnel.log'), 'utf8')
      .trim()
      .split('\n');
    expect(log).toEqual([
      expect.stringMatching(/^recorded 1 repl/), // poll-replies
      expect.stringMatching(/categori/), // categorize
      'sent 1, skipped 0, failed 0', // send
    ]);
    expect(world.outbound()).toHaveLength(1);
  });

  test('the --quiet line prints nothing on success, and the error when there is one', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1')]);
    const quiet = tickLines.find((l) => l.startsWith('#')) ?? '';
    expect(quiet).toContain('--quiet');
    const ok = await runLine(command(quiet), world.dataDir);
    expect({ status: ok.status, stdout: ok.stdout, stderr: ok.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    expect(world.outbound()).toHaveLength(1);
    writeFileSync(join(world.root, '.env'), 'TWILIO_ACCOUNT_SID=nonsense\n');
    const bad = await sh(command(quiet), world.dataDir, join(world.root, 'bin'));
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain('TWILIO_ACCOUNT_SID');
    expect(bad.stderr).toContain('tick stopped at poll-replies');
  });

  test('a tick stops at the first command that fails: nothing is sent while replies cannot be read', async () => {
    world = await makeWorld();
    await world.seed([enrolled('1')]);
    world.server.faults({ failNext: { status: 503, count: 1000 } });
    const r = await world.run(['tick'], { env: { TWILIO_RETRY_FOR: '1' } });
    expect(r.code).toBe(69);
    expect(r.stderr).toContain('tick stopped at poll-replies');
    world.server.faults({ clear: true });
    expect(world.outbound()).toHaveLength(0);
    const ok = await world.run(['tick']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('sent 1, skipped 0, failed 0');
  });
});
