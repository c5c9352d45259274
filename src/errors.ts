/**
 * Typed failures. Every expected failure is a `SmsfunnelError` carrying a sysexits code and a
 * sentence for a person (what is wrong, where, what to do). Only `src/cli.ts` turns them into
 * output and a process status; nothing else calls `process.exit`.
 */

/** Exit codes from sysexits(3), as the design names them. */
export const ExitCode = {
  ok: 0,
  /** wrong command-line usage, or a command not available yet */
  usage: 64,
  /** bad data: a CSV or the funnel file */
  dataErr: 65,
  /** the input is not there: no data folder where the command looked */
  noInput: 66,
  /** Twilio or SMTP unreachable or refusing */
  unavailable: 69,
  /** another run holds the lock, or a file changed under us: try again later */
  tempFail: 75,
  /** configuration missing or wrong */
  config: 78,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class SmsfunnelError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** what the operator can do about it; printed on its own line */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SmsfunnelError';
  }
}

export class UsageError extends SmsfunnelError {
  constructor(message: string, hint?: string) {
    super(ExitCode.usage, message, hint);
  }
}

export class DataError extends SmsfunnelError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(ExitCode.dataErr, message, hint, options);
  }
}

export class ConfigError extends SmsfunnelError {
  constructor(
    readonly problems: readonly string[],
    hint = 'Set these in .env (see .env.example) or in the environment, then run again.',
  ) {
    super(
      ExitCode.config,
      `configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint,
    );
  }
}

export class UnavailableError extends SmsfunnelError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(ExitCode.unavailable, message, hint, options);
  }
}

export class TempFailError extends SmsfunnelError {
  constructor(message: string, hint?: string) {
    super(ExitCode.tempFail, message, hint);
  }
}
