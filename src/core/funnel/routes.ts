/** Reading one route (`routes.<category>` or a step's `on_reply.<category>`) from the file. */
import { parseDuration } from './duration.js';
import { describe, type Findings, identifier, knownKeys, mapping, type Path, text } from './read.js';
import type { Route } from './types.js';

const ROUTE_KEYS = ['send', 'send_help', 'after', 'goto', 'outcome', 'stay', 'resume'] as const;

/** Outcomes the tool gives meaning to; the file may name others (e.g. `booked`). */
export const OPTED_OUT = 'opted_out';

export function readRoute(
  f: Findings,
  raw: unknown,
  path: Path,
  id: string,
  category: string,
): Route | undefined {
  const route: Route = { id, category, sendHelp: false, stay: false };
  if (raw === null || raw === undefined || raw === 'stay') return { ...route, stay: true };
  const m = mapping(f, raw, path, `the route for "${category}"`);
  if (m === undefined) return undefined;
  knownKeys(f, m, path, ROUTE_KEYS);
  const before = f.problems.length;

  if (category === 'opt_out') {
    const only = Object.keys(m).every((k) => k === 'outcome') && (m.outcome ?? OPTED_OUT) === OPTED_OUT;
    if (!only) {
      f.error(
        path,
        'the opt_out route is built in: the contact is marked opted_out and nothing is sent (the carrier already confirms the opt-out)',
        'Remove this route or write "opt_out: { outcome: opted_out }".',
      );
    }
    return { ...route, outcome: OPTED_OUT };
  }
  if (category === 'opt_in') {
    if (!Object.keys(m).every((k) => k === 'resume') || (m.resume !== undefined && m.resume !== true)) {
      f.error(
        path,
        'the opt_in route is built in: the contact resumes where it was when it opted out',
        'Write "opt_in: { resume: true }" or leave it out.',
      );
    }
    return { ...route, stay: true };
  }
  if (m.resume !== undefined) f.error([...path, 'resume'], '"resume" is only for the opt_in route');

  const send = text(f, m.send, [...path, 'send'], 'send');
  if (send !== undefined) route.send = send;
  if (m.send_help !== undefined && typeof m.send_help !== 'boolean') {
    f.error([...path, 'send_help'], `send_help must be true or false, not ${describe(m.send_help)}`);
  }
  route.sendHelp = m.send_help === true;
  if (route.sendHelp && send !== undefined)
    f.error(path, 'a route can send its own text or the help text, not both');
  if (m.after !== undefined) {
    const ms = parseDuration(m.after);
    if (ms === undefined) {
      f.error(
        [...path, 'after'],
        `"${String(m.after)}" is not a duration`,
        'Write a number and a unit: 90m, 36h, 2d or 1w.',
      );
    } else route.afterMs = ms;
  }
  if (m.goto !== undefined) {
    const g = identifier(f, m.goto, [...path, 'goto'], 'goto step');
    if (g !== undefined) route.goto = g;
  }
  if (m.outcome !== undefined) {
    const o = identifier(f, m.outcome, [...path, 'outcome'], 'outcome');
    if (o === OPTED_OUT)
      f.error(
        [...path, 'outcome'],
        'only the opt_out route may end in opted_out',
        'Pick another outcome name.',
      );
    else if (o !== undefined) route.outcome = o;
  }
  if (m.stay !== undefined && m.stay !== true) f.error([...path, 'stay'], 'stay can only be true');
  route.stay = m.stay === true || Object.keys(m).length === 0;

  const moves = route.goto !== undefined || route.outcome !== undefined;
  if (route.goto !== undefined && route.outcome !== undefined) {
    f.error(path, 'a route goes to a step (goto) or ends the funnel (outcome), not both');
  }
  if (route.stay && (moves || send !== undefined || route.sendHelp || route.afterMs !== undefined)) {
    f.error(path, '"stay: true" means the reply is only recorded; it cannot also send, wait or move');
  }
  if (route.afterMs !== undefined && !moves)
    f.error(path, '"after" needs a goto (or outcome): what happens once the time is up?');
  if (send !== undefined && !moves) {
    f.error(
      path,
      'a route that sends must say where the contact goes next',
      'Add "goto: <step>" or "outcome: <name>"; only the help text may be sent without moving.',
    );
  }
  return f.problems.length === before ? route : undefined;
}
