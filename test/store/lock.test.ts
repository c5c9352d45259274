import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { openDataDir } from '../../src/adapters/store/index.js';
import { TempFailError } from '../../src/errors.js';
import { tempDataDir } from './helpers.js';

const HOLDER = fileURLToPath(new URL('./hold-lock.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts a real process that takes the data-dir lock; resolves once it holds it. */
async function holdLock(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
  return child;
}

test('another process holding the lock: exit 75 after the wait; once it is killed, the stale lock is taken over', async () => {
  const dir = tempDataDir();
  const holder = await holdLock(dir);

  const started = Date.now();
  const error = await openDataDir({ dir, lockWaitSeconds: 1, staleSeconds: 2 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const waited = Date.now() - started;
  expect(error).toBeInstanceOf(TempFailError);
  expect((error as TempFailError).exitCode).toBe(75);
  expect((error as TempFailError).message).toMatch(/another smsfunnel run is using the data dir/);
  expect((error as TempFailError).hint).toMatch(/Try again later/);
  expect(waited).toBeGreaterThanOrEqual(900);
  expect(waited).toBeLessThan(4000); // the holder refreshes its lock, so it is never seen as stale

  holder.kill('SIGKILL');
  await once(holder, 'exit');
  const data = await openDataDir({ dir, lockWaitSeconds: 8, staleSeconds: 2 });
  await data.saveContacts(await data.loadContacts());
  await data.close();
});

test('in one process too, a second open waits and gives 75; after close the dir opens at once', async () => {
  const dir = tempDataDir();
  const first = await openDataDir({ dir, lockWaitSeconds: 0 });
  await expect(openDataDir({ dir, lockWaitSeconds: 0.3 })).rejects.toMatchObject({ exitCode: 75 });
  await first.close();
  await first.close(); // twice is safe
  const second = await openDataDir({ dir, lockWaitSeconds: 0 });
  await second.close();
});
