/**
 * The categorizer judged on whole sets of labeled replies. labeled.csv is the development set
 * (a copy of ../shared/replies/labeled.csv); the unseen*.csv files were written as held-out
 * sets; dev.csv and heldout.csv are the ten-language corpus of issue 12, built from
 * sources/*.tsv by build-corpus.mjs (see the README of this folder for how each was used).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { evaluate, formatConfusion } from '../../src/core/categorize/index.js';
import { readCsv } from './csv.js';

function load(name: string) {
  const rows = readCsv(fileURLToPath(new URL(name, import.meta.url)));
  return rows.map((row) => ({ body: row.body ?? '', category: row.category ?? '' }));
}

describe.each([
  ['labeled.csv', 0.95, 150],
  ['unseen.csv', 0.9, 150],
  ['unseen-2.csv', 0.9, 100],
  ['unseen-3.csv', 0.9, 80],
])('%s', (file, minimum, size) => {
  const rows = load(file);
  const evaluation = evaluate(rows);

  test(`has at least ${size} labeled replies`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(size);
  });

  test('misses no opt-out', () => {
    expect(evaluation.missedOptOuts, formatConfusion(evaluation)).toEqual([]);
  });

  test(`is at least ${minimum * 100}% accurate`, () => {
    expect(evaluation.accuracy, formatConfusion(evaluation)).toBeGreaterThanOrEqual(minimum);
  });

  test('never sorts an unrecognised reply as interested', () => {
    const wrongYes = evaluation.rows.filter((r) => r.got === 'interested' && r.expected !== 'interested');
    expect(wrongYes).toEqual([]);
  });
});

/**
 * Issue 12's target, asserted on both parts of the ten-language corpus: at least 95% accurate,
 * no opt-out missed, at most 1% of the other replies read as opt-out, at most 1% read as
 * interested wrongly. heldout.csv met none of it when first measured (92.3%, 14 missed); these
 * are its figures after the fixes, so they guard against going back, not a fair estimate.
 */
describe.each([
  ['dev.csv', 1500],
  ['heldout.csv', 800],
])('%s (issue 12 target)', (file, size) => {
  const rows = load(file);
  const evaluation = evaluate(rows);
  const others = evaluation.rows.filter((r) => r.expected !== 'opt_out');
  const wrongYes = others.filter((r) => r.got === 'interested' && r.expected !== 'interested');

  test(`has at least ${size} labeled replies in ten languages`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(size);
  });

  test('misses no opt-out', () => {
    expect(evaluation.missedOptOuts, formatConfusion(evaluation)).toEqual([]);
  });

  test('is at least 95% accurate', () => {
    expect(evaluation.accuracy, formatConfusion(evaluation)).toBeGreaterThanOrEqual(0.95);
  });

  test('reads at most 1% of the other replies as opt-out', () => {
    expect(
      evaluation.falseOptOuts.length / others.length,
      evaluation.falseOptOuts.join('\n'),
    ).toBeLessThanOrEqual(0.01);
  });

  test('reads at most 1% of the other replies as interested wrongly', () => {
    expect(wrongYes.length / others.length, wrongYes.map((r) => r.body).join('\n')).toBeLessThanOrEqual(0.01);
  });
});

test('the corpus holds more than 2,000 replies', () => {
  expect(load('dev.csv').length + load('heldout.csv').length).toBeGreaterThan(2000);
});

/**
 * Spent sets whose author labeled some replies against the other sets, kept as the rules read
 * them. fresh79, fresh81 and fresh91 label "can I stop by your office?" in Korean, Russian,
 * Vietnamese and Chinese a `question`; about fifty such replies in the earlier sets are labeled
 * `interested`, as the rules read them. fresh82 labels "how do I stop these texts? just reply
 * STOP?" a `question`; the rules read it as the opt-out it asks for, as issue 12 does ("how do I
 * make these texts end").
 */
const WRONG_YES_KEPT: Readonly<Record<string, number>> = {
  'fresh79.csv': 0.013,
  'fresh81.csv': 0.0141,
  'fresh91.csv': 0.0145,
};
const OPT_OUT_KEPT: Readonly<Record<string, number>> = { 'fresh82.csv': 8 };

/**
 * The sealed sets of issue 12 (fresh.csv, fresh3.csv … fresh92.csv), each written by authors who
 * never saw the rules nor the other sets, were measured once before any change (their fair
 * figures are in this folder's README) and then spent: their misses were fixed by family, each
 * family with new dev replies. These bars are what they reached after the fixes, so they guard
 * against going back; they are not an estimate for new replies.
 */
