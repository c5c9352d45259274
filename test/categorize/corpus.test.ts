/**
 * The categorizer judged on whole sets of labeled replies. labeled.csv is the development set
 * (a copy of ../shared/replies/labeled.csv); the unseen*.csv files were written as held-out
 * sets (see the README of this folder for how each was used).
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
