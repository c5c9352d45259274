import { describe, expect, test } from 'vitest';
import {
  type ColumnPlan,
  detectColumns,
  isPhoneHeader,
  uniqueHeaders,
} from '../../src/core/import/columns.js';
import { detectDelimiter } from '../../src/core/import/delimiter.js';
import { isOptOutHeader, isOptOutValue } from '../../src/core/import/opt-out.js';
import { choosePhone } from '../../src/core/import/plan.js';

const plan = (headers: string[], maps: string[] = []): ColumnPlan => {
  const result = detectColumns(headers, maps);
  if ('kind' in result) throw new Error(result.message);
  return result;
};

describe('phone column detection', () => {
  test.each([
    ['phone', true],
    ['Phone', true],
    ['Mobile', true],
    ['cell', true],
    ['Cell Phone', true],
    ['Mobile Phone', true],
    ['telephone', true],
    ['Tel.', true],
    ['Phone Number', true],
    ['phone_number', true],
    ['Mobile Phone Number', true],
    ['Phone 1 - Value', true],
    ['Primary Phone', true],
    ['Business Phone', true],
    ['Business Phone 2', true],
    ['Home Phone', true],
    ['Mobile number', true],
    ['Phone 1 - Type', false],
    ['Business Fax', false],
    ['Email', false],
    ['Phone Type', false],
    ["Assistant's Name", false],
    // Pipedrive (person and deals exports)
    ['Person - Phone', true],
    ['Phone - Work', true],
    ['Phone - Mobile', true],
    ['Person - Phone - Mobile', true],
    // German
    ['Telefon', true],
    ['Mobil', true],
    ['Handy', true],
    ['Mobilnummer', true],
    ['Mobiltelefon', true],
    ['Telefon geschäftlich', true],
    // never a phone: it cannot take a text
    ['Work Fax', false],
    ['Fax', false],
    ['Telefax', false],
    ['Phone - Fax', false],
    ['Pager', false],
  ])('%s -> %s', (header, expected) => {
    expect(isPhoneHeader(header)).toBe(expected);
  });

  test.each([
    [
      ['Name', 'Phone', 'Mobile'],
      ['Mobile', 'Phone'],
    ],
    [
      ['Home Phone', 'Business Phone', 'Mobile Phone'],
      ['Mobile Phone', 'Home Phone', 'Business Phone'],
    ],
    [
      ['Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value'],
      ['Phone 1 - Value', 'Phone 2 - Value'],
    ],
    [
      ['Cell Phone', 'Telephone'],
      ['Cell Phone', 'Telephone'],
    ],
    [
      ['Name', 'Phone - Work', 'Phone - Home', 'Phone - Mobile'],
      ['Phone - Mobile', 'Phone - Work', 'Phone - Home'],
    ],
    [
      ['Vorname', 'Telefon', 'Handy', 'Fax'],
      ['Handy', 'Telefon'],
    ],
  ])('%j prefers %j', (headers, phones) => {
    expect(plan(headers).phones).toEqual(phones);
  });

  test('no phone column: a data problem listing the headers and suggesting --map', () => {
    const result = detectColumns(['Name', 'Email', 'Contact #']);
    expect(result).toMatchObject({ kind: 'data' });
    expect((result as { message: string }).message).toContain('"Contact #"');
    expect((result as { hint: string }).hint).toContain('--map phone=');
  });
});

describe('name, email and other columns', () => {
  test.each([
    [['First Name', 'Last Name', 'Phone'], 'First Name', 'Last Name', undefined],
    [['Given Name', 'Family Name', 'Name', 'Phone 1 - Value'], 'Given Name', 'Family Name', 'Name'],
    [['firstname', 'surname', 'mobile'], 'firstname', 'surname', undefined],
    [['fname', 'lname', 'cell'], 'fname', 'lname', undefined],
    [['Full Name', 'Mobile'], undefined, undefined, 'Full Name'],
    [['Contact Name', 'Mobile'], undefined, undefined, 'Contact Name'],
    [['Given Yomi', 'Surname Yomi', 'Mobile'], undefined, undefined, undefined],
  ])('%j -> first %s, last %s, full %s', (headers, first, last, full) => {
    const p = plan(headers);
    expect([p.firstName, p.lastName, p.name]).toEqual([first, last, full]);
  });

  test.each([
    [['E-mail Address', 'E-mail 2 Address', 'Mobile Phone'], 'E-mail Address'],
    [['E-mail 1 - Type', 'E-mail 1 - Value', 'Phone'], 'E-mail 1 - Value'],
    [['email', 'phone'], 'email'],
    [['Email Opt Out', 'Email', 'Phone'], 'Email'],
    [['Phone'], undefined],
  ])('%j -> email %s', (headers, email) => {
    expect(plan(headers).email).toBe(email);
  });

  test('every column not used for a field is offered as custom, opt-out and phone type excluded', () => {
    const p = plan(['Name', 'Phone 1 - Type', 'Phone 1 - Value', 'Company', 'Do Not Text', 'State', 'Notes']);
    expect(p.others).toEqual(['Company', 'State', 'Notes']);
    expect(p.optOut).toEqual(['Do Not Text']);
    expect(p.phoneTypes).toEqual({ 'Phone 1 - Value': 'Phone 1 - Type' });
  });
});

