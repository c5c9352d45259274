/** A/B figures, how sure a difference is, and what the texts cost: the pure core, against known values. */
import { describe, expect, test } from 'vitest';
import {
  addText,
  briefCost,
  type Cost,
  describeCost,
  emptyCost,
  segmentPriceFor,
} from '../../src/core/cost.js';
import type { MessageRow } from '../../src/core/model.js';
import { fisherExact, formatP, logFactorial } from '../../src/core/stats.js';
import {
  computeSummary,
  costByDay,
  escapeHtml,
  renderSummaryEmail,
  variantFigures,
} from '../../src/core/summary/index.js';
import { categorized, contact, NOW, received, sent, status } from './fixtures.js';

describe("Fisher's exact test, two-sided", () => {
  // reference values: R's fisher.test and SciPy's scipy.stats.fisher_exact on the same tables
  test.each([
    [[3, 1, 1, 3], 0.4857142857], // Fisher's tea-tasting lady
    [[1, 9, 11, 3], 0.0027594562], // Wikipedia's "Fisher's exact test" example
    [[12, 88, 8, 92], 0.4803677503],
    [[30, 470, 50, 450], 0.0262521902],
    [[300, 4700, 360, 4640], 0.0174281233], // large counts: Stirling's series past 255
    [[0, 10, 0, 12], 1],
    [[5, 0, 0, 5], 0.0079365079],
  ])('%j → p = %f', (table, p) => {
    const [a, b, c, d] = table as [number, number, number, number];
    expect(fisherExact(a, b, c, d)).toBeCloseTo(p, 8);
    // the same table read the other way round gives the same p
    expect(fisherExact(c, d, a, b)).toBeCloseTo(p, 8);
  });

  test('ln(k!) is continuous where the table hands over to the series', () => {
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 10);
    expect(logFactorial(1000)).toBeCloseTo(5912.128178, 5);
  });

  test.each([
    [0.31, 'p = 0.31'],
    [0.0123, 'p = 0.012'],
    [0.0004, 'p < 0.001'],
    [1, 'p = 1'],
  ])('%f reads %s', (p, text) => expect(formatP(p)).toBe(text));
});

