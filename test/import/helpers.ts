/** Runs `smsfunnel import` in-process against a temp data dir, with output captured in memory. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Output } from '../../src/adapters/output.js';
import { run } from '../../src/commands/import.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const NOW = '2026-12-01T17:00:00Z';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export interface ImportRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function importFile(
  file: string,
  dataDir: string,
  options: { map?: string[]; defaultCountry?: string; dryRun?: boolean; json?: boolean; now?: string } = {},
): Promise<ImportRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const out = new Output({ json: options.json === true, verbose: false, stdout, stderr });
  const saved = process.env.SMSFUNNEL_NOW;
  process.env.SMSFUNNEL_NOW = options.now ?? NOW;
  try {
    const opts: Record<string, unknown> = {};
    if (options.map !== undefined) opts.map = options.map;
    if (options.defaultCountry !== undefined) opts.defaultCountry = options.defaultCountry;
    const code = await run(
      {
        options: { dataDir, dryRun: options.dryRun === true, json: options.json === true, verbose: false },
        out,
      },
      [file],
      opts,
    );
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    if (saved === undefined) delete process.env.SMSFUNNEL_NOW;
    else process.env.SMSFUNNEL_NOW = saved;
  }
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'smsfunnel-import-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** The rejects files in a data dir, sorted. */
export async function rejectsFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith('rejects-')).sort();
}
