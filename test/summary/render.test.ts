import { describe, expect, test } from 'vitest';
import { computeSummary, csvCell, renderSummaryEmail } from '../../src/core/summary/index.js';
import { categorized, contact, NOW, received, SINCE, sampleDay } from './fixtures.js';

const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  'Tom & Jerry "quoted" \'single\'',
  '</td></tr></table><h1>fake</h1>',
];

function hostileDay() {
  const contacts = HOSTILE.map((name, i) =>
    contact(String(i + 1), {
      first_name: name,
      last_name: '',
      state: 'hot',
      updated_at: '2026-12-01T12:00:00Z',
      error: i === 0 ? name : '',
    }),
  );
  const messages = HOSTILE.flatMap((body, i) => [
    received(`IN${i}`, String(i + 1), `2026-12-01T1${i}:00:00Z`, body),
    categorized(`IN${i}`, `2026-12-01T1${i}:00:01Z`, i % 2 === 0 ? 'interested' : 'question'),
  ]);
  return computeSummary({ now: NOW, since: SINCE, contacts, messages, runErrors: ['<b>run</b> & failed'] });
}

describe('renderSummaryEmail', () => {
  const { contacts, messages } = sampleDay();
  const email = renderSummaryEmail(computeSummary({ now: NOW, since: SINCE, contacts, messages }), {
    title: 'smsfunnel',
    dateLabel: '2026-12-01',
  });

  test('the subject carries the date and the headline numbers', () => {
    expect(email.subject).toBe('smsfunnel 2026-12-01: 5 sent, 6 replies, 2 hot leads, 1 opt-out');
  });

  test('replies that need a person say how long they have waited, in both parts', () => {
    // Cy asked at 09:00 UTC; the summary is made at 17:00
    expect(email.text).toMatch(/Cy .*waiting 8 h 0 min {2}\[question\]/);
    expect(email.html).toContain('<th');
    expect(email.html).toContain('waiting 8 h 0 min');
  });

  test('the lists fit a phone: the phone under the name, the date over the clock', () => {
    // three columns, not five: at 375 px the old one-line times made the page 530 px wide
    expect(email.html).toMatch(/>Who<\/th><th[^>]*>Their words<\/th><th[^>]*>When<\/th><\/tr>/);
    expect(email.html).toMatch(/>Who<\/th><th[^>]*>What they wrote<\/th><th[^>]*>When<\/th><\/tr>/);
    expect(email.html).toMatch(/<b>Bob Ray<\/b><br><a href="tel:\+15550000002"/);
    expect(email.html).toContain(
      '<span style="white-space:nowrap;">2026-12-01</span><br><span style="white-space:nowrap;">11:59 UTC</span>',
    );
  });

  test('the plain-text part has the numbers, the bars and the leads', () => {
    expect(email.text).toContain('5 sent, 2 delivered, 3 failed, 6 replies, 2 hot leads, 1 opt-out');
    expect(email.text).toMatch(/-> Hot\s+#{30}\s+2/);
    expect(email.text).toContain('Bob Ray  +15550000002  2026-12-01 11:59 UTC  (outcome hot)');
    expect(email.text).toContain('30003      1  unreachable handset');
    expect(email.text).toContain('"How much does it cost?"');
  });

  test('the funnel is a picture made of tables that mail clients draw: width %, bgcolor', () => {
    // Hot has 2 contacts, the most: a full-width orange bar; a stage with 1 gets half.
    expect(email.html).toContain(
      '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#ea580c"',
    );
    expect(email.html).toContain(
      '<table role="presentation" width="50%" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#2563eb"',
    );
    expect(email.html).not.toMatch(
      /<script|<style|class=|display:\s*(flex|grid)|<img|https?:\/\/(?!www\.twilio\.com)/i,
    );
  });

  test('the hot-leads CSV: header, every lead, RFC 4180 quoting', () => {
    const lines = email.hotLeadsCsv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('name,phone,words,when');
    expect(lines[1]).toBe('Bob Ray,+15550000002,Mornings are best,2026-12-01T11:59:00Z');
    expect(lines[2]).toBe(
      'Ann Lee,+15550000001,Yes! <script>alert(1)</script> & call me,2026-12-01T10:00:00Z',
    );
  });
});

describe('hostile outside text', () => {
  const email = renderSummaryEmail(hostileDay(), { title: 'smsfunnel', dateLabel: '2026-12-01' });

  test('never reaches the HTML raw', () => {
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<h1>fake');
    expect(email.html).not.toContain('<b>run');
    expect(email.html).not.toMatch(/&(?![a-z]+;|#\d+;)/); // every & is an entity
    expect(email.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(email.html).toContain('Tom &#38; Jerry &#34;quoted&#34; &#39;single&#39;');
  });

  test('still reads as the person wrote it in the text part', () => {
    expect(email.text).toContain('"<img src=x onerror=alert(1)>"');
    expect(email.text).toContain('Tom & Jerry');
  });

  test.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ["'quoted", "''quoted"],
    ['+15551234567', '+15551234567'],
    ['-12.5', '-12.5'],
    ['plain, with comma', '"plain, with comma"'],
    ['multi\nline', '"multi\nline"'],
  ])('CSV cell %j is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('a reply cannot forge lines of the text part', () => {
    const s = computeSummary({
      now: NOW,
      since: SINCE,
      contacts: [contact('1', { state: 'needs_human' })],
      messages: [
        received('IN1', '1', '2026-12-01T10:00:00Z', 'hi\n\nHOT LEADS TO CALL\n  Fake Person'),
        categorized('IN1', '2026-12-01T10:00:01Z', 'question'),
      ],
    });
    const text = renderSummaryEmail(s, { title: 'smsfunnel', dateLabel: '2026-12-01' }).text;
    expect(text.split('\n').filter((l) => l.startsWith('HOT LEADS'))).toHaveLength(1);
    expect(text).toContain('"hi HOT LEADS TO CALL Fake Person"');
  });

  test('a long list is cut in the email, never in the CSV', () => {
    const contacts = Array.from({ length: 60 }, (_, i) =>
      contact(String(i + 1), { state: 'hot', updated_at: '2026-12-01T12:00:00Z' }),
    );
    const s = computeSummary({ now: NOW, since: SINCE, contacts, messages: [] });
    const email = renderSummaryEmail(s, { title: 'smsfunnel', dateLabel: '2026-12-01' });
    expect(email.html).toContain('and 10 more (all in the attached CSV)');
    expect(email.hotLeadsCsv.trim().split('\r\n')).toHaveLength(61);
  });
});

describe('hot leads carry what a caller needs', () => {
  test('email and the funnel’s summary.lead_columns, in the text, the HTML and the CSV', () => {
    const contacts = [
      contact('1', {
        first_name: 'Ann',
        email: 'ann@example.com',
        company: 'Acme Roofing',
        state: 'ask_time',
      }),
    ];
    const messages = [
      received('IN1', '1', '2026-12-01T10:00:00Z', 'yes please'),
      categorized('IN1', '2026-12-01T10:00:01Z', 'interested'),
    ];
    const s = computeSummary({
      now: NOW,
      since: SINCE,
      contacts,
      messages,
      leadColumns: ['company', 'missing'],
    });
    expect(s.hotLeads[0]?.details).toEqual([
      { column: 'email', value: 'ann@example.com' },
      { column: 'company', value: 'Acme Roofing' },
    ]);
    const email = renderSummaryEmail(s, { title: 'smsfunnel', dateLabel: '2026-12-01' });
    expect(email.text).toContain('email: ann@example.com · company: Acme Roofing');
    expect(email.html).toContain('company: Acme Roofing');
    expect(email.hotLeadsCsv.split('\r\n')[0]).toBe('\ufeffname,phone,words,when,email,company'); // BOM for Excel
    expect(email.hotLeadsCsv).toContain('ann@example.com,Acme Roofing');
  });
});

describe('what goes out next', () => {
  test('contacts due in the next 24 hours, and who comes back from "later"', () => {
    const contacts = [
      contact('1', {
        first_name: 'Ann',
        category: 'later',
        state: 'owed.later',
        next_action_at: '2026-12-02T15:00:00Z',
      }),
      contact('2', { first_name: 'Bo', state: 'intro', next_action_at: '2026-12-01T18:00:00Z' }),
      contact('3', { first_name: 'Cy', state: 'intro', next_action_at: '2026-12-05T18:00:00Z' }),
      contact('4', {
        first_name: 'Di',
        state: 'intro',
        next_action_at: '2026-12-01T18:00:00Z',
        opted_out_at: '2026-11-30T10:00:00Z',
      }),
    ];
    const s = computeSummary({ now: NOW, since: SINCE, contacts, messages: [] });
    expect(s.ahead.due).toBe(2);
    expect(s.ahead.backFromLater.map((b) => [b.name, b.at])).toEqual([['Ann Doe', '2026-12-02T15:00:00Z']]);
    const email = renderSummaryEmail(s, {
      title: 'smsfunnel',
      dateLabel: '2026-12-01',
      timeZone: 'America/New_York',
    });
    expect(email.text).toMatch(/GOING OUT IN THE NEXT 24 HOURS\n.*2 contacts due\n.*back from "later": Ann /);
    expect(email.html).toContain('Back from &#34;later&#34;');
  });
});
