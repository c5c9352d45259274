/**
 * A/B variants through the built binary: `send --dry-run` shows which variant each contact would
 * get, `send` texts it and records it in messages.csv, a rerun picks the same; the figures per
 * variant reach `status --json` and the summary.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { pickVariant } from '../../src/core/funnel/index.js';
import { enrolled, example, makeWorld, type World } from './world.js';

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
    expect(sent.map((m) => [m.contact_id, m.step, m.variant])).toEqual(
      ids.map((id) => [id, 'intro', variantOf(id)]),
    );
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
      expect((await again.messages()).filter((m) => m.event === 'sent').map((m) => m.variant)).toEqual(
        sent.map((m) => m.variant),
      );
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
});
