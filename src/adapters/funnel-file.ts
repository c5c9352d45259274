/**
 * Reads the funnel file: YAML parsed with source positions (yaml's parseDocument + LineCounter),
 * validated by the pure `validateFunnel`, and every problem turned into
 * `file:line: path: what is wrong — what to do`. `loadFunnelFile` throws one DataError (65)
 * listing all errors at once; `readFunnelFile` returns everything for `smsfunnel check`.
 */
import { access, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Funnel, type Problem, validateFunnel } from '../core/funnel/index.js';
import { DataError } from '../errors.js';

export interface LocatedProblem extends Problem {
  file: string;
  line: number;
  /** the path in the file as a person reads it: `steps.follow_up.wait`, `routes.later.goto` */
  where: string;
}

export interface FunnelFile {
  funnel: Funnel | undefined;
  /** how many steps the file lists (also when it has errors) */
  stepCount: number;
  problems: LocatedProblem[];
  /** places a problem found later (e.g. by checking contacts) in the file */
  locate(problem: Problem): LocatedProblem;
}

export async function readFunnelFile(path: string): Promise<FunnelFile> {
  const file = displayName(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DataError(
        `funnel file ${file} not found`,
        'Copy funnel.example.yaml to funnel.yaml and edit it (see docs/funnel.md), or point --funnel / SMSFUNNEL_FUNNEL at your file.',
      );
    }
    throw new DataError(
      `funnel file ${file}: cannot read it (${code ?? 'error'})`,
      'Check the path and its permissions.',
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(
      (e): LocatedProblem => ({
        severity: 'error',
        path: [],
        message: `YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        hint: 'Check the indentation (spaces, not tabs) and that every "key:" has a value; quote texts that contain ": " or start with { [ * & ! | > \' " % @ `.',
        file,
        line: e.linePos?.[0]?.line ?? 1,
        where: '',
      }),
    );
    return { funnel: undefined, stepCount: 0, problems, locate: (p) => ({ ...p, file, line: 1, where: '' }) };
  }
  const raw: unknown = doc.toJS();
  const locate = (p: Problem): LocatedProblem => ({
    ...p,
    file,
    line: lineOf(doc, lineCounter, p.path),
    where: readablePath(raw, p.path),
  });
  const { funnel, problems } = validateFunnel(raw);
  const steps = (raw as { steps?: unknown } | null)?.steps;
  return {
    funnel,
    stepCount: Array.isArray(steps) ? steps.length : 0,
    problems: problems.map(locate),
    locate,
  };
}

/** The funnel, or a DataError (exit 65) that lists every error with file:line. */
export async function loadFunnelFile(path: string): Promise<Funnel> {
  const { funnel, problems } = await readFunnelFile(path);
  const errors = problems.filter((p) => p.severity === 'error');
  if (funnel === undefined || errors.length > 0) {
    throw new DataError(
      `the funnel file has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map((e) => `  ${formatProblem(e)}`).join('\n')}`,
      'Fix them and run `smsfunnel check` to see the file as the tool reads it.',
    );
  }
  return funnel;
}

/** The funnel, or undefined when there is no file at `path` (for the tools that work without one). */
export async function loadFunnelFileIfAny(path: string): Promise<Funnel | undefined> {
  try {
    await access(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return loadFunnelFile(path);
}

/** `funnel.yaml:12: steps.follow_up.wait: "2 days" is not a duration — Write a number and a unit...` */
export function formatProblem(p: LocatedProblem): string {
  return `${p.file}:${p.line}: ${p.where === '' ? '' : `${p.where}: `}${p.message}${p.hint === undefined ? '' : ` — ${p.hint}`}`;
}

/** The path as the operator typed it, relative to the working folder when inside it. */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/** The line of the deepest node along the path that exists (a missing key: its parent's line). */
function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    let range = (node as { range?: [number, number, number] } | null)?.range;
    // a key whose value is empty has no value node: use the key's own position
    if (range === undefined && n > 0) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === path[n - 1]);
        range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      } else if (isSeq(parent)) range = undefined;
    }
    if (range !== undefined) return counter.linePos(range[0]).line;
  }
  return 1;
}

/** `['steps', 1, 'wait']` → `steps.follow_up.wait` when step 1 has an id, else `steps[1].wait`. */
function readablePath(raw: unknown, path: (string | number)[]): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    const child: unknown =
      typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = (child as { id?: unknown } | undefined)?.id;
      out += typeof id === 'string' && /^[a-z][a-z0-9_]*$/.test(id) ? `.${id}` : `[${key}]`;
    } else out += out === '' ? key : `.${key}`;
    node = child;
  }
  return out;
}
