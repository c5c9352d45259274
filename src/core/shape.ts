/**
 * Small hand-written shape checks for the JSON state files smsfunnel writes (see state-files.ts):
 * a check walks a parsed value and lists every place it differs from what we write, as
 * `path: what was expected`. Keys the check does not name are allowed (a newer version may add
 * some); a key it names must have its kind, or be absent when it is optional.
 */

/** Adds to `problems` what is wrong with `value`, found at `path` (`replies[3].sid`). */
export type Shape = (value: unknown, path: string, problems: string[]) => void;

/** `path` as a reader sees it: the top of the file has no path. */
const where = (path: string): string => (path === '' ? 'the whole file' : path);
const key = (path: string, k: string): string => (path === '' ? k : `${path}.${k}`);

const kind = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

const primitive =
  (type: 'string' | 'number' | 'boolean'): Shape =>
  (value, path, problems) => {
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value)))
      problems.push(`${where(path)}: expected a ${type}, found ${kind(value)}`);
  };

export const string: Shape = primitive('string');
export const number: Shape = primitive('number');
export const boolean: Shape = primitive('boolean');

/** One of these strings. */
export function oneOf(...values: readonly string[]): Shape {
  return (value, path, problems) => {
    if (typeof value !== 'string' || !values.includes(value))
      problems.push(`${where(path)}: expected one of ${values.join(', ')}, found ${JSON.stringify(value)}`);
  };
}

export function nullable(shape: Shape): Shape {
  return (value, path, problems) => {
    if (value !== null) shape(value, path, problems);
  };
}

export function array(item: Shape): Shape {
  return (value, path, problems) => {
    if (!Array.isArray(value)) problems.push(`${where(path)}: expected an array, found ${kind(value)}`);
    else
      value.forEach((v, i) => {
        item(v, `${path}[${i}]`, problems);
      });
  };
}

/** An object used as a map: any keys, every value of `item`'s shape. */
export function record(item: Shape): Shape {
  return (value, path, problems) => {
    if (!isObject(value)) problems.push(`${where(path)}: expected an object, found ${kind(value)}`);
    else for (const [k, v] of Object.entries(value)) item(v, key(path, k), problems);
  };
}

/** An object with these keys (`optional` ones may be missing). */
export function object(required: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape {
  return (value, path, problems) => {
    if (!isObject(value)) {
      problems.push(`${where(path)}: expected an object, found ${kind(value)}`);
      return;
    }
    for (const [k, shape] of Object.entries(required)) {
      if (value[k] === undefined) problems.push(`${key(path, k)}: missing`);
      else shape(value[k], key(path, k), problems);
    }
    for (const [k, shape] of Object.entries(optional))
      if (value[k] !== undefined) shape(value[k], key(path, k), problems);
  };
}

/** Every problem of `value` against `shape`; empty when it fits. */
export function problemsOf(shape: Shape, value: unknown): string[] {
  const problems: string[] = [];
  shape(value, '', problems);
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