describe('cost', () => {
  const text = (
    fields: Partial<{ to: string; status: string; segments: string; price: string; price_unit: string }>,
  ) => ({
    to: '+12125550001',
    status: 'delivered',
    segments: '1',
    price: '',
    price_unit: '',
    ...fields,
  });
  const add = (...texts: ReturnType<typeof text>[]): Cost => {
    const c = emptyCost();
    for (const t of texts) addText(c, t);
    return c;
  };

  test("Twilio's price is summed exactly, per currency, as a positive amount", () => {
    const c = add(
      text({ price: '-0.00790', price_unit: 'USD' }),
      text({ price: '-0.01580', price_unit: 'usd', segments: '2' }),
      text({ price: '-0.00790', price_unit: 'USD' }),
    );
    expect(c.reported).toEqual({ USD: 31_600 });
    expect(c.reportedTexts).toBe(3);
    expect(describeCost(c)).toBe("$0.032 (Twilio's price, 3 texts)");
  });

  test('without a price: segments × the list price of the destination country, said to be an estimate', () => {
    expect(segmentPriceFor('+12125550001')).toBe(0.0083);
    expect(segmentPriceFor('+447700900123')).toBeUndefined();
    const c = add(
      text({ segments: '3' }),
      text({ price: '-0.00790', price_unit: 'USD' }),
      text({ to: '+447700900123' }),
    );
    expect(c.estimatedUsd).toBe(24_900);
    expect(c.estimatedTexts).toBe(1);
    expect(c.unpricedTexts).toBe(1);
    expect(describeCost(c)).toBe(
      "$0.008 (Twilio's price, 1 text) + about $0.025 ESTIMATED for 1 text Twilio has not priced yet (segments × list price) = about $0.033 in all; 1 text to countries with no list price here, not counted",
    );
    expect(briefCost(c)).toBe('$0.033, part est.');
    expect(briefCost(add(text({})))).toBe('~$0.008 est.');
  });

  test('a failed text is not billed; two currencies are never added up', () => {
    expect(add(text({ status: 'failed' }))).toEqual(emptyCost());
    const mixed = add(
      text({ price: '-0.05', price_unit: 'EUR' }),
      text({ price: '-0.0079', price_unit: 'USD' }),
    );
    expect(describeCost(mixed)).toBe(
      "0.050 EUR and $0.008 (Twilio's price, 2 texts) — mixed currencies, not added up",
    );
    expect(briefCost(mixed)).toBe('0.050 EUR + $0.008');
  });

  test('by day in the team zone, the price on a later status row winning over the estimate', () => {
    const messages: MessageRow[] = [
      sent('SM1', '1', '2026-11-30T04:00:00Z', { to: '+12125550001' }), // Nov 29 in Chicago
      sent('SM2', '2', '2026-12-01T15:00:00Z', { to: '+12125550002', segments: '2' }),
      status('SM2', '2026-12-01T16:00:00Z', 'delivered'),
      { ...status('SM2', '2026-12-01T16:30:00Z', 'delivered'), price: '-0.01580', price_unit: 'USD' },
    ];
    const days = costByDay(messages, NOW, 'America/Chicago');
    expect(days.map((d) => d.day)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(days.map((d) => [d.texts, briefCost(d.cost)])).toEqual([
      [0, '–'],
      [0, '–'],
      [0, '–'],
      [0, '–'],
      [1, '~$0.008 est.'],
      [0, '–'],
      [1, '$0.016'],
    ]);
  });
});

describe('A/B variants', () => {
  /** `n` contacts sent variant `v` of intro, the first `replied` of them replying `category`. */
  function arm(v: string, n: number, replies: { category: string; count: number }[], from = 0): MessageRow[] {
    const rows: MessageRow[] = [];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const id = `${v}${from + i}`;
      rows.push(
        sent(`SM${id}`, id, '2026-11-30T15:00:00Z', { step: 'intro', variant: v, to: '+12125550000' }),
      );
    }
    for (const { category, count } of replies)
      for (let j = 0; j < count; j++, k++) {
        const id = `${v}${from + k}`;
        rows.push(received(`IN${id}`, id, '2026-11-30T16:00:00Z', category));
        rows.push(categorized(`IN${id}`, '2026-11-30T16:05:00Z', category));
      }
    return rows;
  }

  test('per variant: contacts sent it, and the share that replied, were interested, opted out', () => {
    const messages = [
      ...arm('a', 100, [
        { category: 'interested', count: 8 },
        { category: 'opt_out', count: 2 },
        { category: 'question', count: 5 },
      ]),
      ...arm('b', 100, [
        { category: 'interested', count: 12 },
        { category: 'not_interested', count: 3 },
      ]),
    ];
    const [step] = variantFigures(messages, NOW);
    expect(step?.step).toBe('intro');
    expect(step?.variants.map((v) => [v.id, v.sent, v.replied, v.interested, v.optedOut])).toEqual([
      ['a', 100, 15, 8, 2],
      ['b', 100, 15, 12, 0],
    ]);
    expect(step?.p).toBeCloseTo(0.4803677503, 8); // fisherExact(12, 88, 8, 92), as above
    expect(step?.verdict).toBe(
      "b's interested rate (12%) is higher than a's (8%); with these numbers that could be chance (p = 0.48)",
    );
  });

  test('a big enough difference is called likely real; three variants compare the leader with the rest', () => {
    const two = [
      ...arm('a', 500, [{ category: 'interested', count: 30 }]),
      ...arm('b', 500, [{ category: 'interested', count: 50 }]),
    ];
    expect(variantFigures(two, NOW)[0]?.verdict).toBe(
      "b's interested rate (10%) is higher than a's (6%); with these numbers likely real (p = 0.026)",
    );
    const three = [
      ...arm('a', 50, [{ category: 'interested', count: 2 }]),
      ...arm('b', 50, [{ category: 'interested', count: 10 }]),
      ...arm('c', 50, [{ category: 'interested', count: 4 }]),
    ];
    expect(variantFigures(three, NOW)[0]?.verdict).toMatch(
      /^b's interested rate \(20%\) is higher than the other variants' together \(6%\); with these numbers likely real \(p = 0\.0\d\d\)$/,
    );
  });

  test('a reply counts for the text it answers: after the next step, not for the variant', () => {
    const messages = [
      sent('SM1', '1', '2026-11-29T15:00:00Z', { step: 'intro', variant: 'a' }),
      sent('SM2', '1', '2026-11-30T15:00:00Z', { step: 'follow_up' }),
      received('IN1', '1', '2026-11-30T16:00:00Z', 'yes'),
      categorized('IN1', '2026-11-30T16:01:00Z', 'interested'),
      sent('SM3', '2', '2026-11-29T15:00:00Z', { step: 'intro', variant: 'b' }),
      received('IN2', '2', '2026-11-29T16:00:00Z', 'yes'),
      categorized('IN2', '2026-11-29T16:01:00Z', 'interested'),
      // a resend after 30003 is the same contact, not a second one
      sent('SM4', '2', '2026-11-29T20:00:00Z', { step: 'intro:retry', variant: 'b' }),
    ];
    const [step] = variantFigures(messages, NOW);
    expect(step?.variants.map((v) => [v.id, v.sent, v.replied, v.interested])).toEqual([
      ['a', 1, 0, 0],
      ['b', 1, 1, 1],
    ]);
  });

  test('the summary shows them in both parts, with the cost said to be an estimate', () => {
    const messages = [
      ...arm('a', 10, [{ category: 'interested', count: 1 }]),
      ...arm('b', 10, [{ category: 'interested', count: 3 }]),
    ];
    const s = computeSummary({ now: NOW, contacts: [contact('1')], messages, timeZone: 'America/Chicago' });
    const mail = renderSummaryEmail(s, {
      title: 'Test',
      dateLabel: '2026-12-01',
      timeZone: 'America/Chicago',
    });
    const verdict =
      "b's interested rate (30%) is higher than a's (10%); with these numbers that could be chance (p = 0.58).";
    for (const [part, said] of [
      [mail.text, verdict],
      [mail.html, escapeHtml(verdict)],
    ] as const) {
      expect(part).toMatch(/A\/B variants of step intro/i);
      expect(part).toContain(said);
      expect(part).toContain('ESTIMATED for 20 texts');
    }
    expect(mail.text).toMatch(/ {2}a\s+10\s+10%\s+10%\s+0%\s+~\$0\.083 est\./);
    // the same figures as a CSV attachment, one row per variant
    expect(mail.variantsCsv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'step,variant,sent,replied,interested,opted_out,reply_rate,interested_rate,opt_out_rate,twilio_price_usd,estimated_usd,estimated_texts,p_interested',
      'intro,a,10,1,1,0,0.1000,0.1000,0.0000,0.00000,0.08300,10,0.5820',
      'intro,b,10,3,3,0,0.3000,0.3000,0.0000,0.00000,0.08300,10,0.5820',
      '',
    ]);
    expect(
      renderSummaryEmail(computeSummary({ now: NOW, contacts: [], messages: [] }), {
        title: 'T',
        dateLabel: 'x',
      }).variantsCsv,
    ).toBe('');
  });
});
