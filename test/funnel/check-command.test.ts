/** `smsfunnel check` run in-process through the real CLI wiring, on temp files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { EXAMPLE_PATH } from './example.js';

async function check(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  let code = -1;
  await buildProgram((c) => (code = c), { stdout, stderr }).parseAsync([
    'node',
    'smsfunnel',
    'check',
    ...args,
  ]);
  return { code, stdout: out, stderr: err };
}

const empty = mkdtempSync(join(tmpdir(), 'check-empty-'));

test('the example funnel passes with one line', async () => {
  const r = await check(['--funnel', EXAMPLE_PATH, '--data-dir', empty]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/funnel\.example\.yaml: 4 steps, 0 errors, 0 warnings\n$/);
  expect(r.stderr).toBe('');
});

test('a broken funnel exits 65 and lists every problem with file:line', async () => {
  const path = join(empty, 'broken.yaml');
  writeFileSync(
    path,
    'name: x\ntimezone: Nowhere/Zone\nhelp: h\nsteps:\n  - id: a\n    message: "Hi {{first_name"\n    wait: 2 days\n',
  );
  const r = await check(['--funnel', path, '--data-dir', empty]);
  expect(r.code).toBe(65);
  expect(r.stderr).toContain('broken.yaml:2: timezone: unknown time zone "Nowhere/Zone"');
  expect(r.stderr).toContain('broken.yaml:6: steps.a.message: unclosed "{{"');
  expect(r.stderr).toContain('broken.yaml:7: steps.a.wait: "2 days" is not a duration');
  expect(r.stdout).toMatch(/1 step, 3 errors, 2 warnings/); // no STOP, and no sender named
});

test('contacts are checked: a field without fallback they lack, a state the funnel lost; --json', async () => {
  const data = mkdtempSync(join(tmpdir(), 'check-data-'));
  writeFileSync(
    join(data, 'contacts.csv'),
    'id,phone,first_name,last_name,state,next_action_at\nc1,+12125550100,Ann,Lee,intro,\nc2,+12125550101,,Kim,start,\nc3,+12125550102,Bo,,old_step,\n',
  );
  const funnel = join(data, 'funnel.yaml');
  writeFileSync(
    funnel,
    'name: x\ntimezone: America/New_York\nhelp: "X. Reply STOP to opt out."\nsteps:\n  - id: intro\n    message: "Hi {{first_name}}! Reply STOP to opt out."\n    wait: 2d\n',
  );
  const r = await check(['--funnel', funnel, '--data-dir', data, '--json']);
  expect(r.code).toBe(65);
  const json = JSON.parse(r.stdout) as {
    errors: { line: number | null; message: string }[];
    contacts: number;
  };
  expect(json.contacts).toBe(3);
  expect(json.errors).toEqual([
    expect.objectContaining({ line: 6, message: '{{first_name}} is empty for 1 of 3 contacts (id c2)' }),
    expect.objectContaining({ line: null, message: expect.stringContaining('(id c3)') }),
  ]);
});

test('after a step whose id is invalid, every step’s errors name that step, its own errors included', async () => {
  const path = join(empty, 'bad-id.yaml');
  writeFileSync(
    path,
    [
      'name: x',
      'timezone: America/New_York',
      'help: "X. Reply STOP to opt out."',
      'steps:',
      '  - id: intro',
      '    message: "Hi, x here! Reply STOP to opt out."',
      '    wait: 2d',
      '  - id: Follow-Up',
      '    message: "Still keen {{first_name"',
      '    wait: 3 days',
      '  - just a line', // not a step at all
      '  - id: last',
      '    message: "Last note."',
      '    wait: 2d',
      '    on_timeout: { goto: nowhere }',
      '',
    ].join('\n'),
  );
  const r = await check(['--funnel', path, '--data-dir', empty]);
  expect(r.code).toBe(65);
  const lines = r.stderr.trim().split('\n');
  expect(r.stderr).toContain('bad-id.yaml:8: steps[1].id: step id "Follow-Up" is not a valid name');
  // the invalid step's own mistakes, at its own lines
  expect(lines).toContainEqual(expect.stringMatching(/bad-id\.yaml:9: steps\[1\]\.message: unclosed "\{\{"/));
  expect(lines).toContainEqual(
    expect.stringMatching(/bad-id\.yaml:10: steps\[1\]\.wait: "3 days" is not a duration/),
  );
  // the step after the invalid ones is named as itself
  expect(lines).toContainEqual(
    expect.stringMatching(/bad-id\.yaml:15: steps\.last\.on_timeout\.goto: goto "nowhere": there is no step/),
  );
  // nothing is blamed on the step before the one it is about
  expect(lines.filter((l) => l.includes('steps.intro') || l.includes('steps[1].on_timeout'))).toEqual([]);
  expect(lines).toContainEqual(
    expect.stringMatching(/bad-id\.yaml:11: steps\[2\]: a step must be a mapping/),
  );
});

test('the UCS-2 warning blames the template’s own ’ with step, character and position, and contacts only for their own names', async () => {
  const data = mkdtempSync(join(tmpdir(), 'check-ucs-'));
  writeFileSync(
    join(data, 'contacts.csv'),
    'id,phone,first_name,last_name,state,next_action_at\nc1,+12125550100,Ann,Lee,intro,\nc2,+12125550101,Zoë,Kim,intro,\n',
  );
  const checkWith = (message: string) => {
    const path = join(data, 'funnel.yaml');
    writeFileSync(
      path,
      `name: x\ntimezone: America/New_York\nhelp: "X. Reply STOP to opt out."\nsteps:\n  - id: intro\n    message: "${message}"\n    wait: 2d\n`,
    );
    return check(['--funnel', path, '--data-dir', data]);
  };
  const own = await checkWith('Hi {{first_name|there}}, it’s Dana. Reply STOP to opt out.');
  expect(own.code).toBe(0);
  expect(own.stderr).toContain(
    'funnel.yaml:6: steps.intro.message: the message of step "intro" itself has "’" (U+2019) at character 28',
  );
  expect(own.stderr).toContain(`write ' for "’"`);
  expect(own.stderr).not.toMatch(/contacts?\b.*UCS-2|names of some contacts/);

  const names = await checkWith('Hi {{first_name|there}}, it is Dana. Reply STOP to opt out.');
  expect(names.code).toBe(0);
  expect(names.stderr).not.toContain('itself has');
  expect(names.stderr).toContain(
    'steps.intro.message: {{first_name}} of 1 contact (id c2) holds characters outside GSM-7 such as "ë" (U+00EB)',
  );
});
