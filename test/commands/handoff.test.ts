/**
 * A person takes over (issue #14), end to end: the inbox of replies waiting for a person (through
 * the built binary), a contact's thread, dismiss, and resume back into the funnel (in-process).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { STATE } from '../../src/core/state-files.js';
import { enrolled, HOUR, makeWorld, OUR_NUMBER, resultLine, texts, type World } from '../helpers/world.js';

let world: World;
afterEach(async () => {
  await world?.close();
});

const ANN = '+12125550701';
const BO = '+12125550702';

async function twoWaiting(runs: 'binary' | 'in-process' = 'in-process'): Promise<void> {
  world = await makeWorld({ runs });
  await world.seed([
    enrolled('1', { phone: ANN, first_name: 'Ann', last_name: 'Lee' }),
    enrolled('2', { phone: BO, first_name: 'Bo' }),
  ]);
  expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 0, failed 0');
  world.later(HOUR);
  world.server.injectInbound({ from: ANN, to: OUR_NUMBER, body: 'How much does it cost?', at: world.now });
  world.later(30 * 60_000);
  world.server.injectInbound({ from: BO, to: OUR_NUMBER, body: 'zxq vbn', at: world.now });
  world.later(60_000);
  await world.run(['poll-replies']);
  expect(resultLine(await world.run(['categorize']))).toMatch(/question 1/);
  world.later(2 * HOUR);
}

describe('inbox, thread, dismiss, resume', () => {
  test('the inbox lists the waiting replies oldest first, with the step answered and the wait', async () => {
    await twoWaiting('binary');
    const r = await world.run(['inbox']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /#1 Ann Lee \(\+12125550701\), waiting 2 h 31 min since .*answering intro \[question\]\n {4}"How much does it cost\?"/,
    );
    expect(r.stdout.indexOf('#1 Ann')).toBeLessThan(r.stdout.indexOf('#2 Bo'));
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^2 replies wait for a person/);
    const json = JSON.parse((await world.run(['inbox', '--json'])).stdout);
    expect(json.items.map((i: { contactId: string; category: string }) => [i.contactId, i.category])).toEqual(
      [
        ['1', 'question'],
        ['2', 'other'],
      ],
    );
  });

  test('thread shows both directions in the funnel’s zone, with category and delivery result', async () => {
    await twoWaiting();
    const r = await world.run(['thread', ANN]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('#1 Ann Lee (+12125550701), done.needs_human');
    expect(lines[1]).toMatch(/^ {2}2026-12-01 12:00 .*→ \[intro\] Hi Ann, it's Dana/);
    expect(lines[2]).toMatch(/← \[question\] How much does it cost\?$/);
    expect(lines.at(-1)).toBe('2 message(s) with contact 1');
    // SUMMARY_TIMEZONE: the team reads times in its own zone
    const chicago = await world.run(['thread', ANN], { env: { SUMMARY_TIMEZONE: 'America/Chicago' } });
    expect(chicago.stdout).toMatch(/2026-12-01 11:00 CST .*→ \[intro\]/);
    const bad = await world.run(['thread', ANN], { env: { SUMMARY_TIMEZONE: 'Mars/Base' } });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toContain('SUMMARY_TIMEZONE is "Mars/Base"');
    expect((await world.run(['thread', '99'])).code).toBe(64);
  });

  test('dismiss takes the replies out; resume --step hands the contact back and the step goes out once', async () => {
    await twoWaiting();
    expect(resultLine(await world.run(['dismiss', BO]))).toBe('dismissed 1 waiting reply of contact 2');
    expect((await world.run(['inbox'])).stdout).not.toContain('#2 Bo');

    expect((await world.run(['resume', '1'])).code).toBe(64); // --step or --outcome
    const r = await world.run(['resume', '1', '--step', 'follow_up']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toBe(
      'contact 1 goes back to the funnel: its follow_up text goes out at the next send; 1 waiting reply closed',
    );
    expect(resultLine(await world.run(['inbox']))).toBe('the inbox is empty: no reply waits for a person');
    expect(resultLine(await world.run(['send']))).toBe('sent 1, skipped 0, failed 0');
    expect(world.outbound(ANN).map((m) => m.body)).toEqual([texts.intro('Ann'), texts.follow_up('Ann')]);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 0/);

    const hot = await world.run(['resume', BO, '--outcome', 'hot']);
    expect(hot.code, hot.stderr).toBe(0);
    expect((await world.contact('2')).state).toBe('done.hot');
    expect((await world.run(['resume', BO, '--outcome', 'nowhere'])).code).toBe(64);
  });

  test("HELP waits in the inbox until something answers it: the funnel's help text closes it", async () => {
    await twoWaiting();
    world.server.injectInbound({ from: ANN, to: OUR_NUMBER, body: 'HELP', at: world.now });
    world.later(60_000);
    await world.run(['poll-replies']);
    await world.run(['categorize']);
    expect((await world.run(['inbox'])).stdout).toMatch(/#1 Ann Lee .*\[help\]/);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 1,/); // the example funnel answers HELP itself
    expect((await world.run(['inbox'])).stdout).not.toMatch(/\[help\]/);
  });

  test('reply: one text from a person, once, logged as step person; the funnel pauses for the contact until resume', async () => {
    await twoWaiting();
    const r = await world.run(['reply', BO, 'Hi Bo, Dana here: did you mean to write that?']);
    expect(r.code, r.stderr).toBe(0);
    expect(resultLine(r)).toMatch(
      /^texted contact 2 \(\+12125550702\) \(SM[0-9a-f]{32}\); a person handles it now/,
    );
    expect(world.outbound(BO).map((m) => m.body)).toEqual([
      texts.intro('Bo'),
      'Hi Bo, Dana here: did you mean to write that?',
    ]);
    expect(
      (await world.messages()).filter((m) => m.event === 'sent' && m.to === BO).map((m) => m.step),
    ).toEqual(['intro', 'person']);
    expect((await world.run(['inbox'])).stdout).not.toContain('#2 Bo'); // answered
    // Bo answers "yes": logged, but the funnel does not route it; days on, it sends him nothing
    world.later(HOUR);
    world.server.injectInbound({ from: BO, to: OUR_NUMBER, body: 'yes', at: world.now });
    world.later(60_000);
    await world.run(['poll-replies']);
    expect(resultLine(await world.run(['categorize']))).toMatch(/logged, not routed/);
    world.later(3 * 24 * HOUR);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 0/);
    expect(world.outbound(BO)).toHaveLength(2);
    // handed back: the follow-up goes, once
    expect((await world.run(['resume', BO, '--step', 'follow_up'])).code).toBe(0);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 1,/);
    expect(world.outbound(BO).at(-1)?.body).toBe(texts.follow_up('Bo'));
  });

  test('reply refuses an opted-out number and the night; --now widens to the law, never past it', async () => {
    await twoWaiting();
    world.server.injectInbound({ from: ANN, to: OUR_NUMBER, body: 'STOP', at: world.now });
    world.later(60_000);
    await world.run(['poll-replies']);
    await world.run(['categorize']);
    const out = await world.run(['reply', ANN, 'Sorry to see you go']);
    expect(out.code).toBe(65);
    expect(out.stderr).toMatch(/opted out: it is never texted again/);
    world.at('2026-12-02T01:30:00Z'); // 20:30 in New York: past the funnel's 20:00
    const late = await world.run(['reply', BO, 'Still there?']);
    expect(late.code).toBe(64);
    expect(late.stderr).toMatch(/outside its sending window.*add --now/s);
    expect((await world.run(['reply', BO, 'Still there?', '--now'])).code).toBe(0);
    world.at('2026-12-02T02:30:00Z'); // 21:30: past federal law's 21:00
    const night = await world.run(['reply', BO, 'Hello?', '--now']);
    expect(night.code).toBe(64);
    expect(night.stderr).toMatch(/federal law|the law/);
    expect(world.outbound(BO).map((m) => m.body)).toEqual([texts.intro('Bo'), 'Still there?']);
  });

  test("reply keeps the law of the contact's state: a fourth text in 24 hours to Florida waits", async () => {
    world = await makeWorld({ runs: 'in-process' });
    await world.seed([enrolled('1', { phone: '+13055550711', first_name: 'Flo' })]);
    const texted = ['2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z', '2026-12-01T16:00:00Z'];
    await world.writeState(STATE.recentTexts, { '1': texted });
    const r = await world.run(['reply', '1', 'One more thing', '--now']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/Florida law .* at most 3 texts in 24 hours; the next may go 2026-12-02 09:00/);
    expect(world.outbound()).toEqual([]);
  });
});
