import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Output } from '../src/adapters/output.js';
import { openDataDir } from '../src/adapters/store/index.js';
import { run } from '../src/commands/status.js';
import { CONTACT_COLUMNS, type Contact, contactRow, messageRow } from '../src/core/model.js';
import { funnelStatus } from '../src/core/status.js';
import { runCli } from './helpers/cli.js';

const NOW = '2026-12-01T17:00:00Z';
let root: string;
let savedNow: string | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'smsfunnel-status-'));
  savedNow = process.env.SMSFUNNEL_NOW;
  process.env.SMSFUNNEL_NOW = NOW;
});
afterEach(() => {
  if (savedNow === undefined) delete process.env.SMSFUNNEL_NOW;
  else process.env.SMSFUNNEL_NOW = savedNow;
  rmSync(root, { recursive: true, force: true });
});

function memory(isTTY = false): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

async function status(dataDir: string, json: boolean) {
  const stdout = memory();
  const stderr = memory();
  const out = new Output({ json, verbose: false, stdout, stderr });
  const code = await run({ options: { dataDir, dryRun: false, json, verbose: false }, out });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const c = (id: string, fields: Partial<Contact>) =>
  contactRow({ id, phone: `+1555000${id.padStart(4, '0')}`, ...fields });

async function seed(dir: string): Promise<void> {
  const data = await openDataDir({ dir, lockWaitSeconds: 1 });
  await data.saveContacts({
    headers: [...CONTACT_COLUMNS],
    rows: [
      c('1', { state: 'waiting', category: 'interested', next_action_at: '2026-12-01T16:00:00Z' }),
      c('2', { state: 'waiting', next_action_at: '2026-12-01T17:00:00Z' }),
      c('3', { state: 'waiting', next_action_at: '2026-12-02T09:00:00Z' }),
      c('4', { state: 'done', category: 'interested', next_action_at: '2026-12-02T09:00:00Z' }),
      c('5', {
        state: 'stopped',
        category: 'opt_out',
        opted_out_at: '2026-11-30T10:00:00Z',
        next_action_at: '2026-11-30T10:00:00Z',
      }),
      c('6', { next_action_at: '2026-12-03T09:00:00Z' }),
      c('7', { next_action_at: '2026-12-04T09:00:00Z' }),
      c('8', { next_action_at: '2026-12-05T09:00:00Z' }),
      c('9', { next_action_at: '2026-12-06T09:00:00Z' }),
      c('10', { next_action_at: '2026-12-07T09:00:00Z' }),
    ],
  });
  await data.appendMessages([
    messageRow({
      logged_at: '2026-12-01T08:00:00Z',
      event: 'sent',
      sid: 'SM1',
      direction: 'outbound',
      status: 'queued',
    }),
    messageRow({ logged_at: '2026-12-01T08:00:00Z', event: 'status', sid: 'SM1', status: 'delivered' }),
    messageRow({ logged_at: '2026-12-01T08:00:00Z', event: 'sent', sid: 'SM2', direction: 'outbound' }),
    messageRow({
      logged_at: '2026-12-01T08:00:00Z',
      event: 'received',
      sid: 'SM3',
      direction: 'inbound',
      body: 'yes',
    }),
    messageRow({ logged_at: '2026-12-01T08:00:00Z', event: 'category', sid: 'SM3', category: 'interested' }),
  ]);
  await data.close();
}

describe('smsfunnel status', () => {
  test('--json: counts by state and category, opt-outs, due now and the next five times', async () => {
    const dir = join(root, 'data');
    await seed(dir);
    const { code, stdout } = await status(dir, true);
    expect(code).toBe(0);
    const { sinceLastSummary, variants, costByDay, ...report } = JSON.parse(stdout);
    // no step with A/B variants here; the cost of the last 7 days, by day
    expect(variants).toEqual([]);
    expect(costByDay).toHaveLength(7);
    expect(sinceLastSummary).toMatchObject({
      sent: 2,
      delivered: 1,
      replies: 1,
      repliesByCategory: { interested: 1 },
    });
    expect(report).toEqual({
      contacts: 10,
      byState: { '(none)': 5, waiting: 3, done: 1, stopped: 1 },
      byCategory: { '(none)': 7, interested: 2, opt_out: 1 },
      optedOut: 1,
      senderHold: null,
      dueNow: 2,
      upcoming: [
        { at: '2026-12-02T09:00:00Z', count: 2 },
        { at: '2026-12-03T09:00:00Z', count: 1 },
        { at: '2026-12-04T09:00:00Z', count: 1 },
        { at: '2026-12-05T09:00:00Z', count: 1 },
        { at: '2026-12-06T09:00:00Z', count: 1 },
      ],
      messages: { outbound: 2, inbound: 1 },
    });
    expect(Object.keys(report.byState)).toEqual(['(none)', 'waiting', 'done', 'stopped']);
  });

  test('plain text under cron: aligned, no colour codes, and it took no lock', async () => {
    const dir = join(root, 'data');
    await seed(dir);
    const holder = await openDataDir({ dir, lockWaitSeconds: 1 }); // a cron run is busy: status still works
    const { code, stdout } = await status(dir, false);
    await holder.close();
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/^10 contacts in .*: 1 opted out, 2 messages sent, 1 received/);
    expect(stdout).toContain('By state\n  (none)   5\n  waiting  3\n  done     1\n  stopped  1\n');
    expect(stdout).toContain('  now                   2\n');
    // No funnel file here, so no team zone: times are shown in UTC, readably.
    expect(stdout).toContain('  2026-12-02 09:00 UTC  2\n');
  });

  test('run from a folder with no data folder: said, exit 66, nothing created (not "0 contacts")', async () => {
    for (const json of [[], ['--json']]) {
      const r = await runCli(['status', ...json], { cwd: root });
      expect(r.code).toBe(66);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`there is no data folder at ${join(root, 'data')}`);
      expect(r.stderr).toContain('--data-dir');
    }
    expect(existsSync(join(root, 'data'))).toBe(false);
  });
});

describe('funnelStatus (pure)', () => {
  const now = new Date(NOW);
  test.each([
    ['due exactly now counts as due', [c('1', { next_action_at: NOW })], { dueNow: 1, upcoming: [] }],
    [
      'an opted-out contact is never due',
      [c('1', { next_action_at: NOW, opted_out_at: NOW })],
      { dueNow: 0, optedOut: 1 },
    ],
    ['no next action: neither due nor upcoming', [c('1', {})], { dueNow: 0, upcoming: [] }],
    [
      'times in other zones are grouped by instant',
      [
        c('1', { next_action_at: '2026-12-02T09:00:00Z' }),
        c('2', { next_action_at: '2026-12-02T04:00:00-05:00' }),
      ],
      { upcoming: [{ at: '2026-12-02T09:00:00Z', count: 2 }] },
    ],
  ])('%s', (_name, contacts, expected) => {
    expect(funnelStatus(contacts, [], now)).toMatchObject(expected);
  });
});
