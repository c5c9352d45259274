/**
 * `smsfunnel import` end to end, in-process: each fixture into a fresh data dir, then the exact
 * contacts.csv and rejects file an operator would open.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FIXTURES, importFile, NOW, readText, rejectsFiles, tempDir } from './helpers.js';

const HEAD =
  'id,phone,first_name,last_name,email,state,category,next_action_at,last_sent_at,last_inbound_at,opted_out_at,error,updated_at';
const T = NOW;
/** the funnel columns of a newly enrolled contact, from state to updated_at */
const START = `start,,${T},,,,,${T}`;

let data: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  data = await tempDir();
});
afterEach(async () => {
  await data.remove();
});

const contacts = () => readText(join(data.dir, 'contacts.csv'));
const rejects = async () => {
  const files = await rejectsFiles(data.dir);
  expect(files).toEqual(['rejects-20261201T170000Z.csv']);
  return readText(join(data.dir, 'rejects-20261201T170000Z.csv'));
};
const rejectsPath = () => join(data.dir, 'rejects-20261201T170000Z.csv');

describe('each fixture imports exactly', () => {
  test('Google Contacts: Given/Family Name, the Mobile-typed phone, the first of a ::: cell', async () => {
    const result = await importFile(`${FIXTURES}google-contacts.csv`, data.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`imported 3, updated 0, rejected 3 (${rejectsPath()})\n`);
    expect(result.stderr).toContain('google-contacts.csv:6: phone "555-0100" is not a valid number');
    expect(result.stderr).toContain('google-contacts.csv:8: duplicate: same number +12015550123 as line 2');
    expect(await contacts()).toBe(
      `${HEAD},Notes,Group Membership,E-mail 1 - Type,Organization 1 - Name,Organization 1 - Title
1,+12015550123,Dana,Smith,dana.smith@example.com,${START},,* myContacts,* Home,Acme Corp,Buyer
2,+14155550142,Luis,Ortega,luis@example.org,${START},"Met at the spring expo.
Wants a quote for 3 sites, call after 2pm",* myContacts,,Ortega Landscaping,
3,+13125550177,Priya,Patel,priya@patel.example,${START},,* myContacts ::: Customers,* Work,,
`,
    );
    const lines = (await rejects()).split('\n');
    expect(lines[0]).toMatch(/^line,reason,Name,Given Name,Additional Name,Family Name,/);
    expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(',,')))).toEqual([
      '6,"phone ""555-0100"" is not a valid number (read as US when it has no +country code)",Ken,Ken',
      '7,"no phone number (looked in ""Phone 1 - Value"", ""Phone 2 - Value"")",Nora Quinn,Nora',
      '8,duplicate: same number +12015550123 as line 2,Dana S.,Dana',
      '',
    ]);
  });

  test('Outlook: Mobile Phone before Business Phone, Home Phone when no mobile, letters refused', async () => {
    const result = await importFile(`${FIXTURES}outlook.csv`, data.dir);
    expect(result.stdout).toBe(`imported 4, updated 0, rejected 1 (${rejectsPath()})\n`);
    expect(await contacts()).toBe(
      `${HEAD},Middle Name,Title,Suffix,E-mail 2 Address,Company,Job Title,Categories,Notes
1,+16175550111,Anna,Berg,anna.berg@example.com,${START},,Ms.,,,Berg & Co,Owner,,
2,+13055550190,Tom,O'Neil,tom.oneil@example.com,${START},J,,,tom@home.example,,,,
3,+14155552671,Sam,Reed,sam.reed@example.com,${START},,,Jr.,,,Buyer,VIP,Prefers texts
4,+819012345678,Yuki,Tanaka,yuki@example.jp,${START},,,,,Tanaka KK,,,
`,
    );
    expect(await rejects()).toBe(
      `line,reason,First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,E-mail 2 Address,Home Phone,Business Phone,Mobile Phone,Company,Job Title,Categories,Notes
4,"phone ""1-800-FLOWERS"" contains letters: write the number in digits",Grace,,Lee,,,grace@example.com,,,,1-800-FLOWERS,Lee Florals,,,
`,
    );
  });

  test('CRM export: full names split, multi-line note, Do Not Text honoured, State kept as src_State', async () => {
    const result = await importFile(`${FIXTURES}crm-export.csv`, data.dir);
    expect(result.stdout).toBe(
      `imported 4, updated 0, rejected 1, opted out by the export's columns 1 (${rejectsPath()})\n`,
    );
    expect(await contacts()).toBe(
      `${HEAD},Record ID,Lead Source,src_State,Notes,Created Date
1,+12015550188,Dana,Smith,dana@acme.example,${START},1001,Web Form,NJ,"Asked about pricing, wants a call",2026-11-02
2,+12125550122,Marcus,Bell,marcus@example.com,${START},1002,Trade Show,NY,"Met at booth 12.
Prefers texts after 5pm, not calls.",2026-11-03
3,+14155550166,Olivia,Chen,olivia@example.com,opted_out,,,,,${T},,${T},1003,Referral,CA,,2026-11-04
4,+17205550133,Hana,Ito,hana@example.com,${START},1005,Web Form,CO,"Budget: $5,000",2026-11-06
`,
    );
    expect(await rejects()).toBe(
      `line,reason,Record ID,Full Name,Email,Mobile,Phone,Lead Source,State,Notes,Do Not Text,Created Date
6,"phone ""1.21256E+10"" was turned into a number by a spreadsheet, which lost its last digits: format the column as Text and export again",1004,Ben Carter,,1.21256E+10,,Cold List,NY,,,2026-11-05
`,
    );
  });

  test('Excel UTF-8 with BOM and CRLF: numbers without +, the E+10 cell refused, empty rows ignored', async () => {
    const result = await importFile(`${FIXTURES}excel-utf8-bom-crlf.csv`, data.dir);
    expect(result.stdout).toBe(`imported 3, updated 0, rejected 1 (${rejectsPath()})\n`);
    expect(await contacts()).toBe(
      `${HEAD},Company
1,+12015550147,José,García,jose@example.com,${START},Casa García
2,+12125550159,Amy,Wong,amy@example.com,${START},Wong Bakery
3,+14155550173,Cara,Diaz,cara@example.com,${START},
`,
    );
    expect(await rejects()).toContain('\n4,"phone ""1.21256E+10"" was turned into a number by a spreadsheet');
  });

  test('Windows-1252 from old Excel: accents come out as written', async () => {
    const result = await importFile(`${FIXTURES}windows-1252.csv`, data.dir);
    expect(result.stdout).toBe(`imported 3, updated 0, rejected 1 (${rejectsPath()})\n`);
    expect(await contacts()).toBe(
      `${HEAD},City
1,+12015550161,José,Núñez,,${START},San José
2,+12015550162,Zoë,Adams,,${START},Zürich
3,+12015550163,Hans,Müller,,${START},München
`,
    );
    expect(await rejects()).toBe(
      `line,reason,First Name,Last Name,Mobile,City
5,"phone ""(555) 123-4567"" is not a valid number (read as US when it has no +country code)",Renée,,(555) 123-4567,Montréal
`,
    );
  });

  test('semicolon-separated with --default-country GB', async () => {
    const result = await importFile(`${FIXTURES}semicolon.csv`, data.dir, { defaultCountry: 'gb' });
    expect(result.stdout).toBe(`imported 3, updated 0, rejected 2 (${rejectsPath()})\n`);
    expect(await contacts()).toBe(
      `${HEAD},Town,Notes
1,+447911123456,Oliver,Hughes,oliver@example.co.uk,${START},Leeds,Prefers mornings; no calls
2,+447400123456,Amelia,Clarke,amelia@example.co.uk,${START},Bristol,
3,+447911123457,Isla,Wright,isla@example.co.uk,${START},York,
`,
    );
    expect(await rejects()).toBe(
      `line,reason,First name,Surname,Mobile number,Email,Town,Notes
4,"phone ""07700 900123"" is not a valid number (read as GB when it has no +country code)",Harry,Evans,07700 900123,,Cardiff,
6,duplicate: same number +447400123456 as line 3,Jack,Turner,07400123456,,Bath,
`,
    );
  });

  test('demo contacts: all twelve in, ids 1..12, city kept, no rejects file', async () => {
    const result = await importFile(`${FIXTURES}demo-contacts.csv`, data.dir);
    expect(result).toEqual({ code: 0, stdout: 'imported 12, updated 0, rejected 0\n', stderr: '' });
    const rows = (await contacts()).trim().split('\n');
    expect(rows[0]).toBe(`${HEAD},city`);
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      'id',
      ...Array.from({ length: 12 }, (_, i) => String(i + 1)),
    ]);
    expect(rows[1]).toBe(`1,+12015550123,Dana,Smith,,${START},Newark`);
    expect(await rejectsFiles(data.dir)).toEqual([]);
  });
});

