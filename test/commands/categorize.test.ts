/**
 * `smsfunnel categorize` (in-process; the first test and --explain through the built binary), in cron order with `poll-replies` and `send`:
 * what each kind of reply does to the contact and to the next `send`; and the operator's tools
 * (--set, --explain, --test, --dry-run).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  DAY,
  enrolled,
  example,
  HOUR,
  makeWorld,
  OUR_NUMBER,
  resultLine,
  texts,
  type World,
} from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const ANN = '+12125550001';
const BO = '+12125550002';

/** A reply from `from`, a minute before the world's now. */
function reply(from: string, body: string): void {
  world.server.injectInbound({ from, to: OUR_NUMBER, body, at: new Date(world.now.getTime() - 60_000) });
}

/** Two contacts who got the intro at T0. */
async function introduced(funnel?: string, runs: 'binary' | 'in-process' = 'in-process'): Promise<void> {
  world = await makeWorld({ runs, ...(funnel === undefined ? {} : { funnel }) });
  await world.seed([
    enrolled('1', { phone: ANN, first_name: 'Ann' }),
    enrolled('2', { phone: BO, first_name: 'Bo' }),
  ]);
  expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 0, failed 0');
}

async function cron(): Promise<string[]> {
  const lines: string[] = [];
  for (const command of ['poll-replies', 'categorize', 'send']) {
    const r = await world.run([command]);
    expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    // as cron sees it: one line, nothing on stderr
    expect(
      r.stdout.split('\n').filter((l) => l !== ''),
      command,
    ).toHaveLength(1);
    expect(r.stderr, command).toBe('');
    lines.push(resultLine(r));
  }
  return lines;
}

const bodies = (phone: string) => world.outbound(phone).map((m) => m.body);

