/**
 * One step of the funnel file (`steps:` list): its id, message or variants, wait, expected
 * categories, and the step's own `on_reply` routes and `on_timeout`.
 */
import { parseDuration } from './duration.js';
import { type Findings, identifier, knownKeys, mapping, type Path, stringList, text } from './read.js';
import { readRoute } from './routes.js';
import type { Step } from './types.js';
import { readVariants } from './variants.js';

const STEP_KEYS = ['id', 'message', 'variants', 'wait', 'sequence', 'expect', 'on_reply', 'on_timeout'];
/** state names the machine uses itself */
export const RESERVED_STEP_IDS = ['start', 'owed', 'help', 'done', 'opted_out'];

export function readStep(
  f: Findings,
  raw: unknown,
  path: Path,
  known: Set<string>,
  custom: Set<string>,
): Step | undefined {
  const m = mapping(f, raw, path, 'a step');
  if (m === undefined) return undefined;
  knownKeys(f, m, path, STEP_KEYS);
  const valid = identifier(f, m.id, [...path, 'id'], 'step id');
  // a step whose id is wrong is still read to the end, so its other mistakes are reported too; it
  // keeps the id as written (no goto can name it: gotos must be valid ids) or its number
  const id = valid ?? (typeof m.id === 'string' && m.id.trim() !== '' ? m.id : `#${Number(path[1]) + 1}`);
  if (RESERVED_STEP_IDS.includes(id))
    f.error([...path, 'id'], `"${id}" is reserved`, `Step ids cannot be ${RESERVED_STEP_IDS.join(', ')}.`);
  const step: Step = { id, sequence: m.sequence !== false, expect: [], onReply: {} };
  if (m.sequence !== undefined && typeof m.sequence !== 'boolean')
    f.error([...path, 'sequence'], 'sequence must be true or false');
  const message = text(f, m.message, [...path, 'message'], 'message');
  if (message !== undefined) step.message = message;
  readVariants(f, m, path, step);
  if (m.wait !== undefined) {
    const ms = parseDuration(m.wait);
    if (ms === undefined)
      f.error(
        [...path, 'wait'],
        `"${String(m.wait)}" is not a duration`,
        'Write a number and a unit: 90m, 36h, 2d or 1w.',
      );
    else step.waitMs = ms;
  }
  stringList(f, m.expect, [...path, 'expect'], 'expect').forEach((c, i) => {
    if (custom.has(c)) step.expect.push(c);
    else
      f.error(
        [...path, 'expect', i],
        `step "${id}" expects "${c}", which is not a category defined under "categories:"`,
      );
  });
  if (m.on_reply !== undefined) {
    for (const [category, rawRoute] of Object.entries(
      mapping(f, m.on_reply, [...path, 'on_reply'], 'on_reply') ?? {},
    )) {
      const at: Path = [...path, 'on_reply', category];
      if (!known.has(category))
        f.error(at, `route for unknown category "${category}"`, `Categories: ${[...known].join(', ')}.`);
      else if (category === 'opt_out' || category === 'opt_in')
        f.error(at, `${category} is built in and cannot be changed per step`);
      else {
        const route = readRoute(f, rawRoute, at, `${id}:${category}`, category);
        if (route !== undefined) step.onReply[category] = route;
      }
    }
  }
  if (m.on_timeout !== undefined) {
    const t = mapping(f, m.on_timeout, [...path, 'on_timeout'], 'on_timeout');
    if (t !== undefined) {
      knownKeys(f, t, [...path, 'on_timeout'], ['goto', 'outcome']);
      const key = t.goto !== undefined ? 'goto' : 'outcome';
      const v = identifier(f, t[key], [...path, 'on_timeout', key], key);
      if (t.goto !== undefined && t.outcome !== undefined)
        f.error([...path, 'on_timeout'], 'on_timeout takes goto or outcome, not both');
      if (v !== undefined) step.onTimeout = { [key]: v };
    }
  }
  return step;
}
