/**
 * The list route, GET Messages.json, as twilio_api_v2010.json (ListMessage) defines it: the To,
 * From and DateSent filters, PageSize, Page and PageToken, and page URIs the SDK follows.
 */
import { type Answer, type ApiContext, fail } from './api.js';
import { messageJson, toSecond } from './format.js';
import type { Cursor } from './store.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY = 86_400_000;

/**
 * A DateSent filter value as an inclusive [from, to] range in ms: a date covers its whole UTC
 * day. Twilio documents DateSent, DateSent< and DateSent> as dates only ("YYYY-MM-DD", GMT;
 * twilio_api_v2010.json, ListMessage), so by default a date-time counts as its whole day too:
 * every poll of a day re-lists that day's earlier messages, as a client must expect (issue #11).
 * `realism: { dateOnly: false }` takes a date-time to the second instead.
 */
function dateRange(raw: string, dateOnly: boolean): [number, number] | undefined {
  if (DATE.test(raw) || (dateOnly && DATE_TIME.test(raw))) {
    const day = raw.slice(0, 10);
    const t = Date.parse(`${day}T00:00:00Z`);
    return Number.isNaN(t) ? undefined : [t, t + DAY - 1000];
  }
  if (DATE_TIME.test(raw)) {
    const t = toSecond(Date.parse(raw));
    return Number.isNaN(t) ? undefined : [t, t];
  }
  return undefined;
}

const TOKEN_PREFIX = 'PA';
const encodeToken = (c: Cursor) => TOKEN_PREFIX + Buffer.from(`${c.time}:${c.sid}`).toString('base64url');
function decodeToken(token: string): Cursor | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [time, sid] = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString().split(':');
  const t = Number(time);
  return Number.isInteger(t) && sid !== undefined && sid !== '' ? { time: t, sid } : undefined;
}

export function listMessages(ctx: ApiContext, query: URLSearchParams, path: string): Answer {
  let sentFrom: number | undefined;
  let sentTo: number | undefined;
  for (const [name, side] of [
    ['DateSent', 'both'],
    ['DateSent>', 'from'],
    ['DateSent<', 'to'],
  ] as const) {
    const raw = query.get(name);
    if (raw === null) continue;
    const range = dateRange(raw, ctx.faults.realism.dateOnly !== false);
    if (range === undefined) {
      return fail(400, 20001, `Invalid ${name} "${raw}": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (GMT)`);
    }
    if (side !== 'to') sentFrom = Math.max(sentFrom ?? -Infinity, range[0]);
    if (side !== 'from') sentTo = Math.min(sentTo ?? Infinity, range[1]);
  }
  const pageSizeRaw = query.get('PageSize');
  const pageSize =
    pageSizeRaw === null ? 50 : Math.min(1000, Math.max(1, Math.trunc(Number(pageSizeRaw)) || 50));
  const page = Math.max(0, Math.trunc(Number(query.get('Page') ?? 0)) || 0);
  const tokenRaw = query.get('PageToken');
  const after = tokenRaw === null ? undefined : decodeToken(tokenRaw);
  if (tokenRaw !== null && after === undefined) return fail(400, 20001, `Invalid PageToken "${tokenRaw}"`);

  const { messages, more } = ctx.store.query({
    to: query.get('To') ?? undefined,
    from: query.get('From') ?? undefined,
    sentFrom,
    sentTo,
    after,
    limit: pageSize,
    listableBy: ctx.now(),
  });

  // Page URIs keep the filters, as Twilio's do, so the SDK can follow next_page_uri alone.
  const filters = new URLSearchParams();
  for (const name of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
    const v = query.get(name);
    if (v !== null) filters.set(name, v);
  }
  filters.set('PageSize', String(pageSize));
  const uriWith = (extra: Record<string, string>) => {
    const q = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${path}?${q.toString()}`;
  };
  const last = messages[messages.length - 1];
  const start = page * pageSize;
  return {
    status: 200,
    body: {
      end: messages.length === 0 ? start : start + messages.length - 1,
      first_page_uri: uriWith({ Page: '0' }),
      messages: messages.map((m) => messageJson(ctx.accountSid, m, ctx.now())),
      next_page_uri:
        more && last !== undefined
          ? uriWith({
              Page: String(page + 1),
              PageToken: encodeToken({ time: last.dateSent ?? last.dateCreated, sid: last.sid }),
            })
          : null,
      page,
      page_size: pageSize,
      // Forward paging only: the SDK and the CLI follow next_page_uri.
      previous_page_uri: null,
      start,
      uri: uriWith(tokenRaw === null ? { Page: String(page) } : { Page: String(page), PageToken: tokenRaw }),
    },
  };
}
