/**
 * The command line: registers every subcommand with commander, loads each command's module
 * only when it runs (twilio and nodemailer cost 60-260 ms to import, on every cron tick), and is
 * the one place that turns errors into output and an exit status. The commands themselves and
 * their help texts are the table in command-table.ts.
 */
import { Command, CommanderError } from 'commander';
import type { Output } from './adapters/output.js';
import { COMMANDS, sharedOptions } from './command-table.js';
import type { CommonOptions } from './commands/context.js';
import { ExitCode, SmsfunnelError } from './errors.js';
import { packageVersion } from './version.js';

/** Where a run's output goes and which environment configures it; the process's own by default. */
export interface RunIo {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** the environment to configure from instead of `process.env` (a test running commands in its own process) */
  env?: Readonly<Record<string, string | undefined>>;
}

export function buildProgram(onRun: (code: number) => void, io: RunIo = {}): Command {
  const { env, ...output } = io;
  const program = new Command('smsfunnel')
    .description('Run an SMS funnel over Twilio for contacts kept in CSV files.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => (output.stdout ?? process.stdout).write(s),
      writeErr: (s) => (output.stderr ?? process.stderr).write(s),
    })
    .exitOverride()
    .addHelpText(
      'after',
      '\nRun from cron: { smsfunnel poll-replies && smsfunnel categorize && smsfunnel send; } >> log/smsfunnel.log 2>&1  (see crontab.example) Exit codes: 0 done, 64 usage, 65 bad data, 69 Twilio/SMTP unavailable, 75 busy (try later), 78 config.',
    );

  for (const spec of COMMANDS) {
    const cmd = program
      .command(spec.args === undefined ? spec.name : `${spec.name} ${spec.args}`)
      .summary(spec.summary)
      .description(spec.description)
      .exitOverride()
      .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`);
    for (const option of [...(spec.options ?? []), ...sharedOptions(spec)]) cmd.addOption(option);
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const opts = command.opts<Record<string, unknown>>();
      const common: CommonOptions = {
        dataDir: opts.dataDir as string | undefined,
        funnel: opts.funnel as string | undefined,
        envFile: opts.envFile as string | undefined,
        dryRun: opts.dryRun === true,
        json: opts.json === true,
        verbose: opts.verbose === true,
      };
      // Loaded here, not at the top: `--help` needs neither the output module nor chalk.
      const [{ Output }, { noColor }] = await Promise.all([
        import('./adapters/output.js'),
        import('./config.js'),
      ]);
      const out = new Output({
        json: common.json,
        verbose: common.verbose,
        quiet: opts.quiet === true,
        noColor: noColor(env),
        ...output,
      });
      try {
        const { run } = await spec.load();
        onRun(await run({ options: common, out, ...(env === undefined ? {} : { env }) }, command.args, opts));
      } catch (error) {
        onRun(report(error, out, common.verbose));
      }
    });
  }
  return program;
}

/** Turns an error into one clear message on stderr and its exit code. */
export function report(error: unknown, out: Output, verbose: boolean): number {
  if (error instanceof SmsfunnelError) {
    out.error(error.message);
    if (error.hint !== undefined) out.hint(error.hint);
    if (verbose && error.cause instanceof Error && error.cause.stack) out.error(error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  out.error(`unexpected failure: ${message}`);
  if (verbose && error instanceof Error && error.stack) out.error(error.stack);
  else out.hint('Run again with --verbose for details, and report it if it persists.');
  return 70; // EX_SOFTWARE: a bug, not the operator's doing
}

export async function main(argv: string[], io: RunIo = {}): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram((c) => {
    code = c;
  }, io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? ExitCode.ok
        : ExitCode.usage;
    }
    throw error;
  }
  return code;
}

/** `main`, and a failure it could not report itself as one line and exit 70 (a bug). */
export function runMain(argv: string[], io: RunIo = {}): Promise<number> {
  return main(argv, io).catch((error: unknown) => {
    (io.stderr ?? process.stderr).write(
      `error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 70;
  });
}

/** The one exit point, called by bin/smsfunnel.js. */
export function start(): void {
  void runMain(process.argv).then((code) => exitWhenWritten(code));
}

/**
 * `process.exit` drops what a pipe has not taken yet (a `--json` of a few hundred KB read by a
 * script was cut at 128 KB): exit only once stdout and stderr have handed everything over. A
 * write's callback runs after every earlier write to that stream has been flushed.
 */
function exitWhenWritten(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