describe('categorize in the cron sequence', () => {
  test('a STOP polled but not yet categorized holds the contact back; once understood, never texted again', async () => {
    await introduced(undefined, 'binary');
    world.later(2 * DAY); // both are due their follow-up
    reply(ANN, 'STOP');
    expect(resultLine(await world.run(['poll-replies']))).toBe('recorded 1 reply');
    // send runs before categorize (an operator by hand, or categorize failed): Ann waits
    const early = await world.run(['send']);
    expect(resultLine(early)).toBe('sent 1, skipped 1 (awaiting reply 1), failed 0');
    expect(bodies(ANN)).toEqual([texts.intro('Ann')]);
    expect(bodies(BO)).toEqual([texts.intro('Bo'), texts.follow_up('Bo')]);

    const c = await world.run(['categorize']);
    expect(resultLine(c)).toBe('categorized 1 reply: opt_out 1');
    const ann = await world.contact('1');
    expect(ann).toMatchObject({ state: 'opted_out.intro', category: 'opt_out', next_action_at: '' });
    expect(ann.opted_out_at).not.toBe('');
    expect((await world.messages()).filter((m) => m.event === 'category')).toMatchObject([
      { contact_id: '1', category: 'opt_out' },
    ]);

    // past the waits of the sequence: Bo gets his last try, Ann nothing
    world.later(3 * DAY);
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(bodies(ANN)).toEqual([texts.intro('Ann')]);
    expect(bodies(BO)).toEqual([texts.intro('Bo'), texts.follow_up('Bo'), texts.last_try]);
  });

  test('START after STOP resubscribes: opted_out_at cleared, the contact resumes and its next step goes out when due', async () => {
    await introduced();
    world.later(HOUR);
    reply(ANN, 'STOP');
    await cron();
    expect((await world.contact('1')).state).toBe('opted_out.intro');
    world.later(DAY);
    reply(ANN, 'START');
    const lines = await cron();
    expect(lines[1]).toBe('categorized 1 reply: opt_in 1');
    const ann = await world.contact('1');
    expect(ann).toMatchObject({ state: 'intro', opted_out_at: '', category: 'opt_in' });
    // a fresh wait from the START
    expect(ann.next_action_at).toBe(
      new Date(world.now.getTime() + 2 * DAY).toISOString().replace('.000', ''),
    );
    world.later(2 * DAY);
    await cron();
    expect(bodies(ANN)).toEqual([texts.intro('Ann'), texts.follow_up('Ann')]);
  });

  test('help_reply: twilio (the default): Twilio answers HELP itself, so the funnel sends nothing and the step goes on', async () => {
    const twilioAnswers = example
      .replace(/^help_reply: funnel.*\n(^\s+#.*\n)?/m, '')
      .replace(/^\s+help:\s+\{ send_help: true \}.*\n/m, '');
    expect(twilioAnswers).not.toMatch(/help_reply|send_help/);
    await introduced(twilioAnswers);
    world.later(DAY);
    reply(ANN, 'HELP');
    const lines = await cron();
    expect(lines).toEqual(['recorded 1 reply', 'categorized 1 reply: help 1', 'sent 0, skipped 0, failed 0']);
    expect(bodies(ANN)).toEqual([texts.intro('Ann')]);
    expect(await world.contact('1')).toMatchObject({
      state: 'intro',
      next_action_at: '2026-12-03T17:00:00Z',
    });
  });

  test("YES after STOP is Twilio's opt-in keyword: resubscribed (and on the list), not read as interest; a YES before any STOP stays interested", async () => {
    await introduced();
    world.later(HOUR);
    reply(ANN, 'STOP');
    await cron();
    world.later(DAY);
    reply(ANN, 'Yes');
    reply(BO, 'YES');
    const lines = await cron();
    expect(lines[1]).toBe('categorized 2 replies: interested 1, opt_in 1');
    expect(await world.contact('1')).toMatchObject({ state: 'intro', opted_out_at: '', category: 'opt_in' });
    expect((await world.contact('2')).category).toBe('interested');
    const list = readFileSync(join(world.dataDir, 'opt-outs.csv'), 'utf8').trim().split('\n');
    expect(list.at(-1)).toMatch(new RegExp(`^\\${ANN},.*,opt_in,reply,Yes,`));
  });

  test('HELP: the help text goes out on the next send, and the step’s wait is not reset', async () => {
    await introduced();
    world.later(DAY);
    reply(ANN, 'HELP');
    const lines = await cron();
    expect(lines).toEqual(['recorded 1 reply', 'categorized 1 reply: help 1', 'sent 1, skipped 0, failed 0']);
    expect(bodies(ANN)).toEqual([texts.intro('Ann'), texts.help]);
    expect(await world.contact('1')).toMatchObject({
      state: 'intro',
      next_action_at: '2026-12-03T17:00:00Z',
    });
    world.at('2026-12-03T17:00:00Z');
    await cron();
    expect(bodies(ANN)).toEqual([texts.intro('Ann'), texts.help, texts.follow_up('Ann')]);
  });

  test('"yes" → the booking text and ask_time; then "mornings" → done.hot', async () => {
    await introduced();
    world.later(HOUR);
    reply(ANN, 'Yes please!');
    const lines = await cron();
    expect(lines).toEqual([
      'recorded 1 reply',
      'categorized 1 reply: interested 1',
      'sent 1, skipped 0, failed 0',
    ]);
    expect(bodies(ANN)).toEqual([texts.intro('Ann'), texts.interested]);
    expect(await world.contact('1')).toMatchObject({ state: 'ask_time', category: 'interested' });
    const sent = (await world.messages()).filter((m) => m.event === 'sent' && m.to === ANN).pop();
    expect(sent?.step).toBe('route:interested');

    world.later(HOUR);
    reply(ANN, 'mornings');
    const next = await cron();
    expect(next[1]).toBe('categorized 1 reply: morning 1');
    expect(await world.contact('1')).toMatchObject({
      state: 'done.hot',
      category: 'morning',
      next_action_at: '',
    });
    expect(next[2]).toBe('sent 0, skipped 0, failed 0');
    expect(bodies(ANN)).toHaveLength(2);
  });

  test('a reply from a number that is no contact is recorded with an empty contact id and counted', async () => {
    await introduced();
    reply('+13125550999', 'who is this?');
    const lines = await cron();
    expect(lines[0]).toBe('recorded 1 reply (1 from numbers that are no contact)');
    expect(lines[1]).toMatch(/^categorized 1 reply: \w+ 1 \(1 from numbers that are no contact\)$/);
    const rows = (await world.messages()).filter((m) => m.from === '+13125550999' || m.event === 'category');
    expect(rows.map((m) => [m.event, m.contact_id])).toEqual([
      ['received', ''],
      ['category', ''],
    ]);
  });
});

describe('the operator’s tools', () => {
  test('--set <phone> <category> re-routes the contact as if that reply had been understood', async () => {
    await introduced();
    // The operator corrects a little later: on the server's one-second clock, texts sent in the
    // same second would come back in SID order rather than the order they were sent.
    world.later(10 * 60_000);
    const r = await world.run(['categorize', '--set', '(212) 555-0002', 'not_interested']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe(
      `contact 2 (${BO}): category not_interested, state intro → owed.not_interested`,
    );
    await cron();
    expect(bodies(BO)).toEqual([
      texts.intro('Bo'),
      'No problem, thanks for letting us know. Have a great day!',
    ]);
    expect(await world.contact('2')).toMatchObject({ state: 'done.cold', category: 'not_interested' });

    const unknown = await world.run(['categorize', '--set', ANN, 'maybe']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('"maybe" is no category');
    const nobody = await world.run(['categorize', '--set', '+19995550000', 'interested']);
    expect(nobody.code).toBe(64);
  });

  test('--explain prints the category and why; --json gives the verdict', async () => {
    world = await makeWorld();
    const r = await world.run(['categorize', '--explain', 'maybe later']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^category: +later/m);
    expect(r.stdout).toMatch(/^because: +\S/m);
    const j = await world.run(['categorize', '--explain', 'STOP texting me', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ category: 'opt_out' });
  });

  test('--explain shows the language and the tapback; --step applies that step’s own categories', async () => {
    world = await makeWorld(IN_PROCESS);
    const tapback = await world.run([
      'categorize',
      '--explain',
      'Liked “Want a free quote? Reply STOP to opt out.”',
    ]);
    expect(tapback.code, tapback.stderr).toBe(0);
    expect(tapback.stdout).toMatch(/^reaction: +Liked/m);
    expect(tapback.stdout).toMatch(/^category: +interested/m);
    const spanish = await world.run(['categorize', '--explain', 'No me manden más mensajes']);
    expect(spanish.stdout).toMatch(/^language: +es/m);
    expect(spanish.stdout).toMatch(/^category: +opt_out/m);
    const text = 'yes, mornings are best';
    expect((await world.run(['categorize', '--explain', text])).stdout).toMatch(/^category: +interested/m);
    const asked = await world.run(['categorize', '--explain', text, '--step', 'ask_time']);
    expect(asked.stdout).toMatch(/^category: +morning/m);
    const unknown = await world.run(['categorize', '--explain', text, '--step', 'nope']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('no such step');
  });

  test('--test FILE prints accuracy and the confusion table; --json gives total, correct and rows', async () => {
    world = await makeWorld(IN_PROCESS);
    const file = join(world.root, 'labeled.csv');
    writeFileSync(
      file,
      'body,category\nYES,interested\nstop,opt_out\nnot now maybe next month,later\nmornings,interested\n',
    );
    const r = await world.run(['categorize', '--test', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^accuracy 75\.0% \(3\/4\), missed opt-outs: 0$/m);
    expect(r.stdout).toMatch(/^expected \\ got/m);
    expect(r.stdout).toContain('misclassified rows (1)');
    expect(r.stdout).toContain('interested -> morning: "mornings"');
    const j = await world.run(['categorize', '--test', file, '--json']);
    const result = JSON.parse(j.stdout) as { total: number; correct: number; rows: unknown[] };
    expect(result).toMatchObject({ total: 4, correct: 3 });
    expect(result.rows).toEqual([
      { body: 'YES', expected: 'interested', got: 'interested' },
      { body: 'stop', expected: 'opt_out', got: 'opt_out' },
      { body: 'not now maybe next month', expected: 'later', got: 'later' },
      { body: 'mornings', expected: 'interested', got: 'morning' },
    ]);
    const missing = await world.run(['categorize', '--test', join(world.root, 'nope.csv')]);
    expect(missing.code).toBe(65);
  });

  test('--explain and --test need no funnel file (built-in categories); --step still needs it', async () => {
    world = await makeWorld(IN_PROCESS);
    rmSync(world.funnelFile);
    const file = join(world.root, 'labeled.csv');
    writeFileSync(file, 'body,category\nYES,interested\nmornings,other\n');
    const r = await world.run(['categorize', '--test', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^accuracy 100\.0% \(2\/2\)/m);
    const e = await world.run(['categorize', '--explain', 'STOP pls']);
    expect(e.stdout).toMatch(/^category: +opt_out/m);
    const step = await world.run(['categorize', '--explain', 'mornings', '--step', 'ask_time']);
    expect(step.code).toBe(65);
    expect(step.stderr).toMatch(/funnel file .* not found/);
  });

  test('--dry-run shows what it would do and writes nothing', async () => {
    await introduced();
    world.later(HOUR);
    reply(ANN, 'STOP');
    reply(BO, 'yes');
    expect((await world.run(['poll-replies'])).code).toBe(0);
    const before = world.snapshot();
    const r = await world.run(['categorize', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/contact 1: opt_out — STOP/);
    expect(r.stdout).toMatch(/contact 2: interested — yes/);
    expect(resultLine(r).split('\n').pop()).toBe(
      'dry run: would categorize 2 replies: interested 1, opt_out 1 (nothing written)',
    );
    const set = await world.run(['categorize', '--set', ANN, 'interested', '--dry-run']);
    expect(set.code).toBe(0);
    expect(world.snapshot()).toEqual(before);
    expect(resultLine(await world.run(['categorize']))).toBe(
      'categorized 2 replies: interested 1, opt_out 1',
    );
  });
});
