import { describe, expect, test } from 'vitest';
import { absorb, type ListedInbound, OVERLAP_MS } from '../../src/core/poll.js';

const now = new Date('2026-12-01T17:00:00Z');
const at = (iso: string) => new Date(iso);
const msg = (sid: string, sent: string | undefined, status = 'received'): ListedInbound => ({
  sid,
  status,
  dateSent: sent === undefined ? undefined : at(sent),
  dateCreated: at(sent ?? '2026-12-01T16:59:00Z'),
});

describe('poll cursor', () => {
  test('records new messages once; the same listing again records nothing and changes nothing', () => {
    const listing = [msg('SM1', '2026-12-01T16:50:00Z'), msg('SM2', '2026-12-01T16:55:00Z')];
    const first = absorb(undefined, listing, now);
    expect(first.record.map((m) => m.sid)).toEqual(['SM1', 'SM2']);
    expect(first.cursor.after).toBe(
      new Date(at('2026-12-01T16:55:00Z').getTime() - OVERLAP_MS).toISOString(),
    );
    expect(first.cursor.seen).toEqual(['SM1', 'SM2']);
    const again = absorb(first.cursor, listing, now);
    expect(again.record).toEqual([]);
    expect(again.changed).toBe(false);
  });

  test('two messages in the same second, one listed late, are both recorded exactly once', () => {
    const first = absorb(undefined, [msg('SM1', '2026-12-01T16:55:00Z')], now);
    const second = absorb(
      first.cursor,
      [msg('SM1', '2026-12-01T16:55:00Z'), msg('SM9', '2026-12-01T16:55:00Z')],
      now,
    );
    expect(second.record.map((m) => m.sid)).toEqual(['SM9']);
  });

  test('a message still receiving is held and holds the cursor back', () => {
    const first = absorb(
      undefined,
      [msg('SM1', '2026-12-01T16:40:00Z'), msg('SM2', undefined, 'receiving')],
      now,
    );
    expect(first.record.map((m) => m.sid)).toEqual(['SM1']);
    expect(first.held.map((m) => m.sid)).toEqual(['SM2']);
    expect(Date.parse(first.cursor.after)).toBeLessThanOrEqual(
      at('2026-12-01T16:59:00Z').getTime() - OVERLAP_MS,
    );
    const later = absorb(
      first.cursor,
      [msg('SM1', '2026-12-01T16:40:00Z'), msg('SM2', '2026-12-01T16:59:30Z')],
      now,
    );
    expect(later.record.map((m) => m.sid)).toEqual(['SM2']);
  });

  test('a SID already in the log is skipped when the cursor was lost', () => {
    const r = absorb(undefined, [msg('SM1', '2026-12-01T16:40:00Z')], now, (sid) => sid === 'SM1');
    expect(r.record).toEqual([]);
  });

  test('the cursor never moves backwards', () => {
    const cursor = { after: '2026-12-01T16:00:00.000Z', seen: [] };
    const r = absorb(cursor, [msg('SM5', '2026-12-01T16:01:00Z', 'receiving')], now);
    expect(r.cursor.after).toBe('2026-12-01T16:00:00.000Z');
  });
});
