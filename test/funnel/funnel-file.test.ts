/** The broken-file corpus: each mistake is reported with the right line and path, all at once. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, loadFunnelFile, readFunnelFile } from '../../src/adapters/funnel-file.js';
import { checkContacts } from '../../src/core/funnel/index.js';
import { DataError } from '../../src/errors.js';
import { EXAMPLE_PATH, exampleFunnel } from './example.js';

const dir = mkdtempSync(join(tmpdir(), 'funnel-file-'));
let n = 0;
function write(text: string): string {
  const path = join(dir, `f${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}

const GOOD = `name: Test
timezone: America/Chicago
help: "Test Co. Reply STOP to opt out."
steps:
  - id: intro
    message: "Hi {{first_name|there}}, test. Reply STOP to opt out."
    wait: 2d
  - id: follow_up
    message: "Still there?"
    wait: 3d
routes:
  interested: { send: "Great", outcome: hot }
`;
/** GOOD with its line `from` replaced by `to` (a mistake on a known line). */
const broken = (from: string, to: string) => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('each mistake at its line', () => {
  test.each([
    ['bad indentation', broken('    message: "Still', '   message: "Still'), 9, 'YAML'],
    ['tab indentation', broken('    wait: 3d', '\twait: 3d'), 10, 'YAML'],
    ['duplicate key', broken('    wait: 3d', '    wait: 3d\n    wait: 4d'), 11, 'YAML'],
    [
      'unknown step in goto',
      broken('{ send: "Great", outcome: hot }', '{ send: "Great", goto: fallow_up }'),
      12,
      'goto "fallow_up": there is no step',
    ],
    ['bad duration', broken('wait: 3d', 'wait: 3 days'), 10, '"3 days" is not a duration'],
    ['bad duration unit', broken('wait: 2d', 'wait: 2y'), 7, 'not a duration'],
    [
      'wide quiet hours',
      broken('help:', 'quiet_hours: { start: "08:00", end: "22:00" }\nhelp:'),
      3,
      'wider than 08:00–21:00',
    ],
    ['malformed quiet hours', broken('help:', 'quiet_hours:\n  start: "9am"\nhelp:'), 4, 'not a time of day'],
    [
      'start after end',
      broken('help:', 'quiet_hours: { start: "18:00", end: "10:00" }\nhelp:'),
      3,
      'at or after it ends',
    ],
    ['unknown time zone', broken('America/Chicago', 'America/Chicgo'), 2, 'unknown time zone'],
    ['duplicate step id', broken('id: follow_up', 'id: intro'), 8, 'duplicate step id'],
    ['unknown key', broken('    wait: 3d', '    wiat: 3d'), 10, 'unknown key "wiat"'],
    [
      'route for unknown category',
      broken('routes:\n', 'routes:\n  maybe: { outcome: cold }\n'),
      12,
      'unknown category "maybe"',
    ],
    ['unclosed {{', broken('Still there?', 'Still there {{first_name?'), 9, 'unclosed "{{"'],
    [
      'opt_out sends',
      broken('routes:\n', 'routes:\n  opt_out: { send: "Bye!" }\n'),
      12,
      'opt_out route is built in',
    ],
    [
      'unreachable step',
      `${GOOD}  question: stay\n`.replace(
        'steps:\n',
        'steps:\n  - id: lost\n    sequence: false\n    message: "x"\n',
      ),
      5,
      'step "lost" is never reached',
    ],
    ['sequence stops early', broken('    wait: 2d\n', ''), 7, 'has no "wait"'],
    [
      'send without a destination',
      broken('{ send: "Great", outcome: hot }', '{ send: "Great" }'),
      12,
      'must say where the contact goes',
    ],
    ['reserved step id', broken('id: follow_up', 'id: done'), 8, 'reserved'],
    [
      'expect an unknown category',
      broken('    wait: 3d', '    wait: 3d\n    expect: [morning]'),
      11,
      'not a category defined',
    ],
    ['missing name', broken('name: Test\n', ''), 1, 'no name'],
    ['steps not a list', broken('steps:', 'steps: 3\nold_steps:'), 4, 'no steps'],
    ['sender not E.164', broken('help:', 'sender: 5551234567\nhelp:'), 3, 'neither an E.164 number'],
  ])('%s', async (_name, text, line, message) => {
    const { problems, funnel } = await readFunnelFile(write(text));
    const errors = problems.filter((p) => p.severity === 'error');
    expect(funnel).toBeUndefined();
    const hit = errors.find((e) => e.message.includes(message));
    expect(hit, JSON.stringify(errors.map(formatProblem))).toBeDefined();
    expect(hit?.line).toBe(line);
    expect(formatProblem(hit as never)).toContain(`.yaml:${line}: `);
  });
});

