/**
 * The three Messages routes of Twilio's 2010-04-01 API the CLI uses, as the OpenAPI description
 * twilio_api_v2010.json defines them: create (POST Messages.json), list (GET Messages.json with
 * To, From, DateSent, DateSent<, DateSent>, PageSize, Page, PageToken) and fetch
 * (GET Messages/{Sid}.json). Pure request -> answer functions over the store; HTTP is in index.ts,
 * the list route (filters and paging) in api-list.ts.
 */
import { type Faults, NUMBER_ERRORS, SENDER_ERRORS } from './faults.js';
import {
  API_VERSION,
  countSegments,
  errorBody,
  messageJson,
  newMessageSid,
  type StoredMessage,
  toSecond,
} from './format.js';
import type { MessageStore } from './store.js';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** store happened, but destroy the connection instead of answering ("accept and drop") */
  drop?: boolean;
}

export interface ApiContext {
  accountSid: string;
  store: MessageStore;
  faults: Faults;
  now: () => number;
  /** numbers the account owns; when set, another From gets 21606 */
  numbers?: readonly string[] | undefined;
}

const E164 = /^\+[1-9]\d{6,14}$/;
export const fail = (status: number, code: number, message: string): Answer => ({
  status,
  body: errorBody(status, code, message),
});

export function createMessage(ctx: ApiContext, form: URLSearchParams): Answer {
  const to = form.get('To');
  const from = form.get('From');
  const service = form.get('MessagingServiceSid');
  const body = form.get('Body') ?? '';
  // Checks in the order Twilio reports them (https://www.twilio.com/docs/errors/<code>).
  if (to === null || to === '') return fail(400, 21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return fail(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if ((from === null || from === '') && (service === null || service === '')) {
    return fail(400, 21603, "A 'From' phone number is required.");
  }
  if (service !== null && service !== '' && !/^MG[0-9a-fA-F]{32}$/.test(service)) {
    return fail(400, 21701, `The Messaging Service Sid ${service} is invalid.`);
  }
  if (from !== null && from !== '' && ctx.numbers !== undefined && !ctx.numbers.includes(from)) {
    return fail(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    );
  }
  const realism = ctx.faults.realism;
  if (realism.senderError !== undefined) {
    const code = realism.senderError;
    return fail(code === 20429 ? 429 : 400, code, `${SENDER_ERRORS[code]}: ${from ?? service ?? ''}`);
  }
  if (body === '') return fail(400, 21602, 'Message body is required.');
  if (body.length > 1600)
    return fail(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
  const numberError = ctx.faults.numberError(to);
  if (numberError !== undefined) return fail(400, numberError, `${NUMBER_ERRORS[numberError]}: ${to}`);

  const validityRaw = form.get('ValidityPeriod');
  if (validityRaw !== null && validityRaw !== '' && validity(validityRaw) === null)
    return fail(
      400,
      21624,
      'Validity period can only be set to integers between 1 and 36,000 seconds (10 hours max).',
    );
  const at = toSecond(ctx.now());
  const viaService = service !== null && service !== '' && realism.serviceAccepts === true;
  const asyncCode = realism.asyncFailures?.[to] ?? realism.asyncSenderError;
  const message: StoredMessage = {
    sid: newMessageSid(),
    direction: 'outbound-api',
    from: from === null || from === '' ? null : from,
    to,
    body,
    // A Messaging Service answers `accepted` and picks the sender later (no From, no date_sent yet).
    status: viaService ? 'accepted' : realism.staySent === true ? 'sent' : 'queued',
    errorCode: null,
    errorMessage: null,
    messagingServiceSid: service === null || service === '' ? null : service,
    numSegments: countSegments(body),
    dateCreated: at,
    dateSent: viaService ? null : at,
    dateUpdated: at,
    statusCallback: form.get('StatusCallback'),
    validityPeriod: validity(validityRaw),
    // only with a lag set: a test that moves the server's clock back still lists what it created
    ...((realism.listLagMs ?? 0) > 0 ? { listableAt: at + (realism.listLagMs ?? 0) } : {}),
  };
  ctx.store.add(message);
  // the create answer never has a price: Twilio fills it in once the text was sent
  const answer = { status: 201, body: { ...messageJson(ctx.accountSid, message, ctx.now()), price: null } };
  if (asyncCode !== undefined) {
    // Accepted now, failed a moment later before it was ever sent: no date_sent.
    ctx.store.update(message.sid, (m) => {
      Object.assign(m, {
        status: 'failed',
        errorCode: asyncCode,
        errorMessage: `Error ${asyncCode}`,
        dateSent: null,
      });
    });
  }
  if (ctx.faults.takeDrop()) return { status: 0, body: null, drop: true };
  return answer;
}

/** ValidityPeriod: seconds, 1 to 36000 (Twilio's Message resource reference; default 36000). */
function validity(raw: string | null): number | null {
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 36_000 ? n : null;
}

export function fetchMessage(ctx: ApiContext, sid: string, path: string): Answer {
  const m = ctx.store.get(sid);
  if (m === undefined) return fail(404, 20404, `The requested resource ${path} was not found`);
  return { status: 200, body: messageJson(ctx.accountSid, m, ctx.now()) };
}

/** `/2010-04-01/Accounts/{AccountSid}/Messages.json` and `/Messages/{Sid}.json`. */
export function matchRoute(
  pathname: string,
):
  | { accountSid: string; route: 'messages' }
  | { accountSid: string; route: 'message'; sid: string }
  | undefined {
  const m = new RegExp(`^/${API_VERSION}/Accounts/([^/]+)/Messages(?:/([^/]+))?\\.json$`).exec(pathname);
  if (m === null) return undefined;
  const accountSid = m[1] as string;
  return m[2] === undefined ? { accountSid, route: 'messages' } : { accountSid, route: 'message', sid: m[2] };
}
