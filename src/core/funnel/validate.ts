/**
 * The funnel file's rules, as a pure function of the parsed YAML: `validateFunnel(raw)` returns
 * the funnel and EVERY problem found (errors and warnings), each with its path in the file, so
 * the adapter can print `file:line: path: what — what to do` for all of them at once.
 */
import {
  DEFAULT_QUIET_HOURS,
  formatClock,
  isValidTimeZone,
  parseClock,
  WIDEST_QUIET_HOURS,
} from '../quiet-hours.js';
import { parseDuration } from './duration.js';
import { checkGraph } from './graph-check.js';
import { Findings, identifier, knownKeys, mapping, type Path, stringList, text } from './read.js';
import { readRoute } from './routes.js';
import { lintTexts } from './texts.js';
import {
  BUILT_IN_CATEGORIES,
  type CustomCategory,
  type Funnel,
  type Problem,
  type QuietHours,
  type Route,
  type Step,
} from './types.js';
import { readVariants } from './variants.js';

const TOP_KEYS = [
  'name',
  'sender',
  'timezone',
  'quiet_hours',
  'help',
  'help_reply',
  'kind',
  'summary',
  'categories',
  'steps',
  'routes',
  'on_timeout',
];
const STEP_KEYS = ['id', 'message', 'variants', 'wait', 'sequence', 'expect', 'on_reply', 'on_timeout'];
/** state names the machine uses itself */
export const RESERVED_STEP_IDS = ['start', 'owed', 'help', 'done', 'opted_out'];

export interface Validation {
  /** undefined when there are errors */
  funnel: Funnel | undefined;
  problems: Problem[];
}

export function validateFunnel(raw: unknown): Validation {
  const f = new Findings();
  const top = mapping(f, raw ?? undefined, [], 'the funnel file');
  if (top === undefined) return { funnel: undefined, problems: f.problems };
  knownKeys(f, top, [], TOP_KEYS);

  const name = text(f, top.name, ['name'], 'name');
  if (name === undefined && top.name === undefined)
    f.error(['name'], 'the funnel has no name', 'Add "name: <what you offer>" at the top.');
  const sender = text(f, top.sender, ['sender'], 'sender');
  if (sender !== undefined && !/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/.test(sender)) {
    f.error(
      ['sender'],
      `sender "${sender}" is neither an E.164 number nor a Messaging Service SID`,
      'Write "+15551234567" (quoted) or MG followed by 32 hex characters, or leave it out to use TWILIO_PHONE_NUMBER.',
    );
  }
  const timezone = text(f, top.timezone, ['timezone'], 'timezone');
  if (timezone === undefined) {
    if (top.timezone === undefined)
      f.error(
        ['timezone'],
        'no default time zone',
        'Add e.g. "timezone: America/New_York" (used for contacts whose zone cannot be told from their number).',
      );
  } else if (!isValidTimeZone(timezone)) {
    f.error(
      ['timezone'],
      `unknown time zone "${timezone}"`,
      'Use an IANA zone name such as America/New_York, America/Chicago, Europe/London.',
    );
  }
  const quietHours = readQuietHours(f, top.quiet_hours);
  const help = text(f, top.help, ['help'], 'help');
  if (help === undefined && top.help === undefined) {
    f.error(
      ['help'],
      'no help text',
      'Add "help: <who you are, how to reach you>. Reply STOP to opt out." (carriers require an answer to HELP).',
    );
  }
  // Twilio answers HELP itself on long codes by default (Advanced Opt-Out): the funnel's help
  // text then would be a second answer. `help_reply: funnel` when Twilio's own answer is off.
  const helpReply = oneOf(
    f,
    top.help_reply,
    'help_reply',
    ['twilio', 'funnel'] as const,
    "twilio: Twilio answers HELP with the text set in its Console (its default); funnel: the funnel sends its help text (turn Twilio's HELP answer off then).",
  );
  const kind = oneOf(
    f,
    top.kind,
    'kind',
    ['informational', 'marketing'] as const,
    'marketing: texts only contacts whose row records consent (a consent column saying yes, or a consent date).',
  );
  const summary = { leadColumns: [] as string[] };
  if (top.summary !== undefined) {
    const m = mapping(f, top.summary, ['summary'], 'summary');
    if (m !== undefined) {
      knownKeys(f, m, ['summary'], ['lead_columns']);
      if (m.lead_columns !== undefined)
        summary.leadColumns = stringList(f, m.lead_columns, ['summary', 'lead_columns'], 'lead_columns');
    }
  }
  const categories = readCategories(f, top.categories);
  const known = new Set<string>([...BUILT_IN_CATEGORIES, ...categories.map((c) => c.name)]);
  const custom = new Set(categories.map((c) => c.name));

  const steps: Step[] = [];
  /** where each of `steps` is in the file's list (a step that is not a mapping is not in `steps`) */
  const fileIndex: number[] = [];
  if (!Array.isArray(top.steps) || top.steps.length === 0) {
    f.error(
      ['steps'],
      'the funnel has no steps',
      'Add "steps:" with a list of "- id: ... message: ... wait: 2d".',
    );
  } else {
    const seen = new Set<string>();
    top.steps.forEach((rawStep, i) => {
      const step = readStep(f, rawStep, ['steps', i], known, custom);
      if (step === undefined) return;
      if (seen.has(step.id))
        f.error(['steps', i, 'id'], `duplicate step id "${step.id}"`, 'Give every step its own id.');
      seen.add(step.id);
      steps.push(step);
      fileIndex.push(i);
    });
  }

  const routes: Record<string, Route> = {};
  const rawRoutes = top.routes === undefined ? {} : mapping(f, top.routes, ['routes'], 'routes');
  for (const [category, rawRoute] of Object.entries(rawRoutes ?? {})) {
    if (!known.has(category)) {
      f.error(
        ['routes', category],
        `route for unknown category "${category}"`,
        `Categories: ${[...known].join(', ')} (define your own under "categories:").`,
      );
      continue;
    }
    const route = readRoute(f, rawRoute, ['routes', category], category, category);
    if (route !== undefined) routes[category] = route;
  }
  const helpRoute = routes.help;
  if (helpReply === 'twilio' && helpRoute?.sendHelp === true) {
    f.warn(
      ['routes', 'help'],
      'Twilio answers HELP itself (help_reply is "twilio", its default): the funnel does not send its help text as well',
      'Set "help_reply: funnel" (and turn Twilio\'s own HELP answer off) to send the help text, or drop send_help here.',
    );
    routes.help = {
      ...helpRoute,
      sendHelp: false,
      stay: helpRoute.goto === undefined && helpRoute.outcome === undefined,
    };
  }
  routes.help ??=
    helpReply === 'funnel'
      ? { id: 'help', category: 'help', sendHelp: true, stay: false }
      : { id: 'help', category: 'help', sendHelp: false, stay: true };

  let onTimeout = { outcome: 'no_response' };
  if (top.on_timeout !== undefined) {
    const m = mapping(f, top.on_timeout, ['on_timeout'], 'on_timeout');
    if (m !== undefined) {
      knownKeys(f, m, ['on_timeout'], ['outcome']);
      const o = identifier(f, m.outcome, ['on_timeout', 'outcome'], 'outcome');
      if (o !== undefined) onTimeout = { outcome: o };
    }
  }

  const funnel: Funnel = {
    name: name ?? '',
    ...(sender === undefined ? {} : { sender }),
    timezone: timezone ?? 'UTC',
    quietHours,
    help: help ?? '',
    helpReply,
    kind,
    summary,
    categories,
    steps,
    routes,
    onTimeout,
  };
  const checked = f.problems.length;
  if (steps.length > 0) checkGraph(f, funnel);
  lintTexts(f, funnel);
  // those checks count `funnel.steps`; put each finding back on its step's place in the file, or
  // after a step that could not be read every later finding would name the step before it
  for (const p of f.problems.slice(checked)) {
    const i = p.path[1];
    if (p.path[0] === 'steps' && typeof i === 'number')
      p.path = ['steps', fileIndex[i] ?? i, ...p.path.slice(2)];
  }
  return { funnel: f.hasErrors ? undefined : funnel, problems: f.problems };
}

