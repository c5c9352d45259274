import { expect, test } from 'vitest';
import { type OptOutRow, optOutRow, suppressedNumbers } from '../../src/core/compliance/suppression.js';

const row = (number: string, at: string, action: 'opt_out' | 'opt_in'): OptOutRow =>
  optOutRow({
    number,
    at,
    action,
    how: 'reply',
    detail: action === 'opt_out' ? 'STOP' : 'START',
    source: '',
  });

test.each([
  { rows: [row('+12125550100', '2026-01-01T00:00:00Z', 'opt_out')], suppressed: ['+12125550100'] },
  {
    rows: [
      row('+12125550100', '2026-01-01T00:00:00Z', 'opt_out'),
      row('+12125550100', '2026-02-01T00:00:00Z', 'opt_in'),
    ],
    suppressed: [],
  },
  {
    rows: [
      row('+12125550100', '2026-01-01T00:00:00Z', 'opt_out'),
      row('+12125550100', '2026-02-01T00:00:00Z', 'opt_in'),
      row('+12125550100', '2026-03-01T00:00:00Z', 'opt_out'),
    ],
    suppressed: ['+12125550100'],
  },
  { rows: [row('+12125550101', '2026-02-01T00:00:00Z', 'opt_in')], suppressed: [] },
])('the latest row for a number wins: $suppressed', ({ rows, suppressed }) => {
  expect([...suppressedNumbers(rows).keys()]).toEqual(suppressed);
});