describe('--map', () => {
  test('overrides detection, matching the column loosely', () => {
    const p = plan(['Given', 'Mobile', 'Work Cell'], ['phone=work cell', 'first_name=Given']);
    expect(p.phones).toEqual(['Work Cell']);
    expect(p.firstName).toBe('Given');
    expect(p.others).toEqual(['Mobile']);
  });

  test.each([
    [['phone=Handy'], 'the file has no column "Handy"'],
    [['phone'], 'write field=Column'],
    [['zip=Postcode'], 'field is one of phone, first_name, last_name, name, email'],
  ])('%j is a usage problem: %s', (maps, message) => {
    const result = detectColumns(['Name', 'Mobile'], maps);
    expect(result).toMatchObject({ kind: 'usage' });
    expect((result as { message: string }).message).toContain(message);
  });

  test('a missing column lists the columns there are', () => {
    expect(detectColumns(['Name', 'Mobile'], ['phone=Handy'])).toMatchObject({
      hint: 'the columns are: "Name", "Mobile"',
    });
  });
});

describe('choosing the phone of a row', () => {
  const google = plan(['Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value']);
  const outlook = plan(['Home Phone', 'Business Phone', 'Mobile Phone']);
  test.each([
    [
      google,
      {
        'Phone 1 - Type': 'Work',
        'Phone 1 - Value': '111',
        'Phone 2 - Type': 'Mobile',
        'Phone 2 - Value': '222',
      },
      '222',
    ],
    [
      google,
      {
        'Phone 1 - Type': '* Mobile',
        'Phone 1 - Value': '111',
        'Phone 2 - Type': 'Home',
        'Phone 2 - Value': '222',
      },
      '111',
    ],
    [
      google,
      {
        'Phone 1 - Type': 'Work',
        'Phone 1 - Value': '111 ::: 333',
        'Phone 2 - Type': 'Home',
        'Phone 2 - Value': '222',
      },
      '111',
    ],
    [
      google,
      {
        'Phone 1 - Type': 'Mobile',
        'Phone 1 - Value': '',
        'Phone 2 - Type': 'Home',
        'Phone 2 - Value': '222',
      },
      '222',
    ],
    [outlook, { 'Home Phone': '111', 'Business Phone': '222', 'Mobile Phone': '333' }, '333'],
    [outlook, { 'Home Phone': '', 'Business Phone': '222', 'Mobile Phone': '' }, '222'],
    [outlook, { 'Home Phone': '', 'Business Phone': '', 'Mobile Phone': '' }, ''],
  ])('%#', (p, cells, expected) => {
    expect(choosePhone({ line: 2, cells }, p)).toBe(expected);
  });
});

describe('opt-out columns', () => {
  test.each([
    ['opted_out', true],
    ['Opt Out', true],
    ['Do Not Text', true],
    ['do_not_text', true],
    ['DNC', true],
    ['Unsubscribed', true],
    ['SMS Opt-Out', true],
    ['Email Opt Out', false],
    ['Notes', false],
  ])('header %s -> %s', (header, expected) => {
    expect(isOptOutHeader(header)).toBe(expected);
  });

  test.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['x', true],
    ['2026-03-01', true],
    ['', false],
    ['no', false],
    ['0', false],
    ['false', false],
  ])('value %j -> %s', (value, expected) => {
    expect(isOptOutValue(value)).toBe(expected);
  });
});

describe('separators and headers', () => {
  test.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"Name, full";Phone\n"Smith, Dana";+1 201\n', ';'],
    ['phone\n+12015550123\n', ','],
  ])('%j -> %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  test('blank and repeated headers get names of their own', () => {
    expect(uniqueHeaders(['Phone', '', 'phone', ' Notes ', '__proto__'])).toEqual([
      'Phone',
      'column_2',
      'phone_2',
      'Notes',
      'column_5',
    ]);
  });
});

describe('names, email and time zone in other exports', () => {
  test('Pipedrive person export', () => {
    const p = plan(['Name', 'First name', 'Last name', 'Phone - Work', 'Email - Work', 'Organization']);
    expect([p.firstName, p.lastName, p.name, p.email]).toEqual([
      'First name',
      'Last name',
      'Name',
      'Email - Work',
    ]);
  });

  test('German: Vorname, Nachname, E-Mail-Adresse', () => {
    const p = plan(['Vorname', 'Nachname', 'Firma', 'Telefon', 'E-Mail-Adresse']);
    expect([p.firstName, p.lastName, p.email, p.others]).toEqual([
      'Vorname',
      'Nachname',
      'E-Mail-Adresse',
      ['Firma'],
    ]);
  });

  test.each([['Time Zone'], ['Timezone'], ['time_zone'], ['TZ'], ['Zeitzone']])(
    '%s is the time zone, not a custom column',
    (header) => {
      const p = plan(['Phone', header, 'IP Timezone']);
      expect(p.timeZone).toBe(header);
      expect(p.others).toEqual(['IP Timezone']);
    },
  );

  test('--map timezone= names another column', () => {
    expect(plan(['Phone', 'IP Timezone'], ['timezone=IP Timezone']).timeZone).toBe('IP Timezone');
  });
});