describe('importing into a funnel that already has contacts', () => {
  test('re-importing the same file changes nothing: same bytes, updated 0', async () => {
    await importFile(`${FIXTURES}crm-export.csv`, data.dir);
    const before = await readFile(join(data.dir, 'contacts.csv'));
    const mtime = (await stat(join(data.dir, 'contacts.csv'))).mtimeMs;
    const again = await importFile(`${FIXTURES}crm-export.csv`, data.dir, {
      now: '2026-12-02T09:00:00Z',
      json: true,
    });
    expect(JSON.parse(again.stdout)).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 4,
      rejected: 1,
      rejectsFile: join(data.dir, 'rejects-20261202T090000Z.csv'),
      notes: [],
      optedOutByColumn: 0,
      onOptOutList: 1, // the first import put the Do Not Text row on the list
    });
    expect(await readFile(join(data.dir, 'contacts.csv'))).toEqual(before);
    expect((await stat(join(data.dir, 'contacts.csv'))).mtimeMs).toBe(mtime);
  });

  test("an existing contact's funnel columns are kept; its name, email and custom fields follow the file", async () => {
    await writeFile(
      join(data.dir, 'contacts.csv'),
      `${HEAD},Lead Source
7,+12015550188,Dana,Smith,,step_2,interested,2026-11-20T10:00:00Z,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,,,2026-11-18T11:00:00Z,Old List
9,+14155550166,Olivia,Chen,,done,not_interested,,2026-11-01T10:00:00Z,2026-11-01T10:05:00Z,2026-11-01T10:05:00Z,,2026-11-01T10:05:00Z,
`,
    );
    const leads = join(data.dir, 'leads.csv');
    await writeFile(
      leads,
      'Name,Mobile,Email,Lead Source,Opted Out\nDana Smyth,(201) 555-0188,,Web Form,\nOlivia Chen,415-555-0166,,,no\nNew Person,312-555-0177,new@example.com,Ads,\n',
    );
    const result = await importFile(leads, data.dir);
    expect(result.stdout).toBe('imported 1, updated 1, rejected 0\n');
    expect(await contacts()).toBe(
      `${HEAD},Lead Source
7,+12015550188,Dana,Smyth,,step_2,interested,2026-11-20T10:00:00Z,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,,,${T},Web Form
9,+14155550166,Olivia,Chen,,done,not_interested,,2026-11-01T10:00:00Z,2026-11-01T10:05:00Z,2026-11-01T10:05:00Z,,2026-11-01T10:05:00Z,
10,+13125550177,New,Person,new@example.com,${START},Ads
`,
    );
  });

  test('opt-outs: the file can opt a known contact out, never back in', async () => {
    await writeFile(
      join(data.dir, 'contacts.csv'),
      `${HEAD}
1,+12015550188,Dana,Smith,,step_1,,2026-12-02T10:00:00Z,2026-12-01T10:00:00Z,,,,2026-12-01T10:00:00Z
2,+14155550166,Olivia,Chen,,opted_out,opt_out,,2026-11-01T10:00:00Z,2026-11-01T10:05:00Z,2026-11-01T10:05:00Z,,2026-11-01T10:05:00Z
`,
    );
    const leads = join(data.dir, 'leads.csv');
    await writeFile(
      leads,
      'Name,Mobile,DNC\nDana Smith,(201) 555-0188,Y\nOlivia Chen,415-555-0166,N\nNew Person,312-555-0177,TRUE\n',
    );
    const result = await importFile(leads, data.dir);
    expect(result.stdout).toBe("imported 1, updated 1, rejected 0, opted out by the export's columns 2\n");
    expect(await contacts()).toBe(
      `${HEAD}
1,+12015550188,Dana,Smith,,opted_out,,,2026-12-01T10:00:00Z,,${T},,${T}
2,+14155550166,Olivia,Chen,,opted_out,opt_out,,2026-11-01T10:00:00Z,2026-11-01T10:05:00Z,2026-11-01T10:05:00Z,,2026-11-01T10:05:00Z
3,+13125550177,New,Person,,opted_out,,,,,${T},,${T}
`,
    );
  });
});

