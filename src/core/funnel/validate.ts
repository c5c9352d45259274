/**
 * The funnel file's top-level keys (name, sender, help, kind, summary, categories, routes,
 * on_timeout) and the whole-funnel checks. Steps are read in read-step.ts, the time zone and
 * quiet hours in read-when.ts.
 *
 * The funnel file's rules, as a pure function of the parsed YAML: `validateFunnel(raw)` returns
 * the funnel and EVERY problem found (errors and warnings), each with its path in the file, so
 * the adapter can print `file:line: path: what — what to do` for all of them at once.
 */
import { checkGraph } from './graph-check.js';
import { Findings, identifier, knownKeys, mapping, type Path, stringList, text } from './read.js';
import { readStep } from './read-step.js';
import { readQuietHours, readTimeZone } from './read-when.js';
import { readRoute } from './routes.js';
import { lintTexts } from './texts.js';
import {
  BUILT_IN_CATEGORIES,
  type CustomCategory,
  type Funnel,
  type Problem,
  type Route,
  type Step,
} from './types.js';

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
  const timezone = readTimeZone(f, top.timezone);
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