describe.each([
  'fresh.csv',
  'fresh3.csv',
  'fresh4.csv',
  'fresh5.csv',
  'fresh6.csv',
  'fresh7.csv',
  'fresh8.csv',
  'fresh9.csv',
  'fresh10.csv',
  'fresh11.csv',
  'fresh12.csv',
  'fresh13.csv',
  'fresh14.csv',
  'fresh15.csv',
  'fresh16.csv',
  'fresh17.csv',
  'fresh18.csv',
  'fresh19.csv',
  'fresh20.csv',
  'fresh21.csv',
  'fresh22.csv',
  'fresh23.csv',
  'fresh24.csv',
  'fresh25.csv',
  'fresh26.csv',
  'fresh27.csv',
  'fresh28.csv',
  'fresh29.csv',
  'fresh30.csv',
  'fresh31.csv',
  'fresh32.csv',
  'fresh33.csv',
  'fresh34.csv',
  'fresh35.csv',
  'fresh36.csv',
  'fresh37.csv',
  'fresh38.csv',
  'fresh39.csv',
  'fresh40.csv',
  'fresh41.csv',
  'fresh42.csv',
  'fresh43.csv',
  'fresh44.csv',
  'fresh45.csv',
  'fresh46.csv',
  'fresh47.csv',
  'fresh48.csv',
  'fresh49.csv',
  'fresh50.csv',
  'fresh51.csv',
  'fresh52.csv',
  'fresh53.csv',
  'fresh54.csv',
  'fresh55.csv',
  'fresh56.csv',
  'fresh57.csv',
  'fresh58.csv',
  'fresh59.csv',
  'fresh60.csv',
  'fresh61.csv',
  'fresh62.csv',
  'fresh63.csv',
  'fresh64.csv',
  'fresh65.csv',
  'fresh66.csv',
  'fresh67.csv',
  'fresh68.csv',
  'fresh69.csv',
  'fresh70.csv',
  'fresh71.csv',
  'fresh72.csv',
  'fresh73.csv',
  'fresh74.csv',
  'fresh75.csv',
  'fresh76.csv',
  'fresh77.csv',
  'fresh78.csv',
  'fresh79.csv',
  'fresh80.csv',
  'fresh81.csv',
  'fresh82.csv',
  'fresh83.csv',
  'fresh84.csv',
  'fresh85.csv',
  'fresh86.csv',
  'fresh87.csv',
  'fresh88.csv',
  'fresh89.csv',
  'fresh90.csv',
  'fresh91.csv',
  'fresh92.csv',
])('%s (spent: after its families were fixed)', (file) => {
  const yesBar = WRONG_YES_KEPT[file] ?? 0.01;
  const optOutsKept = OPT_OUT_KEPT[file] ?? 0;
  const rows = load(file);
  const evaluation = evaluate(rows);
  const others = evaluation.rows.filter((r) => r.expected !== 'opt_out');
  const wrongYes = others.filter((r) => r.got === 'interested' && r.expected !== 'interested');

  test('misses no opt-out', () => {
    expect(evaluation.missedOptOuts, formatConfusion(evaluation)).toEqual([]);
  });

  test(`reads ${optOutsKept === 0 ? 'no' : `at most ${optOutsKept}`} other replies as opt-out`, () => {
    expect(evaluation.falseOptOuts.length, evaluation.falseOptOuts.join('\n')).toBeLessThanOrEqual(
      optOutsKept,
    );
  });

  test(`reads at most ${(yesBar * 100).toFixed(1)}% of the other replies as interested wrongly`, () => {
    expect(wrongYes.length / others.length, wrongYes.map((r) => r.body).join('\n')).toBeLessThanOrEqual(
      yesBar,
    );
  });

  test('is at least 97% accurate', () => {
    expect(evaluation.accuracy, formatConfusion(evaluation)).toBeGreaterThanOrEqual(0.97);
  });
});

/**
 * fresh93.csv and fresh94.csv were measured once on the rules as they are (their first figures
 * are the fair ones in this folder's README) and have not been read: they are the next round's
 * source of families. Until then these bars hold them where that measurement left them.
 */
describe.each([
  ['fresh93.csv', 0.964, 4, 0.0013, 0.0026],
  ['fresh94.csv', 0.982, 1, 0, 0],
])('%s (sealed: measured once, not yet read)', (file, minimum, missed, optOutShare, yesShare) => {
  const rows = load(file);
  const evaluation = evaluate(rows);
  const others = evaluation.rows.filter((r) => r.expected !== 'opt_out');
  const wrongYes = others.filter((r) => r.got === 'interested' && r.expected !== 'interested');

  test(`misses at most ${missed} opt-outs (issue 12 wants none)`, () => {
    expect(evaluation.missedOptOuts.length).toBeLessThanOrEqual(missed);
  });

  test(`reads at most ${(optOutShare * 100).toFixed(2)}% of the other replies as opt-out (issue 12 wants 1%)`, () => {
    expect(evaluation.falseOptOuts.length / others.length).toBeLessThanOrEqual(optOutShare);
  });

  test(`reads at most ${(yesShare * 100).toFixed(2)}% of the other replies as interested wrongly (issue 12 wants 1%)`, () => {
    expect(wrongYes.length / others.length).toBeLessThanOrEqual(yesShare);
  });

  test(`is at least ${(minimum * 100).toFixed(1)}% accurate`, () => {
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(minimum);
  });
});
