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
  expect(r.stdout).toMatch(/1 step, 3 errors, 1 warning/);
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
