import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compileFunnel, validateFunnel } from '../../src/core/funnel/index.js';
import { contactRow } from '../../src/core/model.js';
import { isDue, nextWake, planSends, RECHECK_MS } from '../../src/core/send-plan.js';

const { funnel } = validateFunnel(
  parse(readFileSync(new URL('../../funnel.example.yaml', import.meta.url), 'utf8')),
);
if (funnel === undefined) throw new Error('the example funnel must be valid');
const compiled = compileFunnel(funnel);
const now = new Date('2026-12-01T17:00:00Z'); // 12:00 in New York, 09:00 in Los Angeles
const ny = (id: string, fields: Record<string, string> = {}) =>
  contactRow({
    id,
    phone: `+1212555${id.padStart(4, '0')}`,
    first_name: 'Ann',
    state: 'start',
    next_action_at: '2026-12-01T16:00:00Z',
    ...fields,
  });

describe('who is due', () => {
  test.each([
    ['due since an hour', {}, true],
    ['due in an hour', { next_action_at: '2026-12-01T18:00:00Z' }, false],
    ['no next action', { next_action_at: '' }, false],
    ['opted out', { opted_out_at: '2026-11-30T10:00:00Z' }, false],
    ['unusable number', { error: 'unusable number: Twilio 21211' }, false],
  ])('%s', (_name, fields, due) => {
    expect(isDue(ny('1', fields), now)).toBe(due);
  });
});

describe('the plan', () => {
  test('a reply waiting for categorize holds the contact back; the others get their step', () => {
    const plan = planSends({
      funnel,
      compiled,
      contacts: [ny('1'), ny('2')],
      now,
      awaitingCategorize: new Set(['2']),
    });
    expect(plan.sends.map((s) => [s.contact.id, s.key])).toEqual([['1', 'intro']]);
    expect(plan.skipped.map((s) => [s.contact.id, s.reason])).toEqual([['2', 'awaiting_reply']]);
  });

  test('a text over 1,600 characters is skipped with the reason, not sent', () => {
    const plan = planSends({
      funnel,
      compiled,
      contacts: [ny('1', { first_name: 'A'.repeat(2000) })],
      now,
      awaitingCategorize: new Set(),
    });
    expect(plan.sends).toEqual([]);
    expect(plan.skipped[0]?.detail).toMatch(
      /comes to \d+ characters for this contact; Twilio takes at most 1600/,
    );
  });

  test('--limit sends the oldest due first and leaves the rest for the next run', () => {
    const contacts = [
      ny('1', { next_action_at: '2026-12-01T16:30:00Z' }),
      ny('2', { next_action_at: '2026-12-01T15:00:00Z' }),
    ];
    const plan = planSends({ funnel, compiled, contacts, now, awaitingCategorize: new Set(), limit: 1 });
    expect(plan.sends.map((s) => s.contact.id)).toEqual(['2']);
    expect(plan.deferred).toBe(1);
  });
});

describe('the next wake-up', () => {
  test('the earliest of: a next action to come, a window opening, an hourly recheck', () => {
    const la = contactRow({
      id: '9',
      phone: '+14155550142',
      state: 'start',
      next_action_at: '2026-12-01T15:00:00Z',
    });
    const early = new Date('2026-12-01T15:30:00Z'); // 07:30 in Los Angeles
    const plan = planSends({ funnel, compiled, contacts: [la], now: early, awaitingCategorize: new Set() });
    expect(plan.skipped[0]?.reason).toBe('quiet_hours');
    expect(nextWake([la], plan.skipped, [], early)?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    const later = ny('3', { next_action_at: '2026-12-05T10:00:00Z' });
    expect(nextWake([later], [], [], now)?.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    const broken = { contact: ny('4'), reason: 'template' as const, detail: '' };
    expect(nextWake([later, broken.contact], [broken], [], now)?.getTime()).toBe(now.getTime() + RECHECK_MS);
    expect(nextWake([ny('5', { next_action_at: '' })], [], [], now)).toBeNull();
  });
});
