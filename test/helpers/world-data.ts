/**
 * What the test world's tests share besides the world itself (test/helpers/world.ts): the
 * account, the clock's start, the example funnel's texts, and builders of contacts and exports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Contact } from '../../src/core/model.js';
import type { Realism, StoredMessage, TwilioServer } from '../../src/twilio-server/index.js';
import type { CliResult } from './cli.js';

export const ACCOUNT_SID = `AC${'c3'.repeat(16)}`;
/**
 * The auth token the world's server wants: a canary, distinctive enough that any leak into any
 * output or file is found by a substring search (`World.everything()`).
 */
export const AUTH_TOKEN = 'CanaryTok3n-9f8e7d6c5b4a-LEAKCHECK';
export const CANARY_TOKEN = AUTH_TOKEN;
export const OUR_NUMBER = '+15005550006';
export const EXAMPLE_FUNNEL = fileURLToPath(new URL('../../funnel.example.yaml', import.meta.url));

/** 2026-12-01 17:00 UTC: 12:00 in New York, 09:00 in Los Angeles — inside quiet hours for both. */
export const T0 = '2026-12-01T17:00:00Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const example = readFileSync(EXAMPLE_FUNNEL, 'utf8');
/** The example funnel's texts, as a contact named `name` receives them. */
export const texts = {
  intro: (name: string) =>
    `Hi ${name}, it's Dana from Brightside Solar. Want a free quote for solar on your home? Reply YES for details, STOP to opt out.`,
  follow_up: (name: string) =>
    `Hi ${name}, just checking in: still interested in a free solar quote? Most homes save 20-40% on power. Reply YES and we'll set it up.`,
  last_try:
    "Last note from Dana at Brightside Solar: if a free solar quote ever makes sense, reply YES. Otherwise no worries, we won't text again.",
  interested:
    'Great! Book your free quote here: https://cal.example.com/dana - or tell us: is a morning or afternoon call better?',
  help: 'Brightside Solar: free solar quotes. Questions? Call (555) 010-0100. Reply STOP to opt out.',
};

/** A contact enrolled at `start`, due at `due` (default T0), with a New York number unless given. */
export function enrolled(id: string, fields: Partial<Contact> = {}): Partial<Contact> {
  return {
    id,
    phone: `+1212555${id.padStart(4, '0')}`,
    first_name: `Name${id}`,
    state: 'start',
    next_action_at: T0,
    ...fields,
  };
}

/** Counts of (to, body) among outbound messages: every text exactly once means none listed. */
export function duplicates(messages: readonly StoredMessage[]): string[] {
  const seen = new Map<string, number>();
  for (const m of messages) {
    if (m.direction === 'inbound') continue;
    const key = `${m.to} ${m.body}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}x ${k}`);
}

/** The same, of every outbound text the server holds. */
export function duplicateTexts(server: TwilioServer): string[] {
  return duplicates(server.messages());
}

/** The one result line a cron run prints on stdout. */
export function resultLine(r: CliResult): string {
  return r.stdout.trim();
}

/** A deterministic PRNG (mulberry32): the same seed, the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A US mobile-looking number in a given area code, distinct per index. */
export function usNumber(areaCode: string, index: number): string {
  const exchange = 200 + (Math.floor(index / 10_000) % 800);
  return `+1${areaCode}${exchange}${String(index % 10_000).padStart(4, '0')}`;
}

/** A contact export as an operator would have it: a header and one line per person. */
export function contactsCsv(phones: readonly string[], extra = ''): string {
  const lines = ['Phone,First Name,Last Name,City'];
  phones.forEach((p, i) => {
    lines.push(`${p},Pat${i},Lee${i},${extra}Town ${i % 50}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Resolves once `condition` holds, checking every millisecond or so (for kill moments). */
export async function until(condition: () => boolean, limitMs = 30_000): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) return false;
    await new Promise((r) => setTimeout(r, 1));
  }
  return true;
}

/**
 * TWILIO_REALISM (JSON, e.g. '{"listLagMs":3000}') runs the tests against a server in that realism
 * mode from the start (`npm run test:realism` goes through the modes).
 */
export function testRealism(): Realism {
  const raw = process.env.TWILIO_REALISM;
  return raw === undefined || raw.trim() === '' ? {} : (JSON.parse(raw) as Realism);
}