describe('what the operator is told', () => {
  test('--dry-run reports the same counts and writes nothing, not even the data dir', async () => {
    const dir = join(data.dir, 'fresh');
    const result = await importFile(`${FIXTURES}crm-export.csv`, dir, { dryRun: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "dry run: would import 4, updated 0, rejected 1, opted out by the export's columns 1 (nothing written)\n",
    );
    expect(result.stderr).toContain('crm-export.csv:6: phone "1.21256E+10"');
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('--dry-run on an existing data dir leaves every file alone', async () => {
    await importFile(`${FIXTURES}demo-contacts.csv`, data.dir);
    const before = await readFile(join(data.dir, 'contacts.csv'));
    // Anna, Tom and Sam are demo contacts too: the Outlook file would add their emails and company
    const result = await importFile(`${FIXTURES}outlook.csv`, data.dir, { dryRun: true, json: true });
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 1,
      updated: 3,
      unchanged: 0,
      rejected: 1,
      rejectsFile: null,
      notes: [],
      optedOutByColumn: 0,
      onOptOutList: 0,
    });
    expect(await readFile(join(data.dir, 'contacts.csv'))).toEqual(before);
    expect(await rejectsFiles(data.dir)).toEqual([]);
  });

  test('the rejects path is shown relative to the working directory when inside it', async () => {
    const cwd = process.cwd();
    process.chdir(data.dir);
    try {
      const result = await importFile(`${FIXTURES}excel-utf8-bom-crlf.csv`, 'data');
      expect(result.stdout).toBe('imported 3, updated 0, rejected 1 (data/rejects-20261201T170000Z.csv)\n');
    } finally {
      process.chdir(cwd);
    }
  });

  test('--map picks the phone column; a --map naming no column is a usage error listing the columns', async () => {
    const leads = join(data.dir, 'leads.csv');
    await writeFile(leads, 'Who,Digits,Other\nDana,(201) 555-0188,x\n');
    await expect(importFile(leads, data.dir)).rejects.toMatchObject({
      exitCode: 65,
      message: `${leads}: no phone column found among the columns: "Who", "Digits", "Other"`,
      hint: 'Name the column that holds mobile numbers, e.g. --map phone="Mobile Phone"',
    });
    await expect(importFile(leads, data.dir, { map: ['phone=Phone'] })).rejects.toMatchObject({
      exitCode: 64,
      message: `${leads}: --map phone=Phone: the file has no column "Phone"`,
      hint: 'the columns are: "Who", "Digits", "Other"',
    });
    const result = await importFile(leads, data.dir, { map: ['phone=Digits', 'name=Who'] });
    expect(result.stdout).toBe('imported 1, updated 0, rejected 0\n');
    expect(await contacts()).toBe(`${HEAD},Other\n1,+12015550188,Dana,,,${START},x\n`);
  });

  test.each([
    ['missing', undefined, 'cannot read {file}: no such file'],
    ['empty', '', '{file} is empty'],
    ['blank lines only', '\r\n\r\n', '{file} is empty'],
    ['header only', 'Name,Mobile\r\n', '{file} has a header but no contact rows'],
    ['unclosed quote', 'Name,Mobile\n"Dana,201 555 0188\n', '{file}:2: a quoted cell is never closed'],
  ])('%s file: exit 65, nothing written', async (_label, content, message) => {
    const file = join(data.dir, 'in', 'leads.csv');
    await mkdir(join(data.dir, 'in'));
    if (content !== undefined) await writeFile(file, content);
    const error = await importFile(file, join(data.dir, 'data')).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 65 });
    expect((error as Error).message).toContain(message.replace('{file}', file));
    await expect(stat(join(data.dir, 'data'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('an unknown --default-country is a usage error', async () => {
    await expect(
      importFile(`${FIXTURES}demo-contacts.csv`, data.dir, { defaultCountry: 'XX' }),
    ).rejects.toMatchObject({
      exitCode: 64,
    });
  });
});