test('every problem at once, and loadFunnelFile throws one DataError (65) listing them', async () => {
  const text = broken('wait: 3d', 'wait: 3 days')
    .replace('America/Chicago', 'Mars/Base')
    .replace('outcome: hot', 'goto: nowhere');
  const path = write(text);
  const err = await loadFunnelFile(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  const e = err as DataError;
  expect(e.exitCode).toBe(65);
  expect(e.message).toContain('3 errors');
  expect(e.message).toMatch(/:2: timezone: unknown time zone "Mars\/Base"/);
  expect(e.message).toMatch(/:10: steps\.follow_up\.wait: "3 days" is not a duration/);
  expect(e.message).toMatch(/:12: routes\.interested\.goto: goto "nowhere"/);
  expect(e.stack === undefined || !e.message.includes('    at ')).toBe(true);
});

test('a missing file is 65 and says to copy the example', async () => {
  const err = (await loadFunnelFile(join(dir, 'nope.yaml')).catch((e: unknown) => e)) as DataError;
  expect(err.exitCode).toBe(65);
  expect(err.message).toContain('not found');
  expect(err.hint).toContain('funnel.example.yaml');
});

describe('warnings', () => {
  test.each([
    [
      'curly quote',
      broken('Still there?', 'It\u2019s still there?'),
      9,
      'itself has "\u2019" (U+2019) at character 3 ("It\u2019s still"): that makes it UCS-2',
    ],
    ['emoji', broken('Still there?', 'Still there? \u{1F600}'), 9, 'UCS-2'],
    [
      'no STOP in the first text',
      broken('test. Reply STOP to opt out.', 'test.'),
      6,
      'does not say how to opt out',
    ],
    ['over 3 segments', broken('Still there?', 'x'.repeat(500)), 9, '4 segments long'],
    [
      'the first text does not say who is texting',
      broken('test. Reply STOP', 'hello. Reply STOP'),
      6,
      'does not name the sender ("Test", from the funnel\'s name)',
    ],
    [
      'a public URL shortener in the first text',
      broken('test. Reply STOP', 'test, see bit.ly/abc. Reply STOP'),
      6,
      'URL shortener bit.ly',
    ],
    [
      'the funnel would answer HELP after Twilio did',
      broken(
        '  interested: { send: "Great", outcome: hot }',
        '  interested: { send: "Great", outcome: hot }\n  help: { send_help: true }',
      ),
      13,
      'Twilio answers HELP itself',
    ],
  ])('%s', async (_name, text, line, message) => {
    const { problems, funnel } = await readFunnelFile(write(text));
    expect(funnel).toBeDefined();
    const hit = problems.find((p) => p.severity === 'warning' && p.message.includes(message));
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit?.line).toBe(line);
  });
});

test('summary.lead_columns: the columns each hot lead shows in the daily summary', async () => {
  const { funnel, problems } = await readFunnelFile(
    write(`${GOOD}summary: { lead_columns: [company, budget] }\n`),
  );
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(funnel?.summary.leadColumns).toEqual(['company', 'budget']);
  const bad = await readFunnelFile(write(`${GOOD}summary: { columns: [company] }\n`));
  expect(bad.problems.some((p) => p.message.includes('unknown key "columns"'))).toBe(true);
});

test('the example funnel is valid, with no warnings', async () => {
  const { funnel, problems } = await readFunnelFile(EXAMPLE_PATH);
  expect(problems).toEqual([]);
  expect(funnel?.steps.map((s) => s.id)).toEqual(['intro', 'follow_up', 'last_try', 'ask_time']);
  expect(funnel?.categories.map((c) => c.name)).toEqual(['morning', 'afternoon']);
  expect(readFileSync(EXAMPLE_PATH, 'utf8')).toContain('STOP');
});

describe('checkContacts', () => {
  const funnel = exampleFunnel();
  test('a field some contacts lack, with no fallback, is an error naming how many and which', () => {
    const f = {
      ...funnel,
      steps: funnel.steps.map((s) =>
        s.id === 'follow_up' ? { ...s, message: 'Hi {{first_name}}, still keen? {{city|}}' } : s,
      ),
    };
    const contacts = [
      { id: 'c1', first_name: 'Ann', state: 'intro' },
      { id: 'c2', first_name: '', state: 'intro' },
      { id: 'c3', first_name: '', state: 'done.hot' },
    ];
    const problems = checkContacts(f, contacts);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: ['steps', 1, 'message'],
        message: '{{first_name}} is empty for 1 of 2 contacts (id c2)',
      }),
    ]);
  });
  test('the example texts are fine for contacts without names (fallbacks)', () => {
    expect(checkContacts(funnel, [{ id: 'c1', first_name: '', state: 'start' }])).toEqual([]);
  });
  test('a name outside GSM-7 is a warning about cost', () => {
    const problems = checkContacts(funnel, [{ id: 'c9', first_name: 'Łukasz', state: 'start' }]);
    expect(problems.some((p) => p.severity === 'warning' && p.message.includes('c9'))).toBe(true);
  });
});
