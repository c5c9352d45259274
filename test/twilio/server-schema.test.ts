/**
 * The local server's answers against Twilio's own OpenAPI schemas (extracted into
 * fixtures/message-schema.json), validated with ajv: create, fetch, a list page, an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTwilioServer, type TwilioServer } from '../../src/twilio-server/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER } from './helpers.js';

const fixturePath = resolve(import.meta.dirname, 'fixtures', 'message-schema.json');
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as {
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

// strictTypes off: Twilio puts `format: uri-map` on an object, which JSON Schema formats do not check.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats.default(ajv);
// Formats Twilio's description uses beyond JSON Schema's. Twilio writes page URIs relative to
// the API host while calling them `uri`, so `uri` here is a URI reference, as in its own examples.
ajv.addFormat('uri', /^(https?:\/\/[^\s]+|\/[^\s]*)$/);
ajv.addFormat(
  'date-time-rfc-2822',
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
);
ajv.addFormat('phone-number', /^(\+[1-9]\d{1,14}|[a-z]+:.+)$/);
ajv.addFormat('currency', /^[A-Z]{3}$/);
ajv.addFormat('uri-map', true);
// The extract keeps OpenAPI's layout (components.schemas) so the spec's $refs resolve unchanged.
ajv.addVocabulary(['components']);
ajv.addSchema({ $id: 'twilio', ...fixture });
const validator = (name: string) => {
  const v = ajv.getSchema(`twilio#/components/schemas/${name}`);
  if (v === undefined) throw new Error(`no schema ${name} in ${fixturePath}`);
  return (value: unknown) => (v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
};
const messageFields = Object.keys(fixture.components.schemas['api.v2010.account.message']?.properties ?? {});

let server: TwilioServer;
const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/2010-04-01/Accounts/${ACCOUNT_SID}${path}`, {
    ...init,
    headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded', ...init.headers },
  });

beforeAll(async () => {
  server = await startTwilioServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(() => server.stop());

describe('responses follow the Twilio OpenAPI schemas', () => {
  test('the committed extract is what the description says (when the description is at hand)', async () => {
    const specPath = resolve(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'shared',
      'spec-data',
      'twilio_api_v2010.json',
    );
    if (!existsSync(specPath)) return;
    // @ts-expect-error: a plain .mjs script without types
    const { extract } = (await import('./fixtures/extract-message-schema.mjs')) as {
      extract: (s: unknown) => unknown;
    };
    expect(JSON.parse(JSON.stringify(extract(JSON.parse(readFileSync(specPath, 'utf8')))))).toEqual(fixture);
  });

  test('the validator is strict enough to fail a wrong message', () => {
    const bad = { sid: 'XX123', status: 'posted', date_sent: '2026-03-01T10:00:00Z', num_segments: 1 };
    expect(validator('api.v2010.account.message')(bad).length).toBeGreaterThanOrEqual(4);
  });

  test('create (201), fetch (200) and a list page (200) carry every field, in the schema', async () => {
    const created = await api('/Messages.json', {
      method: 'POST',
      body: new URLSearchParams({ To: '+15551239999', From: OUR_NUMBER, Body: 'Hello there' }),
    });
    expect(created.status).toBe(201);
    const message = (await created.json()) as Record<string, unknown>;
    expect(validator('CreateMessageResponse')(message)).toEqual([]);
    expect(Object.keys(message)).toEqual(expect.arrayContaining(messageFields));
    expect(message.date_created).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
    );

    const fetched = await api(`/Messages/${message.sid}.json`);
    expect(fetched.status).toBe(200);
    expect(validator('FetchMessageResponse')(await fetched.json())).toEqual([]);

    server.injectInbound({ from: '+15551239999', to: OUR_NUMBER, body: 'yes please' });
    server.injectInbound({ from: '+15551239998', to: OUR_NUMBER, body: 'wait', receiving: true });
    const listed = await api('/Messages.json?PageSize=2');
    const page = (await listed.json()) as Record<string, unknown>;
    expect(validator('ListMessageResponse')(page)).toEqual([]);
    expect(page).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    expect(page.next_page_uri).toMatch(/PageToken=PA/);
    for (const m of page.messages as unknown[])
      expect(Object.keys(m as object)).toEqual(expect.arrayContaining(messageFields));
  });

  test.each([
    ['no credentials', {}, 401, 20003],
    ['missing To', { From: OUR_NUMBER, Body: 'x' }, 400, 21604],
    ['invalid To', { To: '12345', From: OUR_NUMBER, Body: 'x' }, 400, 21211],
    ['missing Body', { To: '+15551230000', From: OUR_NUMBER }, 400, 21602],
    ['missing From', { To: '+15551230000', Body: 'x' }, 400, 21603],
  ] as const)('an error (%s) is Twilio-shaped with its more_info link', async (_name, form, status, code) => {
    const res = await api('/Messages.json', {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: status === 401 ? { Authorization: 'Basic bm9ib2R5Om5vdGhpbmc=' } : {},
    });
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(validator('twilio.error')(body)).toEqual([]);
    expect(body).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
  });

  test('a 429 carries Retry-After and code 20429', async () => {
    server.faults({ failNext: { status: 429, count: 1, retryAfterSeconds: 3 } });
    const res = await api('/Messages.json');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toMatchObject({ code: 20429, status: 429 });
  });
});
