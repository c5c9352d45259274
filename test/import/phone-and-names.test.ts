import type { CountryCode } from 'libphonenumber-js';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { splitFullName } from '../../src/core/import/names.js';
import { normalisePhone, type PhoneParser } from '../../src/core/import/phone.js';
import { normaliseTimeZone } from '../../src/core/import/timezone.js';

const parse: PhoneParser = (text, country) => {
  const p = parsePhoneNumberFromString(text, country as CountryCode);
  return p === undefined ? undefined : { e164: p.number, valid: p.isValid() };
};

describe('phones to E.164', () => {
  test.each([
    ['+1 (415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415-555-2671 ext. 12', 'US', '+14155552671'],
    ['14155552671', 'US', '+14155552671'],
    ['+14155552671', 'GB', '+14155552671'],
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['0044 20 7946 0958', 'GB', '+442079460958'],
    ['07400 123456', 'GB', '+447400123456'],
    ['447400123456', 'US', '+447400123456'],
    ['+1 212-555-0134 ::: +1 212-555-0135', 'US', '+12125550134'],
    ['+81 90-1234-5678', 'US', '+819012345678'],
  ])('%j in %s -> %s', (cell, country, e164) => {
    expect(normalisePhone(cell, country, parse)).toEqual({ ok: true, e164 });
  });

  test.each([
    [
      '(555) 123-4567',
      'US',
      'phone "(555) 123-4567" is not a valid number (read as US when it has no +country code)',
    ],
    ['555-0100', 'US', 'phone "555-0100" is not a valid number'],
    ['07700 900123', 'GB', 'phone "07700 900123" is not a valid number (read as GB'],
    [
      '1.21256E+10',
      'US',
      'phone "1.21256E+10" was turned into a number by a spreadsheet, which lost its last digits',
    ],
    ['1,21256E+10', 'DE', 'turned into a number by a spreadsheet'],
    ['1-800-FLOWERS', 'US', 'phone "1-800-FLOWERS" contains letters'],
    ['call me', 'US', 'contains letters'],
    ['', 'US', 'no phone number'],
    ['  ', 'US', 'no phone number'],
  ])('%j in %s is refused: %s', (cell, country, reason) => {
    const result = normalisePhone(cell, country, parse);
    expect(result.ok).toBe(false);
    expect((result as { reason: string }).reason).toContain(reason);
  });

  test('the spreadsheet reason tells the operator what to do', () => {
    expect(normalisePhone('1.21256E+10', 'US', parse)).toEqual({
      ok: false,
      reason:
        'phone "1.21256E+10" was turned into a number by a spreadsheet, which lost its last digits: format the column as Text and export again',
    });
  });

  test('the demo fixture only holds numbers libphonenumber calls valid', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../fixtures/demo-contacts.csv', import.meta.url), 'utf8');
    const phones = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[2] ?? '');
    expect(phones).toHaveLength(12);
    for (const p of phones) expect(parsePhoneNumberFromString(p, 'US')?.isValid(), p).toBe(true);
    expect(isSupportedCountry('US')).toBe(true);
  });
});

describe('full names to first and last', () => {
  test.each([
    ['Dana Smith', 'Dana', 'Smith'],
    ['Smith, Dana', 'Dana', 'Smith'],
    ['  Dana   Smith ', 'Dana', 'Smith'],
    ['Dana', 'Dana', ''],
    ['Mary Ann Smith', 'Mary Ann', 'Smith'],
    ['Anna van der Berg', 'Anna', 'van der Berg'],
    ['Dr. Hana Ito', 'Hana', 'Ito'],
    ['Mrs Dana Smith', 'Dana', 'Smith'],
    ['Dana Smith Jr.', 'Dana', 'Smith Jr.'],
    ['Dana Smith, Jr.', 'Dana', 'Smith, Jr.'],
    ['García Márquez, Gabriel', 'Gabriel', 'García Márquez'],
    ['', '', ''],
  ])('%j -> %j / %j', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ first, last });
  });
});

describe('time zone cells', () => {
  test.each([
    ['America/New_York', 'America/New_York'],
    ['america/chicago', 'America/Chicago'],
    ['US/Eastern', 'America/New_York'],
    // HubSpot's hs_timezone values
    ['america_slash_los_angeles', 'America/Los_Angeles'],
    ['america_slash_port_hyphen_au_hyphen_prince', 'America/Port-au-Prince'],
    ['us_slash_eastern', 'America/New_York'],
    // zone pickers' display forms
    ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['(UTC+01:00) Berlin', 'Europe/Berlin'],
    ['(GMT-05:00) America/New_York', 'America/New_York'],
    ['Pacific', 'America/Los_Angeles'],
    // EST is an IANA zone without daylight saving; a person writing it means New York
    ['EST', 'America/New_York'],
    ['MEZ', 'Europe/Berlin'],
  ])('%s -> %s', (cell, zone) => {
    expect(normaliseTimeZone(cell)).toEqual({ ok: true, zone });
  });

  test.each([
    ['GMT-5', 'fixed UTC offset'],
    ['-05:00', 'fixed UTC offset'],
    ['MST', 'ambiguous'],
    ['Eastern-ish', 'not a zone this tool knows'],
  ])('%s is refused: %s', (cell, why) => {
    const r = normaliseTimeZone(cell);
    expect(r?.ok).toBe(false);
    expect(r?.ok === false && r.reason).toContain(why);
  });

  test('an empty cell is no zone, not a problem', () => {
    expect(normaliseTimeZone('  ')).toBeUndefined();
  });
});
