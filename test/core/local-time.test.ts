import { describe, expect, test } from 'vitest';
import { localDay, localTime } from '../../src/core/local-time.js';

describe('times in the team zone', () => {
  test.each([
    ['2026-12-01T14:03:00Z', 'America/New_York', '2026-12-01 09:03 EST'],
    ['2026-07-01T14:03:00Z', 'America/New_York', '2026-07-01 10:03 EDT'],
    ['2026-12-01T03:30:00Z', 'America/Los_Angeles', '2026-11-30 19:30 PST'],
    ['2026-12-01T14:03:00Z', 'UTC', '2026-12-01 14:03 UTC'],
    ['', 'America/New_York', ''],
  ])('%s in %s is %s', (iso, zone, shown) => {
    expect(localTime(iso, zone)).toBe(shown);
  });

  test('the day of an instant is the day in the zone', () => {
    expect(localDay(new Date('2026-12-02T03:00:00Z'), 'America/Chicago')).toBe('2026-12-01');
    expect(localDay(new Date('2026-12-02T03:00:00Z'), 'UTC')).toBe('2026-12-02');
  });
});
