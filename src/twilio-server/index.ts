/**
 * A Twilio-compatible HTTP server for tests, benchmarks and `smsfunnel demo`: the Messages API
 * with HTTP Basic auth (api.ts), a store that lists a million messages quickly (store.ts), fault
 * injection (faults.ts) and a control surface to play the other side — inbound texts, delivery
 * results, the clock — as methods here and as JSON over HTTP under `/__control/` (control.ts).
 * It listens on 127.0.0.1 only by default; the control routes need no credentials. The types a
 * caller sees (options, the control methods) are in types.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, type ApiContext, createMessage, fetchMessage, matchRoute } from './api.js';
import { listMessages } from './api-list.js';
import { handleControl } from './control.js';
import { Faults } from './faults.js';
import {
  countSegments,
  errorBody,
  messageJson,
  newMessageSid,
  type StoredMessage,
  toSecond,
} from './format.js';
import { MessageStore } from './store.js';
import type { TwilioServer, TwilioServerOptions } from './types.js';

export type { FaultSettings, NumberErrorCode, Realism, SenderErrorCode } from './faults.js';
export type { MessageStatus, StoredMessage } from './format.js';
export type { InboundMessage, TwilioServer, TwilioServerOptions } from './types.js';

const ERROR_TEXT: Record<number, string> = {
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
};

export async function startTwilioServer(options: TwilioServerOptions): Promise<TwilioServer> {
  const baseClock = options.now ?? (() => new Date());
  let offset = 0;
  const nowMs = () => baseClock().getTime() + offset;
  const store = new MessageStore();
  const faults = new Faults(options.realism);
  const counts = new Map<string, number>();
  const hooks = new Set<{ route: string; hook: () => void | Promise<void> }>();
  const ctx: ApiContext = {
    accountSid: options.accountSid,
    store,
    faults,
    now: nowMs,
    numbers: options.numbers,
  };
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: errorBody(500, 20500, `Internal Server Error: ${String(error)}`) });
    });
  });
  // Longer than any test's pause, so a client never reuses a socket the server is closing.
  server.keepAliveTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/__control/'))
      return send(res, handleControl(control, req.method ?? 'GET', url, raw));
    const route = matchRoute(url.pathname);
    const routeName =
      route === undefined
        ? 'other'
        : route.route === 'message'
          ? 'GET /Messages/{Sid}.json'
          : `${req.method} /Messages.json`;
    counts.set(routeName, (counts.get(routeName) ?? 0) + 1);
    for (const h of [...hooks]) if (h.route === routeName) await h.hook();
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (
      req.headers.authorization !== expectedAuth ||
      (route !== undefined && route.accountSid !== options.accountSid)
    ) {
      // Twilio's answer to refused credentials: https://www.twilio.com/docs/errors/20003
      return send(res, {
        status: 401,
        body: errorBody(401, 20003, 'Authenticate'),
        headers: { 'WWW-Authenticate': 'Basic realm="Twilio API"' },
      });
    }
    const failure = faults.takeFailure();
    if (failure !== undefined) {
      const code = failure.status === 429 ? 20429 : failure.status === 503 ? 20503 : 20500;
      const text =
        failure.status === 429
          ? 'Too Many Requests'
          : failure.status === 503
            ? 'Service Unavailable'
            : 'Internal Server Error';
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) };
      return send(res, { status: failure.status, body: errorBody(failure.status, code, text), headers });
    }
    if (route === undefined)
      return send(res, {
        status: 404,
        body: errorBody(404, 20404, `The requested resource ${url.pathname} was not found`),
      });
    if (route.route === 'message' && req.method === 'GET')
      return send(res, fetchMessage(ctx, route.sid, url.pathname));
    if (route.route === 'messages' && req.method === 'GET')
      return send(res, listMessages(ctx, url.searchParams, url.pathname));
    if (route.route === 'messages' && req.method === 'POST') {
      const answer = createMessage(ctx, new URLSearchParams(raw));
      if (answer.drop === true) {
        res.socket?.destroy();
        return;
      }
      return send(res, answer);
    }
    return send(res, { status: 405, body: errorBody(405, 20004, `Method ${req.method} not allowed`) });
  }

  const addMessage = (m: Omit<StoredMessage, 'sid'> & { sid?: string }): StoredMessage => {
    const message: StoredMessage = { ...m, sid: m.sid ?? newMessageSid() };
    store.add(message);
    return message;
  };
  const mustGet = (sid: string): StoredMessage => {
    const m = store.get(sid);
    if (m === undefined) throw new Error(`no message ${sid} on the local Twilio server`);
    return m;
  };

  const control: TwilioServer = {
    url: '',
    accountSid: options.accountSid,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    now: () => new Date(nowMs()),
    setNow(date) {
      offset = date.getTime() - baseClock().getTime();
    },
    injectInbound({ from, to, body, at, receiving }) {
      const t = toSecond(at?.getTime() ?? nowMs());
      return addMessage({
        direction: 'inbound',
        from,
        to,
        body,
        status: receiving === true ? 'receiving' : 'received',
        errorCode: null,
        errorMessage: null,
        messagingServiceSid: null,
        numSegments: countSegments(body),
        dateCreated: t,
        dateSent: receiving === true ? null : t,
        dateUpdated: t,
        statusCallback: null,
      });
    },
    completeReceiving(sid, at) {
      const t = toSecond(at?.getTime() ?? mustGet(sid).dateCreated);
      return store.update(sid, (m) => {
        Object.assign(m, { status: 'received', dateSent: t, dateUpdated: Math.max(m.dateUpdated, t) });
      }) as StoredMessage;
    },
    setStatus(sids, status, errorCode) {
      const t = toSecond(nowMs());
      for (const sid of typeof sids === 'string' ? [sids] : sids) {
        mustGet(sid);
        store.update(sid, (m) => {
          m.status = status;
          m.errorCode = errorCode ?? null;
          m.errorMessage = errorCode === undefined ? null : (ERROR_TEXT[errorCode] ?? `Error ${errorCode}`);
          m.dateUpdated = Math.max(m.dateUpdated, t);
          const lag = faults.realism.priceLagMs ?? 0;
          if (lag > 0 && ['sent', 'delivered', 'undelivered'].includes(status)) m.pricedAt ??= t + lag;
          // Sent at last (a Messaging Service's `accepted` text gets its date_sent now).
          if (m.dateSent === null && status !== 'failed' && status !== 'accepted' && status !== 'queued')
            m.dateSent = t;
        });
      }
    },
    messages: () => store.list().map((m) => ({ ...m })),
    messageJson(sid) {
      const m = store.get(sid);
      return m === undefined ? undefined : messageJson(options.accountSid, m, nowMs());
    },
    addMessages: (list) => list.map(addMessage),
    faults: (settings) => faults.apply(settings),
    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
    onRequest(route, hook) {
      const entry = { route, hook };
      hooks.add(entry);
      return () => hooks.delete(entry);
    },
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return Object.assign(control, { url: `http://${host}:${address.port}` });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...answer.headers,
  });
  res.end(text);
}