function readQuietHours(f: Findings, raw: unknown): QuietHours {
  if (raw === undefined || raw === null) return DEFAULT_QUIET_HOURS;
  const m = mapping(f, raw, ['quiet_hours'], 'quiet_hours');
  if (m === undefined) return DEFAULT_QUIET_HOURS;
  knownKeys(f, m, ['quiet_hours'], ['start', 'end']);
  const range = `${formatClock(WIDEST_QUIET_HOURS.start)}–${formatClock(WIDEST_QUIET_HOURS.end)}`;
  const read = (key: 'start' | 'end', fallback: number): number => {
    const v = m[key] === undefined ? fallback : parseClock(m[key]);
    if (v === undefined) {
      f.error(
        ['quiet_hours', key],
        `"${String(m[key])}" is not a time of day`,
        'Write it as "HH:MM" in quotes, e.g. "09:00".',
      );
      return fallback;
    }
    return v;
  };
  const start = read('start', DEFAULT_QUIET_HOURS.start);
  const end = read('end', DEFAULT_QUIET_HOURS.end);
  if (start < WIDEST_QUIET_HOURS.start || end > WIDEST_QUIET_HOURS.end) {
    f.error(
      ['quiet_hours'],
      `the sending window ${formatClock(start)}–${formatClock(end)} is wider than ${range}`,
      `Texts may only go out ${range} in the contact's local time; narrow start/end to fit.`,
    );
  } else if (start >= end) {
    f.error(
      ['quiet_hours'],
      `the sending window starts (${formatClock(start)}) at or after it ends (${formatClock(end)})`,
      'Put the earlier time in start, the later in end.',
    );
  }
  return { start, end };
}

function readCategories(f: Findings, raw: unknown): CustomCategory[] {
  if (raw === undefined || raw === null) return [];
  const m = mapping(f, raw, ['categories'], 'categories');
  const out: CustomCategory[] = [];
  for (const [name, def] of Object.entries(m ?? {})) {
    const path: Path = ['categories', name];
    if (identifier(f, name, path, 'category') === undefined) continue;
    if ((BUILT_IN_CATEGORIES as readonly string[]).includes(name)) {
      f.error(path, `"${name}" is a built-in category`, 'Give your category another name.');
      continue;
    }
    const d = mapping(f, def, path, `category "${name}"`);
    if (d === undefined) continue;
    knownKeys(f, d, path, ['words', 'phrases']);
    const words = stringList(f, d.words, [...path, 'words'], 'words');
    const phrases = stringList(f, d.phrases, [...path, 'phrases'], 'phrases');
    if (words.length + phrases.length === 0)
      f.error(
        path,
        `category "${name}" has no words or phrases`,
        'Add "words: [...]" and/or "phrases: [...]".',
      );
    out.push({ name, words, phrases });
  }
  return out;
}

function readStep(
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

/** A top-level key that takes one of a few words; the first is the default. */
function oneOf<const T extends readonly [string, ...string[]]>(
  f: Findings,
  value: unknown,
  key: string,
  allowed: T,
  hint: string,
): T[number] {
  if (value === undefined) return allowed[0];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T[number];
  f.error(
    [key],
    `${key} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, not ${JSON.stringify(value)}`,
    hint,
  );
  return allowed[0];
}
