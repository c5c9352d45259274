/**
 * Atomic replace on one file system: write a temp file in the same folder, fsync it, rename it
 * over the target, fsync the folder (so the rename itself survives a power cut). After a kill -9
 * at any moment the target is either the old file or the new one, complete. Files are created
 * 0600: they hold people's phone numbers and messages.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;

/** Temp files are `.<target>.<pid>.<random>.tmp`, so a run holding the lock can sweep leftovers. */
const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes the chunks to `path` atomically. `chunks` may be a generator, so a million-row file is
 * written in pieces without being held in memory whole.
 */
export async function writeAtomic(
  path: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', FILE_MODE);
  let renamed = false;
  try {
    for await (const chunk of chunks) await writeAll(handle, chunk);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    renamed = true;
    await syncDir(dirname(path));
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
  }
}

/** One write, continued if the kernel takes only part of it (it rarely does for regular files). */
export async function writeAll(handle: FileHandle, chunk: string | Buffer): Promise<void> {
  const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

/** fsync of a folder makes a rename or a new file durable (POSIX); not supported everywhere, so best effort. */
export async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** Removes temp files a killed run left behind; call only while holding the data-dir lock. */
export async function sweepTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (TEMP_NAME.test(name)) await unlink(join(dir, name)).catch(() => undefined);
  }
}
