/**
 * The control surface over HTTP, for a server running in another process (the demo, scripts):
 * JSON in and out under `/__control/`, the same operations as the methods of `TwilioServer`.
 *
 *   POST /__control/inbound   {from, to, body, at?, receiving?}   -> the message (API JSON)
 *   POST /__control/receive   {sid, at?}                          -> the message
 *   POST /__control/status    {sids, status, errorCode?}          -> {updated}
 *   POST /__control/now       {now}                               -> {now}
 *   POST /__control/faults    FaultSettings                       -> {ok}
 *   GET  /__control/messages                                      -> [API JSON, oldest first]
 *   GET  /__control/requests                                      -> {route: count}
 */
import type { Answer } from './api.js';
import type { FaultSettings } from './faults.js';
import type { MessageStatus } from './format.js';
import type { TwilioServer } from './types.js';

const bad = (message: string): Answer => ({ status: 400, body: { error: message } });

function date(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new Error(`${field} must be an ISO 8601 time, got ${JSON.stringify(value)}`);
  return new Date(t);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${field} is required (a string)`);
  return value;
}

export function handleControl(server: TwilioServer, method: string, url: URL, raw: string): Answer {
  const action = url.pathname.slice('/__control/'.length);
  try {
    if (method === 'GET' && action === 'messages') {
      return { status: 200, body: server.messages().map((m) => server.messageJson(m.sid)) };
    }
    if (method === 'GET' && action === 'requests') return { status: 200, body: server.requestCounts() };
    if (method !== 'POST') return bad(`unknown control route ${method} ${url.pathname}`);
    const input = (raw === '' ? {} : JSON.parse(raw)) as Record<string, unknown>;
    switch (action) {
      case 'inbound': {
        const m = server.injectInbound({
          from: text(input.from, 'from'),
          to: text(input.to, 'to'),
          body: text(input.body, 'body'),
          at: date(input.at, 'at'),
          receiving: input.receiving === true,
        });
        return { status: 201, body: server.messageJson(m.sid) };
      }
      case 'receive': {
        const m = server.completeReceiving(text(input.sid, 'sid'), date(input.at, 'at'));
        return { status: 200, body: server.messageJson(m.sid) };
      }
      case 'status': {
        const sids = Array.isArray(input.sids) ? (input.sids as string[]) : [text(input.sid, 'sid')];
        const errorCode = typeof input.errorCode === 'number' ? input.errorCode : undefined;
        server.setStatus(sids, text(input.status, 'status') as MessageStatus, errorCode);
        return { status: 200, body: { updated: sids.length } };
      }
      case 'now': {
        const now = date(input.now, 'now');
        if (now === undefined) return bad('now is required (an ISO 8601 time)');
        server.setNow(now);
        return { status: 200, body: { now: server.now().toISOString() } };
      }
      case 'faults':
        server.faults(input as FaultSettings);
        return { status: 200, body: { ok: true } };
      default:
        return bad(`unknown control route POST ${url.pathname}`);
    }
  } catch (error) {
    return bad(error instanceof Error ? error.message : String(error));
  }
}
