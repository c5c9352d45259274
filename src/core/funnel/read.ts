/**
 * Small readers for the validator: each takes a raw YAML value and its path, records a problem
 * when the value is not what the file format asks for, and returns a usable value or undefined.
 */
import type { Problem } from './types.js';

export type Path = (string | number)[];

export class Findings {
  readonly problems: Problem[] = [];

  error(path: Path, message: string, hint?: string): void {
    this.problems.push({ severity: 'error', path, message, ...(hint === undefined ? {} : { hint }) });
  }

  warn(path: Path, message: string, hint?: string): void {
    this.problems.push({ severity: 'warning', path, message, ...(hint === undefined ? {} : { hint }) });
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}

export const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping, or undefined (with an error) when it is something else. */
export function mapping(
  f: Findings,
  value: unknown,
  path: Path,
  what: string,
): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  f.error(path, `${what} must be a mapping of "key: value" lines, not ${describe(value)}`);
  return undefined;
}

/** Reports keys the format does not know (typos such as `wiat:`). */
export function knownKeys(
  f: Findings,
  value: Record<string, unknown>,
  path: Path,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      f.error([...path, key], `unknown key "${key}"`, `Known keys here: ${allowed.join(', ')}.`);
    }
  }
}

export function text(f: Findings, value: unknown, path: Path, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  f.error(path, `${what} must be text, not ${describe(value)}`);
  return undefined;
}

export function identifier(f: Findings, value: unknown, path: Path, what: string): string | undefined {
  if (typeof value === 'string' && IDENTIFIER.test(value)) return value;
  f.error(
    path,
    `${what} "${String(value)}" is not a valid name`,
    'Use lower-case letters, digits and _ starting with a letter, e.g. follow_up.',
  );
  return undefined;
}

export function stringList(f: Findings, value: unknown, path: Path, what: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  list.forEach((item, i) => {
    if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
    else
      f.error(
        Array.isArray(value) ? [...path, i] : path,
        `${what} must be a list of words, not ${describe(item)}`,
      );
  });
  return out;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
