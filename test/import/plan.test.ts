import { describe, expect, test } from 'vitest';
import { type ColumnPlan, detectColumns } from '../../src/core/import/columns.js';
import type { PhoneParser } from '../../src/core/import/phone.js';
import { planImport } from '../../src/core/import/plan.js';
import { contactRow } from '../../src/core/model.js';

/** A stand-in parser for the pure core: 10 digits are a US number, anything else is invalid. */
const parse: PhoneParser = (text) => {
  const digits = text.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return digits.length === 10 ? { e164: `+1${digits}`, valid: true } : { e164: `+${digits}`, valid: false };
};
const plan = detectColumns(['Name', 'Mobile', 'State']) as ColumnPlan;
const now = new Date('2026-12-01T17:00:00Z');
const record = (line: number, name: string, mobile: string, state = '') => ({
  line,
  cells: { Name: name, Mobile: mobile, State: state },
});

describe('planImport', () => {
  test.each([
    [['1', '2'], '3'],
    [['7', 'c-99', '12'], '13'],
    [['legacy'], '1'],
    [[], '1'],
  ])('existing ids %j -> new contact gets id %s', (ids, next) => {
    const existing = {
      headers: ['id', 'phone'],
      rows: ids.map((id, i) => contactRow({ id, phone: `+1201555010${i}` })),
    };
    const outcome = planImport({
      existing,
      records: [record(2, 'Dana Smith', '312 555 0177')],
      plan,
      now,
      defaultCountry: 'US',
      parsePhone: parse,
    });
    expect(outcome.contacts.rows.at(-1)?.id).toBe(next);
  });

  test('a hand-edited phone without + still matches its contact; nothing changes, nothing to write', () => {
    const existing = {
      headers: ['id', 'phone', 'first_name', 'last_name'],
      rows: [contactRow({ id: '1', phone: '13125550177', first_name: 'Dana', last_name: 'Smith' })],
    };
    const outcome = planImport({
      existing,
      records: [record(2, 'Dana Smith', '(312) 555-0177')],
      plan,
      now,
      defaultCountry: 'US',
      parsePhone: parse,
    });
    expect(outcome).toMatchObject({ imported: 0, updated: 0, unchanged: 1, changed: false, rejects: [] });
  });

  test('a column named like a funnel column is kept as src_<name>, never written over the funnel state', () => {
    const outcome = planImport({
      existing: { headers: [], rows: [] },
      records: [record(2, 'Dana', '312 555 0177', 'NJ')],
      plan,
      now,
      defaultCountry: 'US',
      parsePhone: parse,
    });
    expect(outcome.contacts.rows[0]).toMatchObject({
      state: 'start',
      src_State: 'NJ',
      first_name: 'Dana',
      last_name: '',
    });
    expect(outcome.contacts.headers.at(-1)).toBe('src_State');
  });

  test('columns filled only on rejected rows do not join the header', () => {
    const outcome = planImport({
      existing: { headers: [], rows: [] },
      records: [record(2, 'Dana', '312 555 0177'), record(3, 'Bad', '12', 'NJ')],
      plan,
      now,
      defaultCountry: 'US',
      parsePhone: parse,
    });
    expect(outcome.contacts.headers).not.toContain('src_State');
    expect(outcome.rejects.map((r) => r.line)).toEqual([3]);
  });
});

describe('planImport refuses runaway cells', () => {
  test('a row with a cell over 10,000 characters is rejected with its line and column; the rest go in', () => {
    const outcome = planImport({
      existing: { headers: ['id', 'phone'], rows: [] },
      records: [record(2, 'A'.repeat(20_000), '312 555 0177'), record(3, 'Dana Smith', '312 555 0178')],
      plan,
      now,
      defaultCountry: 'US',
      parsePhone: parse,
    });
    expect(outcome.rejects).toHaveLength(1);
    expect(outcome.rejects[0]?.line).toBe(2);
    expect(outcome.rejects[0]?.reason).toMatch(/the cell "Name" holds 20000 characters \(at most 10000\)/);
    expect(outcome.contacts.rows.map((c) => c.first_name)).toEqual(['Dana']);
  });
});
