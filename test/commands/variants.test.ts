/**
 * A/B variants through the built binary: `send --dry-run` shows which variant each contact would
 * get, `send` texts it and records it in messages.csv, a rerun picks the same; the figures per
 * variant reach `status --json` and the summary.
 */

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { pickVariant } from '../../src/core/funnel/index.js';
import { enrolled, example, makeWorld, OUR_NUMBER, type World } from './world.js';

let world: World;
afterEach(async () => {
  await world?.close();
});

const A =
  "Hi {{first_name|there}}, it's Dana from Brightside Solar. Want a free quote for solar on your home? Reply YES for details, STOP to opt out.";
const B =
  'Dana at Brightside Solar here: homes near you save 20-40% with solar. Free quote? Reply YES, or STOP to opt out.';
const INTRO = `    message: "${A}"\n`;
const withVariants = example.replace(
  INTRO,
  `    variants:\n      - id: a\n        message: "${A}"\n      - id: b\n        message: "${B}"\n`,
);
const variantOf = (id: string) =>
  pickVariant(
    {
      id: 'intro',
      variants: [
        { id: 'a', message: A },
        { id: 'b', message: B },
      ],
    },
    id,
  )?.id;

describe('a step with variants', () => {
  test("the dry run names each contact's variant; send texts it and logs it; a rerun picks the same", async () => {
    expect(withVariants).not.toBe(example);
    world = await makeWorld({ funnel: withVariants });
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    await world.seed(ids.map((id) => enrolled(id)));

    const dry = await world.run(['send', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as {
      sends: { contact: string; variant: string | null; text: string }[];
    };
    expect(plan.sends.map((s) => [s.contact, s.variant])).toEqual(ids.map((id) => [id, variantOf(id)]));
    expect(new Set(plan.sends.map((s) => s.variant))).toEqual(new Set(['a', 'b']));
    const shown = await world.run(['send', '--dry-run']);
    expect(shown.stdout).toContain(`#1 +12125550001 intro variant ${variantOf('1')}`);

    const real = await world.run(['send']);
    expect(real.code, real.stderr).toBe(0);
    const sent = (await world.messages()).filter((m) => m.event === 'sent');
    // texts go several at a time, so the log is in the order Twilio answered, not by contact
    const byContact = sent
      .map((m) => [m.contact_id, m.step, m.variant])
      .sort((x, y) => Number(x[0]) - Number(y[0]));
    expect(byContact).toEqual(ids.map((id) => [id, 'intro', variantOf(id)]));
    for (const m of sent)
      expect(m.body.startsWith(m.variant === 'a' ? `Hi Name${m.contact_id},` : 'Dana at Brightside')).toBe(
        true,
      );
    for (const s of plan.sends) expect(sent.find((m) => m.contact_id === s.contact)?.body).toBe(s.text);

    // the same contacts in a fresh data folder: the same variants (the pick is the contact id's)
    const again = await makeWorld({ funnel: withVariants });
    try {
      await again.seed(ids.map((id) => enrolled(id)));
      expect((await again.run(['send'])).code).toBe(0);
      const variants = (log: typeof sent) =>
        log.map((m) => [m.contact_id, m.variant]).sort((x, y) => Number(x[0]) - Number(y[0]));
      expect(variants((await again.messages()).filter((m) => m.event === 'sent'))).toEqual(variants(sent));
    } finally {
      await again.close();
    }
  });

  test('check lists each variant with its segments and refuses a funnel with a variant id twice', async () => {
    world = await makeWorld({ funnel: withVariants });
    const ok = await world.run(['check', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const texts = (JSON.parse(ok.stdout) as { texts: { key: string; variant: string | null }[] }).texts;
    expect(texts.filter((t) => t.key === 'intro').map((t) => t.variant)).toEqual(['a', 'b']);

    const { writeFileSync } = await import('node:fs');
    writeFileSync(world.funnelFile, withVariants.replace('      - id: b', '      - id: a'));
    const bad = await world.run(['send']);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(
      /funnel\.yaml:\d+: steps\.intro\.variants\.a\.id: duplicate variant id "a" in step "intro"/,
    );
  });

  test('status --json and the summary show per variant: sent, reply, interested and opt-out rates, how sure, and cost', {
    timeout: 60_000,
  }, async () => {
    world = await makeWorld({ funnel: withVariants });
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    await world.seed(ids.map((id) => enrolled(id)));
    expect((await world.run(['send'])).code).toBe(0);
    // contacts 1-4 answer YES, 5 writes STOP; 1-6's texts are delivered (Twilio prices them)
    const phone = (id: string) => `+1212555${id.padStart(4, '0')}`;
    world.later(30 * 60_000);
    for (const id of ['1', '2', '3', '4'])
      world.server.injectInbound({ from: phone(id), to: OUR_NUMBER, body: 'Yes', at: world.now });
    world.server.injectInbound({ from: phone('5'), to: OUR_NUMBER, body: 'STOP', at: world.now });
    for (const id of ['1', '2', '3', '4', '5', '6'])
      world.server.setStatus(world.outbound(phone(id))[0]?.sid as string, 'delivered');
    world.later(60_000);
    for (const command of ['poll-replies', 'categorize']) {
      const r = await world.run([command]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    }
    const expected = (v: string) => {
      const mine = ids.filter((id) => variantOf(id) === v);
      return {
        id: v,
        sent: mine.length,
        replied: mine.filter((id) => ['1', '2', '3', '4', '5'].includes(id)).length,
        interested: mine.filter((id) => ['1', '2', '3', '4'].includes(id)).length,
        optedOut: mine.filter((id) => id === '5').length,
        priced: mine.filter((id) => ['1', '2', '3', '4', '5', '6'].includes(id)).length,
      };
    };

    const status = await world.run(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    type Figures = {
      id: string;
      sent: number;
      replied: number;
      interested: number;
      optedOut: number;
      interestedRate: number | null;
      cost: {
        reported: Record<string, number>;
        reportedTexts: number;
        estimatedTexts: number;
        estimatedUsd: number;
      };
    };
    const json = JSON.parse(status.stdout) as {
      variants: { step: string; variants: Figures[]; verdict: string | null; p: number | null }[];
      costByDay: { day: string; texts: number; cost: Figures['cost'] }[];
    };
    expect(json.variants.map((s) => s.step)).toEqual(['intro']);
    const [intro] = json.variants;
    for (const v of ['a', 'b']) {
      const want = expected(v);
      const got = intro?.variants.find((x) => x.id === v);
      expect([got?.sent, got?.replied, got?.interested, got?.optedOut]).toEqual([
        want.sent,
        want.replied,
        want.interested,
        want.optedOut,
      ]);
      expect(got?.interestedRate).toBeCloseTo(want.interested / want.sent, 4);
      expect(got?.cost.reportedTexts).toBe(want.priced);
      expect(got?.cost.reported.USD ?? 0).toBeCloseTo(0.0079 * want.priced, 6);
      expect(got?.cost.estimatedTexts).toBe(want.sent - want.priced);
    }
    expect(intro?.verdict).toMatch(
      /^[ab]'s interested rate \(\d+%\) is higher than [ab]'s \(\d+%\); with these numbers that could be chance \(p = [\d.]+\)$/,
    );
    const today = json.costByDay.at(-1);
    expect(today).toMatchObject({ day: '2026-12-01', texts: 12 });
    expect(today?.cost.reportedTexts).toBe(6);
    expect(today?.cost.estimatedTexts).toBe(6);
    expect(today?.cost.estimatedUsd).toBeCloseTo(6 * 0.0083, 6);
    const human = await world.run(['status']);
    expect(human.stdout).toContain('A/B variants of intro');
    expect(human.stdout).toMatch(
      /Cost, last 7 days: \$0\.047 \(Twilio's price, 6 texts\) \+ about \$0\.050 ESTIMATED for 6 texts/,
    );

    const summary = await world.run(['summarize', '--dry-run', '--json']);
    expect(summary.code, summary.stderr).toBe(0);
    const dry = JSON.parse(summary.stdout) as {
      html: string;
      summary: { variants: { step: string; variants: { id: string; sent: number }[] }[] };
    };
    expect(dry.summary.variants[0]?.variants.map((v) => [v.id, v.sent])).toEqual(
      ['a', 'b'].map((v) => [v, expected(v).sent]),
    );
    const html = readFileSync(dry.html, 'utf8');
    expect(html).toContain('A/B variants of step intro');
    expect(html).toContain('Cost of the texts');
    expect(html).toContain('ESTIMATED for 6 texts');
    const eml = readFileSync(dry.html.replace(/html$/, 'eml'), 'utf8');
    expect(eml).toContain('filename=ab-variants-2026-12-01.csv');
  });
});
