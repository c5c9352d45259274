/** Temp data dirs for the store tests, and a look at a file's permission bits. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh folder; `data` inside it does not exist yet (the store creates it). */
export function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'smsfunnel-store-'));
  made.push(root);
  return root;
}

export function tempDataDir(): string {
  return join(tempRoot(), 'data');
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});
