/** A/B variants in the funnel file: what the reader accepts and refuses, and which variant a contact gets. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, readFunnelFile } from '../../src/adapters/funnel-file.js';
import { checkContacts, compileFunnel, pickVariant, textStats } from '../../src/core/funnel/index.js';
import { contactRow } from '../../src/core/model.js';
import { planSends } from '../../src/core/send-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'funnel-variants-'));
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
    variants:
      - id: a
        message: "Hi {{first_name|there}}, Test here. Reply STOP to opt out."
      - id: b
        message: "Hello {{first_name|there}}! Test has a quote for you. Reply STOP to opt out."
    wait: 2d
  - id: follow_up
    message: "Still there?"
    wait: 3d
routes:
  interested: { send: "Great", outcome: hot }
`;
const broken = (from: string, to: string) => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

test('a step with variants reads as one step with a text per variant', async () => {
  const { funnel, problems } = await readFunnelFile(write(GOOD));
  expect(problems).toEqual([]);
  const intro = funnel?.steps[0];
  expect(intro?.variants?.map((v) => v.id)).toEqual(['a', 'b']);
  expect(
    textStats(funnel as never)
      .filter((t) => t.key === 'intro')
      .map((t) => t.variant),
  ).toEqual(['a', 'b']);
});

describe('mistakes in variants, each at its line', () => {
  test.each([
    [
      'message and variants both',
      broken('    variants:\n', '    message: "Hi"\n    variants:\n'),
      8,
      'has both "message" and "variants"',
    ],
    [
      'duplicate variant id',
      broken('      - id: b', '      - id: a'),
      9,
      'duplicate variant id "a" in step "intro"',
    ],
    [
      'variant without message',
      broken('        message: "Hello', '        mesage: "Hello'),
      10,
      'unknown key "mesage"',
    ],
    [
      'variant id not a name',
      broken('      - id: b', '      - id: B two'),
      9,
      'variant id "B two" is not a valid name',
    ],
    [
      'only one variant',
      broken(
        '      - id: b\n        message: "Hello {{first_name|there}}! Test has a quote for you. Reply STOP to opt out."\n',
        '',
      ),
      7,
      'a comparison needs at least two',
    ],
    [
      'variants not a list',
      broken('    variants:\n      - id: a', '    variants: x\n    old:\n      - id: a'),
      6,
      'variants must be a list',
    ],
    [
      'a template mistake in a variant',
      broken('Hello {{first_name|there}}!', 'Hello {{first_name!'),
      10,
      'unclosed "{{"',
    ],
  ])('%s', async (_name, text, line, message) => {
    const { problems, funnel } = await readFunnelFile(write(text));
    expect(funnel).toBeUndefined();
    const hit = problems.find((p) => p.severity === 'error' && p.message.includes(message));
    expect(hit, JSON.stringify(problems.map(formatProblem))).toBeDefined();
    expect(hit?.line).toBe(line);
  });
});

describe('each variant of the first step gets the first-message checks and the cost checks', () => {
  test.each([
    [
      'no STOP',
      broken('Test has a quote for you. Reply STOP to opt out.', 'Test has a quote for you.'),
      10,
      'variant "b" of the first message does not say how to opt out',
    ],
    [
      'no sender name',
      broken('Hello {{first_name|there}}! Test has', 'Hello {{first_name|there}}! We have'),
      10,
      'variant "b" of the first message does not name the sender',
    ],
    [
      'a curly quote',
      broken('Test has a quote', 'Test\u2019s got a quote'),
      10,
      'variant "b" of step "intro" itself has "\u2019"',
    ],
    [
      'over 3 segments',
      broken('Test has a quote for you.', `Test ${'x'.repeat(500)}.`),
      10,
      '4 segments long',
    ],
  ])('%s', async (_name, text, line, message) => {
    const { problems, funnel } = await readFunnelFile(write(text));
    expect(funnel).toBeDefined();
    const hit = problems.find((p) => p.severity === 'warning' && p.message.includes(message));
    expect(hit, JSON.stringify(problems.map(formatProblem))).toBeDefined();
    expect(hit?.line).toBe(line);
    expect(formatProblem(hit as never)).toContain('steps.intro.variants.b.message');
  });

  test('a field some contacts lack, in one variant only, is an error naming them', async () => {
    const { funnel } = await readFunnelFile(
      write(broken('Hello {{first_name|there}}!', 'Hello {{company}}!')),
    );
    const problems = checkContacts(funnel as never, [contactRow({ id: 'c1', state: 'start' })]);
    expect(problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['steps.0.variants.1.message', '{{company}} is empty for 1 of 1 contacts (id c1)'],
    ]);
  });
});

describe('which variant a contact gets', () => {
  const step = {
    id: 'intro',
    variants: [
      { id: 'a', message: 'A' },
      { id: 'b', message: 'B' },
    ],
  };
  test('the same every time for the same contact, and each step picks on its own', () => {
    for (const id of ['1', 'c17', 'f3a9c1', '10001'])
      expect(pickVariant(step, id)).toEqual(pickVariant({ ...step }, id));
    const ids = Array.from({ length: 200 }, (_, i) => String(i + 1));
    const here = ids.map((id) => pickVariant(step, id)?.id).join('');
    const there = ids.map((id) => pickVariant({ ...step, id: 'follow_up' }, id)?.id).join('');
    expect(here).not.toBe(there);
  });

  test.each([2, 3])('close to even over 1,000 sequential ids, %i variants', (k) => {
    const variants = Array.from({ length: k }, (_, i) => ({ id: `v${i}`, message: String(i) }));
    const counts = new Map<string, number>();
    for (let i = 1; i <= 1000; i++) {
      const v = pickVariant({ id: 'intro', variants }, String(i))?.id ?? '';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.size).toBe(k);
    // a fair coin stays within ±5% of its share over 1,000 draws (more than 3 standard deviations)
    for (const c of counts.values()) expect(Math.abs(c - 1000 / k)).toBeLessThan(50);
  });

  test('the plan sends each contact its variant, rendered, and names it', async () => {
    const { funnel } = await readFunnelFile(write(GOOD));
    const f = funnel as NonNullable<typeof funnel>;
    const contacts = Array.from({ length: 20 }, (_, i) =>
      contactRow({
        id: String(i + 1),
        phone: `+1312555${String(1000 + i)}`,
        first_name: 'Ann',
        state: 'start',
        next_action_at: '2026-12-01T16:00:00Z',
      }),
    );
    const plan = planSends({
      funnel: f,
      compiled: compileFunnel(f),
      contacts,
      now: new Date('2026-12-01T17:00:00Z'),
      awaitingCategorize: new Set(),
    });
    expect(plan.sends).toHaveLength(20);
    for (const s of plan.sends) {
      const v = pickVariant(f.steps[0] as never, s.contact.id);
      expect(s.variant).toBe(v?.id);
      expect(s.text).toBe(
        v?.id === 'a'
          ? 'Hi Ann, Test here. Reply STOP to opt out.'
          : 'Hello Ann! Test has a quote for you. Reply STOP to opt out.',
      );
    }
    expect(new Set(plan.sends.map((s) => s.variant))).toEqual(new Set(['a', 'b']));
  });
});
