import { describe, expect, test } from 'vitest';
import { contactTimeZone, isValidTimeZone, parseClock, sendWindow } from '../../src/core/quiet-hours.js';
import { timeZoneOfPhone } from '../../src/core/time-zones.js';

const window = { start: 9 * 60, end: 20 * 60 };

describe('sendWindow', () => {
  test.each([
    // [now (UTC), zone, open, opensAt]
    ['2026-06-01T13:00:00Z', 'America/New_York', true, '2026-06-01T13:00:00.000Z'], // 09:00 EDT
    ['2026-06-01T12:59:00Z', 'America/New_York', false, '2026-06-01T13:00:00.000Z'], // 08:59 EDT
    ['2026-06-02T00:00:00Z', 'America/New_York', false, '2026-06-02T13:00:00.000Z'], // 20:00 EDT: closed
    ['2026-06-01T23:59:00Z', 'America/New_York', true, '2026-06-01T23:59:00.000Z'], // 19:59 EDT
    ['2026-12-01T14:00:00Z', 'America/New_York', true, '2026-12-01T14:00:00.000Z'], // 09:00 EST
    ['2026-12-01T13:30:00Z', 'America/New_York', false, '2026-12-01T14:00:00.000Z'], // 08:30 EST
    // DST starts 2026-03-08 at 02:00 in New York: 09:00 that day is 13:00Z, the day before 14:00Z
    ['2026-03-08T03:00:00Z', 'America/New_York', false, '2026-03-08T13:00:00.000Z'], // 22:00 EST on the 7th
    ['2026-03-07T01:30:00Z', 'America/New_York', false, '2026-03-07T14:00:00.000Z'],
    // DST ends 2026-11-01 at 02:00: 09:00 that day is 14:00Z, the day before 13:00Z
    ['2026-11-01T02:00:00Z', 'America/New_York', false, '2026-11-01T14:00:00.000Z'], // 22:00 EDT on Oct 31
    ['2026-11-01T13:30:00Z', 'America/New_York', false, '2026-11-01T14:00:00.000Z'], // 08:30 EST
    ['2026-10-31T12:00:00Z', 'America/New_York', false, '2026-10-31T13:00:00.000Z'], // 08:00 EDT
    // other zones, month and year roll-over
    ['2026-01-31T23:00:00Z', 'Europe/London', false, '2026-02-01T09:00:00.000Z'],
    ['2026-12-31T22:00:00Z', 'America/Los_Angeles', true, '2026-12-31T22:00:00.000Z'],
    ['2027-01-01T05:00:00Z', 'America/Los_Angeles', false, '2027-01-01T17:00:00.000Z'],
    ['2026-06-01T03:00:00Z', 'Asia/Kolkata', false, '2026-06-01T03:30:00.000Z'], // 08:30 IST, +05:30
    ['2026-06-01T18:00:00Z', 'Pacific/Auckland', false, '2026-06-01T21:00:00.000Z'], // 06:00 NZST
  ])('%s in %s → open %s, opens %s', (now, zone, open, opensAt) => {
    const w = sendWindow(new Date(now), zone, window);
    expect(w.open).toBe(open);
    expect(w.opensAt.toISOString()).toBe(opensAt);
  });

  test('a narrower window from the funnel file is honoured', () => {
    const w = sendWindow(new Date('2026-06-01T14:30:00Z'), 'America/New_York', {
      start: 11 * 60,
      end: 17 * 60,
    });
    expect(w).toEqual({ open: false, opensAt: new Date('2026-06-01T15:00:00Z') });
  });
});

describe('time zone of a contact', () => {
  test.each([
    ['+12125550100', 'America/New_York'],
    ['+13125550100', 'America/Chicago'],
    ['+13035550100', 'America/Denver'],
    ['+16025550100', 'America/Phoenix'],
    ['+14155550100', 'America/Los_Angeles'],
    ['+19075550100', 'America/Anchorage'],
    ['+18085550100', 'Pacific/Honolulu'],
    ['+14165550100', 'America/Toronto'],
    ['+16045550100', 'America/Vancouver'],
    ['+19155550100', 'America/Denver'],
    ['+447700900123', 'Europe/London'],
    ['+35312345678', 'Europe/Dublin'],
    ['+5511987654321', undefined],
    ['+15555550100', undefined],
    ['not a phone', undefined],
  ])('%s → %s', (phone, zone) => {
    expect(timeZoneOfPhone(phone)).toBe(zone);
  });

  test.each([
    [{ phone: '+12125550100', timezone: 'America/Chicago' }, 'America/Chicago', 'column'],
    [{ phone: '+12125550100', Timezone: 'Nowhere/Land' }, 'America/New_York', 'phone'],
    [{ phone: '+15555550100' }, 'Europe/Paris', 'funnel'],
    [{ phone: '+447700900123', time_zone: '' }, 'Europe/London', 'phone'],
  ])('%j → %s (%s)', (contact, timeZone, source) => {
    expect(contactTimeZone(contact, 'Europe/Paris')).toEqual({ timeZone, source });
  });

  test.each([
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isValidTimeZone(%s) = %s', (zone, ok) => {
    expect(isValidTimeZone(zone)).toBe(ok);
  });

  test.each([
    ['09:00', 540],
    ['9:30', 570],
    ['21:00', 1260],
    ['25:00', undefined],
    ['9am', undefined],
  ])('parseClock(%s) = %s', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });
});
