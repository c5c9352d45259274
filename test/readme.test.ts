import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VARIABLES } from '../src/config.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');

describe('the README stays true', () => {
  test.each(VARIABLES.map(([name]) => name))(
    '%s is in the configuration table and in .env.example',
    (name) => {
      expect(readme).toContain(`| \`${name}\` |`);
      expect(example).toContain(name);
    },
  );

  test('CI runs exactly the test command the README gives', () => {
    expect(readme).toContain('npm ci && npm test');
    expect(ci).toMatch(/^npm ci && npm test$/m);
  });
});
