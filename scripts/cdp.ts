/**
 * Headless Chromium driven over the Chrome DevTools Protocol on a pipe (`--remote-debugging-pipe`:
 * JSON messages ended by a NUL byte, commands on fd 3, answers on fd 4; see
 * https://chromedevtools.github.io/devtools-protocol/), so no driver package is needed. Used by
 * scripts/screenshot-summary.ts for what the command line cannot do: a window narrower than
 * headless Chromium's 500 px minimum, and reading the page's layout.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface Page {
  /** one DevTools command on the page's session; rejects with the protocol's error message */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** resolves at the next event of that name */
  once(method: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPage(binary: string, profileDir: string): Promise<Page> {
  const child = spawn(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--remote-debugging-pipe',
      `--user-data-dir=${profileDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stdio[2]?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, (() => void)[]>();
  let buffer = '';
  let nextId = 0;
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as {
        id?: number;
        method?: string;
        result?: unknown;
        error?: { message: string };
      };
      buffer = buffer.slice(end + 1);
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (waiting !== undefined) {
        pending.delete(message.id as number);
        if (message.error !== undefined) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message.result);
      } else if (message.method !== undefined) {
        for (const l of listeners.get(message.method) ?? []) l();
        listeners.delete(message.method);
      }
    }
  });
  const failed = new Promise<never>((_, reject) => {
    child.on('error', (e) => reject(new Error(`cannot start ${binary}: ${e.message}`)));
    child.on('exit', (code) =>
      reject(new Error(`${binary} stopped (exit ${code}): ${stderr.join('').trim().slice(-500)}`)),
    );
  });
  failed.catch(() => {});
  const raw = <T>(method: string, params: Record<string, unknown>, sessionId?: string): Promise<T> => {
    nextId += 1;
    const id = nextId;
    const answer = new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    input.write(
      `${JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) })}\0`,
    );
    return Promise.race([answer, failed]);
  };
  const { targetId } = await raw<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await raw<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  return {
    send: (method, params = {}) => raw(method, params, sessionId),
    once: (method) =>
      new Promise<void>((resolve) => listeners.set(method, [...(listeners.get(method) ?? []), resolve])),
    close: async () => {
      // wait for the browser to be gone, so its profile folder can be removed
      const exited = new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
      );
      await raw('Browser.close', {}).catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
