import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BIN, runCli } from './helpers/cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'smsfunnel-cli-'));
const fileHere = join(cwd, 'some.env');
writeFileSync(fileHere, '# nothing\n');

describe('the binary, run as cron runs it', () => {
  test('a large --json read through a slow pipe arrives whole before the process exits', async () => {
    const labeled = fileURLToPath(new URL('./categorize/dev.csv', import.meta.url));
    const funnel = fileURLToPath(new URL('../funnel.example.yaml', import.meta.url));
    // a script that starts reading a moment late: a pipe holds 64 KB, the report is ~300 KB
    const line = `node ${BIN} categorize --test ${labeled} --funnel ${funnel} --json | (sleep 1; cat)`;
    const { stdout } = await promisify(execFile)('sh', ['-c', line], { cwd, maxBuffer: 10_000_000 });
    expect(stdout.length).toBeGreaterThan(200_000);
    expect(JSON.parse(stdout)).toMatchObject({ total: expect.any(Number), rows: expect.any(Array) });
  });

  test('--help lists every command and exits 0', async () => {
    const r = await runCli(['--help'], { cwd });
    expect(r.code).toBe(0);
    for (const name of [
      'import',
      'send',
      'poll-replies',
      'categorize',
      'summarize',
      'status',
      'check',
      'demo',
    ]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stdout).not.toContain('\u001b['); // no colour without a TTY
  });

  test.each(['import', 'send', 'poll-replies', 'categorize', 'summarize'])(
    '%s --help teaches: a description, an example and the shared options',
    async (name) => {
      const r = await runCli([name, '--help'], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ smsfunnel ${name}`);
      for (const option of ['--data-dir', '--funnel', '--env-file', '--dry-run', '--json', '--verbose']) {
        expect(r.stdout).toContain(option);
      }
    },
  );

  test('--version prints the version of package.json', async () => {
    const r = await runCli(['--version'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
        .version,
    );
  });

  test.each([
    ['status', '--dry-run'],
    ['check', '--dry-run'],
    ['demo', '--dry-run'],
    ['demo', '--funnel'],
    ['demo', '--env-file'],
  ])('%s does not offer %s, and refuses it (64)', async (name, option) => {
    const help = await runCli([name, '--help'], { cwd });
    expect(help.stdout).not.toContain(option);
    // an existing file: Node 20 itself reads `--env-file` anywhere on the line and exits 9 on a missing one
    const r = await runCli([name, option, ...(option === '--dry-run' ? [] : [fileHere])], { cwd });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(option);
  });

  test("demo --help names the demo's own default folder", async () => {
    const r = await runCli(['demo', '--help'], { cwd });
    expect(r.stdout).toContain('./demo-data');
    expect(r.stdout).not.toContain('SMSFUNNEL_DATA_DIR or ./data');
  });

  test('NO_COLOR turns colour off even on a terminal', async () => {
    const { Output } = await import('../src/adapters/output.js');
    const { default: chalk } = await import('chalk');
    chalk.level = 3; // as on a colour terminal
    const tty = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: true });
    const coloured = new Output({ json: false, verbose: false, stdout: tty, stderr: tty });
    const plain = new Output({ json: false, verbose: false, noColor: true, stdout: tty, stderr: tty });
    const { noColor } = await import('../src/config.js');
    expect(noColor({ NO_COLOR: '1' })).toBe(true);
    expect(noColor({ NO_COLOR: '' })).toBe(false);
    expect(noColor({})).toBe(false);
    expect(plain.color.level).toBe(0);
    expect(coloured.color.red('x')).not.toBe('x');
    expect(plain.color.red('x')).toBe('x');
  });

  test('an unknown command or option is a usage error (64)', async () => {
    expect((await runCli(['bogus'], { cwd })).code).toBe(64);
    const r = await runCli(['status', '--no-such-option'], { cwd });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--no-such-option');
  });

  test('no command prints the help and exits 64', async () => {
    const r = await runCli([], { cwd });
    expect(r.code).toBe(64);
    expect(r.stdout + r.stderr).toContain('Commands:');
  });
});

describe('start-up cost', () => {
  test('loading the CLI and printing help loads neither twilio nor nodemailer (60-260 ms each, every cron tick)', async () => {
    const script = [
      "import { createRequire } from 'node:module';",
      'const { buildProgram } = await import(process.argv[1]);',
      'const program = buildProgram(() => {}, { stdout: { write() {} }, stderr: { write() {} } });',
      "try { await program.parseAsync(['node', 'smsfunnel', 'send', '--help']); } catch {}",
      'const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /node_modules\\/(twilio|nodemailer|libphonenumber-js)\\//.test(p));',
      'console.log(JSON.stringify(loaded));',
    ].join('\n');
    const { spawnSync } = await import('node:child_process');
    const cli = new URL('../dist/src/cli.js', import.meta.url).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, cli], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
