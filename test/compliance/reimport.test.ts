/**
 * An opt-out is forever, one number one conversation (issue #13), end to end: a
 * STOP outlives its contact row and a re-import; a STOP from a number that was no contact yet
 * counts; an export's own opt-out and consent columns suppress; duplicate phones are an error.
 * The first test runs the binary, the others `main` in-process.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { enrolled, example, makeWorld, OUR_NUMBER, resultLine, type World } from '../helpers/world.js';

/** the runs of this file's worlds: `main` in this process, unless a test says `binary` */
const IN_PROCESS = { runs: 'in-process' } as const;
let world: World;
afterEach(async () => {
  await world?.close();
});

const ANN = '+12125550401';
const BO = '+12125550402';
const CY = '+12125550403';
const EXPORT = `Name,Mobile\nAnn Lee,${ANN}\nBo Chan,${BO}\nCy Park,${CY}\n`;

const optOutsCsv = () => readFileSync(join(world.dataDir, 'opt-outs.csv'), 'utf8');

describe('the suppression list outlives contacts.csv', () => {
  test('STOP, the row deleted, the same export imported again: never re-enrolled, never texted', async () => {
    world = await makeWorld();
    writeFileSync(join(world.root, 'leads.csv'), EXPORT);
    // Cy texted STOP to our number before he was ever a contact
    world.server.injectInbound({
      from: CY,
      to: OUR_NUMBER,
      body: 'STOP',
      at: new Date(world.now.getTime() - 3600_000),
    });
    expect((await world.run(['poll-replies'])).code).toBe(0);
    expect(resultLine(await world.run(['categorize']))).toMatch(/opt_out 1/);

    expect(resultLine(await world.run(['import', 'leads.csv']))).toBe(
      'imported 3, updated 0, rejected 0, kept opted out by opt-outs.csv 1',
    );
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 2,/);
    world.later(60_000);
    world.server.injectInbound({ from: ANN, to: OUR_NUMBER, body: 'stop', at: world.now });
    world.later(60_000);
    await world.run(['poll-replies']);
    await world.run(['categorize']);

    // The operator deletes Ann's row, then imports the same export again.
    const csv = readFileSync(join(world.dataDir, 'contacts.csv'), 'utf8').split('\n');
    writeFileSync(join(world.dataDir, 'contacts.csv'), csv.filter((l) => !l.includes(ANN)).join('\n'));
    expect(resultLine(await world.run(['import', 'leads.csv']))).toMatch(
      /kept opted out by opt-outs\.csv 2$/,
    );
    const contacts = await world.contacts();
    for (const phone of [ANN, CY]) {
      const c = contacts.find((x) => x.phone === phone);
      expect(c?.opted_out_at, phone).not.toBe('');
      expect(c?.state, phone).toMatch(/^opted_out/);
    }
    for (let day = 1; day <= 8; day++) {
      world.later(24 * 3600_000);
      expect((await world.run(['send'])).code).toBe(0);
    }
    expect(world.outbound(ANN)).toHaveLength(1); // the intro, before her STOP
    expect(world.outbound(CY)).toEqual([]);
    expect(world.outbound(BO).length).toBeGreaterThan(1);
    const check = await world.run(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(resultLine(check)).toMatch(/checked against 3 contacts \(2 opted out, never texted\)/);
  });

  test('an export\'s "Accepts SMS Marketing = no" (Shopify) and "Do Not Text" columns suppress, and go on the list', async () => {
    world = await makeWorld(IN_PROCESS);
    writeFileSync(
      join(world.root, 'shopify.csv'),
      `First Name,Last Name,Phone,Accepts SMS Marketing\nAnn,Lee,${ANN},yes\nBo,Chan,${BO},no\nCy,Park,${CY},\n`,
    );
    expect(resultLine(await world.run(['import', 'shopify.csv']))).toBe(
      "imported 3, updated 0, rejected 0, opted out by the export's columns 1",
    );
    expect(optOutsCsv()).toMatch(
      new RegExp(`\\${BO},.*,opt_out,import,Accepts SMS Marketing: no,shopify\\.csv:3`),
    );
    const bo = (await world.contacts()).find((c) => c.phone === BO);
    expect(bo?.opted_out_at).not.toBe('');
    expect(Object.keys(bo ?? {})).toContain('Accepts SMS Marketing'); // the consent record is kept
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 2,/);
    expect(world.outbound(BO)).toEqual([]);
  });

  test('kind: marketing texts only contacts with consent recorded, and check says how many lack it', async () => {
    world = await makeWorld({ ...IN_PROCESS, funnel: `kind: marketing\n${example}` });
    writeFileSync(
      join(world.root, 'shopify.csv'),
      `First Name,Phone,Accepts SMS Marketing\nAnn,${ANN},yes\nBo,${BO},\nCy,${CY},yes\n`,
    );
    expect((await world.run(['import', 'shopify.csv'])).code).toBe(0);
    const check = await world.run(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(
      /1 of 3 contacts have no consent recorded: this marketing funnel does not text them/,
    );
    expect(resultLine(await world.run(['send']))).toBe('sent 2, skipped 1 (no consent 1), failed 0');
    expect(world.outbound(BO)).toEqual([]);
  });

  test('the CRM fixture with a Do Not Text row passes check', async () => {
    world = await makeWorld(IN_PROCESS);
    expect(
      (await world.run(['import', join(import.meta.dirname, '../../fixtures/crm-export.csv')])).code,
    ).toBe(0);
    const check = await world.run(['check']);
    expect(check.code, check.stderr).toBe(0);
  });
});

describe('one number, one conversation', () => {
  test('two rows with the same phone: check exits 65 naming both; send texts the number once', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([
      enrolled('1', { phone: ANN }),
      enrolled('7', { phone: ANN }),
      enrolled('2', { phone: BO }),
    ]);
    const check = await world.run(['check']);
    expect(check.code).toBe(65);
    expect(check.stderr).toMatch(/phone \+12125550401.*2 contacts have the same number \(ids 1, 7\)/);
    expect(resultLine(await world.run(['send']))).toMatch(/^sent 2, skipped 1 \(duplicate 1\)/);
    expect(world.outbound(ANN)).toHaveLength(1);
  });

  test('a row opted out by hand opts out every row of its number, and goes on the list', async () => {
    world = await makeWorld(IN_PROCESS);
    await world.seed([
      enrolled('1', { phone: ANN, opted_out_at: '2026-11-30T12:00:00Z', state: 'opted_out' }),
      enrolled('7', { phone: ANN }),
      enrolled('2', { phone: BO }),
    ]);
    // as an operator's spreadsheet saves it: the next run reads the whole file
    const path = join(world.dataDir, 'contacts.csv');
    writeFileSync(path, readFileSync(path));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const r = await world.run(['send']);
    expect(resultLine(r)).toMatch(/^sent 1, skipped 1 \(opted out 1\)/);
    expect(world.outbound(ANN)).toEqual([]);
    expect(optOutsCsv()).toMatch(
      new RegExp(`\\${ANN},2026-11-30T12:00:00Z,opt_out,operator,opted_out_at,contact 1`),
    );
    expect((await world.contact('7')).opted_out_at).not.toBe('');
  });
});
