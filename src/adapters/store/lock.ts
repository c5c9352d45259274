/**
 * One lock per data dir, so two runs (cron and an operator, or two overlapping cron ticks)
 * never interleave. proper-lockfile makes the lock a folder (mkdir is atomic) and refreshes its
 * mtime while the run lives; a lock whose holder died (kill -9, power cut) stops being refreshed
 * and is taken over once it is older than the stale period.
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ConfigError, TempFailError } from '../../errors.js';

export const LOCK_NAME = '.smsfunnel.lock';
const POLL_MS = 200;

export interface HeldLock {
  /** set when the lock could not be refreshed in time: another run may have taken it over */
  compromised: Error | undefined;
  release(): Promise<void>;
}

export async function acquireLock(dir: string, waitSeconds: number, staleSeconds: number): Promise<HeldLock> {
  const lockfilePath = join(dir, LOCK_NAME);
  const stale = Math.max(2, staleSeconds) * 1000; // proper-lockfile's floor is 2 s
  const deadline = Date.now() + waitSeconds * 1000;
  const held: HeldLock = { compromised: undefined, release: async () => undefined };
  for (;;) {
    try {
      const release = await lockfile.lock(dir, {
        lockfilePath,
        stale,
        update: stale / 2,
        realpath: false,
        // The default throws from a timer and kills the process; writes check this flag instead.
        onCompromised: (error) => {
          held.compromised = error;
        },
      });
      let released = false;
      held.release = async () => {
        if (released) return;
        released = true;
        await release().catch(() => undefined); // already gone (compromised): nothing to free
      };
      return held;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED') {
        throw new ConfigError(
          [`data dir ${dir}: cannot create its lock ${lockfilePath} (${code ?? (error as Error).message})`],
          'Check that the folder (SMSFUNNEL_DATA_DIR or --data-dir) is writable by this user, then run again.',
        );
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new TempFailError(
          `another smsfunnel run is using the data dir ${dir} (lock ${lockfilePath}); waited ${waitSeconds} s. Nothing was changed.`,
          `Try again later (cron will on its next tick). If no other run is going, the lock is taken over by itself ${stale / 1000} s after its holder stopped.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
    }
  }
}
