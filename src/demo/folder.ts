/**
 * The demo's own folder: a fresh data directory with the example funnel, and the package's files
 * it starts from. A folder is emptied only when the demo made it (a marker file says so), so a
 * typo in `--data-dir` can never wipe someone's real contacts.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';

export const MARKER = '.smsfunnel-demo';

/** The package's own root (where package.json is): works from src/ (tests) and dist/src/ (the binary). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'funnel.example.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error('smsfunnel demo: cannot find the package folder with funnel.example.yaml');
    dir = up;
  }
}

export interface DemoFolder {
  dir: string;
  funnelFile: string;
  contactsExport: string;
  envFile: string;
}

/**
 * Makes `dir` a fresh demo folder: created when missing, used when empty, emptied when a previous
 * demo made it; anything else is refused (exit 64) and left untouched.
 */
export async function prepareFolder(path: string): Promise<DemoFolder> {
  const dir = resolve(path);
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory())
    throw new UsageError(`${path} is a file, not a folder`, 'Give the demo a folder with --data-dir.');
  if (info !== undefined) {
    const entries = await readdir(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new UsageError(
        `${path} is not empty and was not made by smsfunnel demo; the demo leaves it alone`,
        'Give the demo a new or empty folder: smsfunnel demo --data-dir <folder>',
      );
    }
    // a previous demo's folder: start clean
    await Promise.all(entries.map((e) => rm(join(dir, e), { recursive: true, force: true })));
  }
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, MARKER),
    'Made by `smsfunnel demo`. The next demo run in this folder empties it first.\n',
  );
  const root = packageRoot();
  const funnelFile = join(dir, 'funnel.yaml');
  await copyFile(join(root, 'funnel.example.yaml'), funnelFile);
  return {
    dir,
    funnelFile,
    contactsExport: join(root, 'fixtures', 'demo-contacts.csv'),
    envFile: join(dir, 'demo.env'),
  };
}
