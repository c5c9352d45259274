import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SETTING_NAMES, SETTINGS } from '../src/settings.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');

describe('the README stays true', () => {
  test.each(SETTING_NAMES)('%s is in the configuration table, with its default and meaning', (name) => {
    const { default: value, meaning } = SETTINGS[name];
    const row = `| \`${name}\` | ${value === '' ? '' : `\`${value}\``} | ${meaning} |`;
    expect(readme.split('\n')).toContain(row);
  });

  test.each(SETTING_NAMES)('%s is in .env.example, with its default where it has one', (name) => {
    const line = example.split('\n').find((l) => new RegExp(`^#? ?${name}=`).test(l));
    expect(line, `${name} is missing from .env.example`).toBeDefined();
    const value = SETTINGS[name].default;
    if (value !== '') expect(line?.replace(/^#? ?[A-Z_]+=/, '').replace(/\s+#.*$/, '')).toBe(value);
  });

  test('every default is a value its setting accepts', () => {
    for (const name of SETTING_NAMES) {
      const { default: value, parse } = SETTINGS[name];
      if (value !== '') expect(() => parse(value), name).not.toThrow();
    }
  });

  test('CI runs exactly the test command the README gives', () => {
    expect(readme).toContain('npm ci && npm test');
    expect(ci).toMatch(/^npm ci && npm test$/m);
  });
});
