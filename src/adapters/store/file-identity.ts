/**
 * Knowing a file again: by its fingerprint (size, modification time, inode: quick, for caches tied
 * to contacts.csv) or by its identity (size and content hash: sure, for refusing to overwrite an
 * edit made since a load).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Fingerprint } from '../../core/state-files.js';
import type { FileIdentity } from './csv-read.js';

export type { Fingerprint };

/** The same file by size, mtime (within 2 ms: tools that copy a file's time, utimes or cp -p, keep it only to about a ms) and inode. */
export function sameFile(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.size === b.size &&
    Math.abs(a.mtimeMs - b.mtimeMs) < 2 &&
    (a.ino === undefined || b.ino === undefined || a.ino === b.ino)
  );
}

/** Size, modification time and inode: an edit by anyone changes at least one of them. */
export async function fingerprint(path: string): Promise<Fingerprint | undefined> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return undefined;
  }
}

/** Size and content hash of a file as it is now; null when it does not exist. */
export async function identify(path: string): Promise<FileIdentity | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { size, mtimeMs: 0, hash: hash.digest('hex') };
}
