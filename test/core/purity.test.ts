/**
 * The core decides; it never acts (STYLE.md, docs/design.md "Layout"): nothing under src/core may
 * import Node's modules, an SDK, or a module of the edges, and nothing there reads the wall clock.
 * A new import that breaks this fails here, naming the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const core = join(root, 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Pure libraries the core may use: the machine library and the segment calculator. */
const ALLOWED_PACKAGES = new Set(['xstate', 'sms-segments-calculator']);

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) found.push(m[1] ?? '');
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) found.push(m[1] ?? '');
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) found.push(m[1] ?? '');
  return found;
}

const files = sources(core);

describe('src/core is pure', () => {
  test('there is a core to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  test.each(files.map((f) => [relative(root, f), f]))(
    '%s imports only the core and pure libraries',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const bad = importsOf(text).filter((spec) => {
        if (spec.startsWith('.')) return !resolve(file, '..', spec).startsWith(core);
        return !ALLOWED_PACKAGES.has(spec);
      });
      expect(bad).toEqual([]);
      expect(text).not.toMatch(/\bDate\.now\(|\bprocess\.|\bnew Date\(\)/);
    },
  );

  test('the check catches an impure import', () => {
    const spec = importsOf("import { readFileSync } from 'node:fs';\nimport x from '../adapters/clock.js';");
    expect(spec).toEqual(['node:fs', '../adapters/clock.js']);
  });
});
