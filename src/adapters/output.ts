/**
 * What a command prints. Cron mails whatever a job prints, so on a non-TTY the tool is quiet:
 * one result line on stdout, problems on stderr, progress and chatter only on a terminal or with
 * --verbose. Colour only on a TTY, never when NO_COLOR is set (https://no-color.org: chalk reads
 * FORCE_COLOR but not NO_COLOR, so the CLI passes it in).
 * Every line passes through `redact`, so a secret that slipped into a message is never printed.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';

export interface OutputOptions {
  json: boolean;
  verbose: boolean;
  /** --quiet: no result line on success (cron mails only what goes wrong) */
  quiet?: boolean;
  /** NO_COLOR was set: no colour even on a terminal */
  noColor?: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

export class Output {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly quiet: boolean;
  readonly isTTY: boolean;
  readonly color: ChalkInstance;
  private readonly stdout: NodeJS.WritableStream;
  private readonly stderr: NodeJS.WritableStream;
  private secrets: string[] = [];

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.verbose = options.verbose;
    this.quiet = options.quiet === true;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.isTTY = (options.stdout ?? process.stdout).isTTY === true;
    this.color = new Chalk({ level: this.isTTY && options.noColor !== true ? chalk.level : 0 });
  }

  /** Values that must never be printed (auth token, SMTP password). */
  addSecrets(values: readonly string[]): void {
    this.secrets.push(...values.filter((v) => v.length >= 4));
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }

  /**
   * The command's one-line result (stdout). Suppressed under --json, which prints its object
   * instead, and under --quiet: warnings and errors still go to stderr.
   */
  result(line: string): void {
    if (!this.json && !this.quiet) this.write(this.stdout, line);
  }

  /** Structured result for scripts (--json). */
  data(value: unknown): void {
    if (this.json) this.write(this.stdout, JSON.stringify(value, null, 2));
  }

  /** Plain text a person asked for (a plan, a table, an explanation): printed on stdout unless --json. */
  print(text: string): void {
    if (!this.json) this.write(this.stdout, text);
  }

  /** Chatter about progress: only on a terminal or with --verbose. */
  info(line: string): void {
    if (this.isTTY || this.verbose) this.write(this.stderr, this.color.dim(line));
  }

  warn(line: string): void {
    this.write(this.stderr, `${this.color.yellow('warning:')} ${line}`);
  }

  error(line: string): void {
    this.write(this.stderr, `${this.color.red('error:')} ${line}`);
  }

  /** What the operator can do about the error just printed. */
  hint(line: string): void {
    this.write(this.stderr, `${this.color.cyan('hint:')} ${line}`);
  }

  /** The stream a progress bar may draw on, or undefined when there is no terminal (cron). */
  progressStream(): NodeJS.WritableStream | undefined {
    return (this.stderr as { isTTY?: boolean }).isTTY === true && !this.json ? this.stderr : undefined;
  }

  private write(stream: NodeJS.WritableStream, text: string): void {
    stream.write(`${this.redact(text)}\n`);
  }
}
