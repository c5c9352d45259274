import { describe, expect, test } from 'vitest';
import { compact } from '../../src/core/summary/chart.js';
import { computeSummary, renderSummaryEmail } from '../../src/core/summary/index.js';
import { trendLines } from '../../src/core/summary/trend-text.js';
import { computeTrends } from '../../src/core/summary/trends.js';
import { categorized, contact, received, sent, status } from './fixtures.js';

// Tue 1 Dec 2026, 07:30 in Chicago; replies 9 on Sunday, 14 on Monday, 1 this morning.
const NOW = new Date('2026-12-01T13:30:00Z');
const ZONE = 'America/Chicago';

function week() {
  const contacts = Array.from({ length: 30 }, (_, i) => contact(String(i + 1)));
  const messages = [];
  for (let i = 0; i < 30; i += 1) {
    messages.push(sent(`SM${i}`, String(i + 1), '2026-11-29T15:00:00Z', { step: 'intro' }));
    messages.push(status(`SM${i}`, '2026-11-29T15:05:00Z', i < 28 ? 'delivered' : 'undelivered', '30003'));
  }
  const reply = (i: number, at: string, category: string) => {
    messages.push(received(`IN${i}`, String(i + 1), at, 'yes'));
    messages.push(categorized(`IN${i}`, at, category));
  };
  for (let i = 0; i < 9; i += 1) reply(i, '2026-11-29T20:00:00Z', i < 3 ? 'interested' : 'not_interested');
  for (let i = 9; i < 23; i += 1) reply(i, '2026-11-30T20:00:00Z', 'interested');
  reply(23, '2026-12-01T12:00:00Z', 'question');
  const summary = computeSummary({ now: NOW, contacts, messages, timeZone: ZONE });
  return renderSummaryEmail(summary, { title: 'Brightside', dateLabel: '2026-12-01', timeZone: ZONE });
}

describe('the trends in the email', () => {
  const email = week();

  test('the plain-text part has the seven days as numbers and says the same in words', () => {
    expect(email.text).toContain('THE LAST 7 DAYS (Tue 24 Nov to Mon 30 Nov)');
    expect(email.text).toMatch(/ {2}replies +0 +0 +0 +0 +0 +9 +14 +\| 1\n/);
    expect(email.text).toMatch(/ {2}sent +0 +0 +0 +0 +0 +30 +0 +\| 0\n/);
    expect(email.text).toContain(
      'Replies rose from 9 the day before to 14 yesterday (a swing this size is common by chance); the 7-day average is 3.3 a day.',
    );
    expect(email.text).toContain('Today so far (to 07:30 CST): 0 sent, 0 delivered, 1 reply,');
  });

  test('each step’s conversion: counts and shares of those reached, in both parts', () => {
    // 28 of the 30 intro texts were delivered; 24 of those contacts replied, 17 interested
    expect(email.text).toContain('HOW EACH STEP CONVERTS (texts sent since Tue 24 Nov)');
    expect(email.text).toMatch(
      /Intro +28 reached {2}24 replied \(86%\), 17 interested \(61%\), 0 opted out \(0%\)/,
    );
    expect(email.text).toContain('  Intro: 86% of the 28 reached replied.');
    expect(email.html).toContain('<b>Intro</b>');
    expect(email.html).toContain('24<br><span style="font-size:12px;color:#6b7280;">86%</span>');
  });

  test('the HTML chart: a bar a day and a metric, as table cells with a pixel height and a colour', () => {
    const bars =
      email.html.match(/<table role="presentation" aria-hidden="true"[^>]*><tr><td height="(\d+)"/g) ?? [];
    expect(bars).toHaveLength(48); // 6 metrics × (7 days + today)
    // Monday's 14 replies are the row's most: the full 28 px; Sunday's 9 get 18 px
    expect(email.html).toContain('title="Replies, Mon 30 Nov: 14"');
    expect(email.html).toMatch(
      /title="Replies, Mon 30 Nov: 14"[^>]*><table role="presentation" aria-hidden="true"[^>]*><tr><td height="28" bgcolor="#2563eb"/,
    );
    expect(email.html).toMatch(/title="Replies, Sun 29 Nov: 9"[^>]*><table[^>]*><tr><td height="18"/);
    expect(email.html).toContain('today<br>07:30');
  });

  test('the chart has its words beside it, and nothing a mail client strips', () => {
    expect(email.html).toContain('Replies rose from 9 the day before to 14 yesterday');
    expect(email.html).not.toMatch(/<svg|<script|<style|<canvas|<img|class=/i);
  });
});

describe('big numbers still fit', () => {
  test.each([
    [0, '0'],
    [9999, '9999'],
    [12_345, '12.3k'],
    [123_456, '123k'],
  ])('a chart cell shows %i as %s', (n, text) => {
    expect(compact(n)).toBe(text);
  });

  test('the text table widens its columns for five-digit days', () => {
    const messages = Array.from({ length: 12_345 }, (_, i) =>
      sent(`SM${i}`, '1', new Date(Date.parse('2026-11-30T15:00:00Z') + i * 1000).toISOString()),
    );
    const lines = trendLines(computeTrends({ now: NOW, timeZone: ZONE, contacts: [], messages }), ZONE);
    expect(lines).toContain('  sent           0     0     0     0     0     0 12345  | 0');
  });
});
