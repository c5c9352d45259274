/**
 * Exports from HubSpot, Pipedrive, a German address book and Google Contacts with a fax number,
 * imported by the built binary into a fresh data dir: the contacts.csv an operator would open.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES, NOW } from './helpers.js';

const HEAD =
  'id,phone,first_name,last_name,email,state,category,next_action_at,last_sent_at,last_inbound_at,opted_out_at,error,updated_at';
const START = `start,,${NOW},,,,,${NOW}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smsfunnel-crm-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const importFixture = (name: string, country = 'US') =>
  runCli(['import', `${FIXTURES}${name}`, '--data-dir', dir, '--default-country', country], {
    env: { SMSFUNNEL_NOW: NOW },
  });
const contacts = () => readFile(join(dir, 'contacts.csv'), 'utf8');

test('HubSpot: "Time Zone" becomes the contact\'s timezone, in its IANA spelling; what is not a zone is named by line', async () => {
  const r = await importFixture('hubspot-export.csv');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('imported 6, updated 0, rejected 0\n');
  expect(await contacts()).toBe(
    `${HEAD},Record ID,Lifecycle Stage,Contact owner,Create Date,timezone
1,+12015550123,Dana,Smith,dana@acme.example,${START},51201,Lead,Sam Rivera,2026-11-02 09:14,America/Los_Angeles
2,+12125550122,Marcus,Bell,marcus@example.com,${START},51202,Subscriber,Sam Rivera,2026-11-03 16:40,America/New_York
3,+14155550166,Olivia,Chen,olivia@example.com,${START},51203,Lead,,2026-11-04 11:02,America/Chicago
4,+13125550199,Ravi,Kumar,ravi@example.com,${START},51204,Lead,,2026-11-05 08:30,
5,+16025550141,Jo,Park,jo@example.com,${START},51205,Opportunity,Sam Rivera,2026-11-06 13:21,
6,+13055550110,Ana,Lima,ana@example.com,${START},51206,Lead,,2026-11-07 10:05,
`,
  );
  expect(r.stderr).toContain('2 row(s) of');
  expect(r.stderr).toMatch(
    /hubspot-export\.csv:5: time zone "Eastern-ish" is not a zone this tool knows: write an IANA name such as America\/New_York.*; imported without a time zone, so the number's area code decides/,
  );
  expect(r.stderr).toMatch(
    /hubspot-export\.csv:6: time zone "MST" is ambiguous: write America\/Denver .* or America\/Phoenix/,
  );
});

test('HubSpot: the zone fixed in the export and imported again updates that contact; --json lists what is left', async () => {
  await importFixture('hubspot-export.csv');
  const fixed = join(dir, 'fixed.csv');
  const source = await readFile(`${FIXTURES}hubspot-export.csv`, 'utf8');
  await writeFile(fixed, source.replace(',MST,', ',America/Phoenix,'));
  const r = await runCli(['import', fixed, '--data-dir', dir, '--json'], { env: { SMSFUNNEL_NOW: NOW } });
  expect(r.code, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout) as { updated: number; notes: { line: number; message: string }[] };
  expect(summary.updated).toBe(1);
  expect(summary.notes.map((n) => n.line)).toEqual([5]);
  expect(await contacts()).toContain('51205,Opportunity,Sam Rivera,2026-11-06 13:21,America/Phoenix\n');
});

test('Pipedrive: "Person - Phone - Mobile" before "Person - Phone - Work"; Person - First/Last name and Email', async () => {
  const r = await importFixture('pipedrive-export.csv');
  expect(r.code, r.stderr).toBe(0);
  expect(await contacts()).toBe(
    `${HEAD},Person - Organization,Person - Labels,Deal - Title
1,+12015550123,Dana,Smith,dana@acme.example,${START},Acme Corp,Hot lead,Acme rooftop
2,+14155550142,Luis,Ortega,luis@example.org,${START},Ortega Landscaping,,Ortega 3 sites
3,+13125550177,Priya,Patel,priya@patel.example,${START},,Warm lead,Patel home
`,
  );
});

test('German headers: Vorname, Nachname, E-Mail; Mobil before Telefon; Fax never; Firma kept', async () => {
  const r = await importFixture('german-export.csv', 'DE');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('imported 3, updated 0, rejected 0\n');
  expect(await contacts()).toBe(
    `${HEAD},Firma,Fax,Ort
1,+491712345678,Jürgen,Müller,j.mueller@example.de,${START},Müller Dachbau GmbH,030 1234568,Berlin
2,+49897654321,Anna,Schäfer,anna.schaefer@example.de,${START},,,München
3,+4915233445566,Lukas,Weiß,lukas@weiss.example,${START},Weiß & Söhne,040 998877,Hamburg
`,
  );
});

test('Google Contacts: a number labelled Work Fax or Home Fax is never the phone; a fax-only row is refused saying so', async () => {
  const r = await importFixture('google-contacts-fax.csv');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^imported 3, updated 0, rejected 1 /);
  expect(await contacts()).toBe(
    `${HEAD},Organization Name,Organization Title,Labels,E-mail 1 - Label
1,+12015550123,Dana,Smith,dana@acme.example,${START},Acme Corp,Buyer,* myContacts,* Work
2,+16175550111,Grace,Lee,grace@example.com,${START},,,* myContacts,* Home
3,+14155552671,Sam,Ortiz,,${START},,,* myContacts,
`,
  );
  expect(r.stderr).toContain(
    'google-contacts-fax.csv:3: no number that takes texts: the one in "Phone 1 - Value" is a Work Fax',
  );
  expect((await readdir(dir)).filter((f) => f.startsWith('rejects-'))).toHaveLength(1);
});
