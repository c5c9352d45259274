/**
 * The Twilio port over the official SDK: send, list (every page), fetch, and the reconciliation
 * of an ambiguous send. Every call goes through the retry loop in errors.ts; the credentials are
 * never logged nor put in an error message.
 */
import type { TwilioConfig } from '../../config.js';
import { UnavailableError } from '../../errors.js';
import { type BuiltClient, buildClient, recordCall } from './client.js';
import { DEFAULT_RETRY, type RetryDeps, type RetryPolicy, withRetry } from './errors.js';
import type {
  FindSentRequest,
  MessageFilter,
  SendOutcome,
  SendRequest,
  TwilioAdapter,
  TwilioMessage,
} from './types.js';

export interface TwilioAdapterDeps {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
}

/** The fields of the SDK's MessageInstance this adapter reads. */
interface SdkMessage {
  sid: string;
  direction: string;
  from: string | null;
  to: string;
  body: string | null;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  numSegments: string | null;
  messagingServiceSid: string | null;
  dateCreated: Date | null;
  dateSent: Date | null;
  dateUpdated: Date | null;
  price: string | null;
  priceUnit: string | null;
}

const validDate = (d: Date | null | undefined) =>
  d instanceof Date && !Number.isNaN(d.getTime()) ? d : null;

function toMessage(m: SdkMessage): TwilioMessage {
  const segments = Number(m.numSegments);
  return {
    sid: m.sid,
    direction: m.direction,
    from: m.from ?? null,
    to: m.to,
    body: m.body ?? '',
    status: m.status,
    errorCode: m.errorCode ?? null,
    errorMessage: m.errorMessage ?? null,
    numSegments: Number.isFinite(segments) ? segments : 0,
    messagingServiceSid: m.messagingServiceSid ?? null,
    dateCreated: validDate(m.dateCreated),
    dateSent: validDate(m.dateSent),
    dateUpdated: validDate(m.dateUpdated),
    price: m.price ?? null,
    priceUnit: m.priceUnit ?? null,
  };
}

export async function createTwilioAdapter(
  config: TwilioConfig,
  deps: TwilioAdapterDeps = {},
): Promise<TwilioAdapter> {
  const built: BuiltClient = await buildClient(config);
  const { client } = built;
  const retryDeps: RetryDeps = {
    now: () => (deps.now?.() ?? new Date()).getTime(),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
  };
  const policy: RetryPolicy = { ...DEFAULT_RETRY, totalMs: config.retryForMs, ...deps.retry };

  /** One SDK call under the retry loop, with its answer's Retry-After at hand. */
  function call<T>(what: string, create: boolean, fn: () => Promise<T>) {
    const record: { retryAfter?: string | undefined } = {};
    return withRetry(
      what,
      create,
      () => recordCall(fn, record),
      () => record.retryAfter,
      policy,
      retryDeps,
    );
  }

  const sender =
    config.messagingServiceSid !== undefined
      ? { messagingServiceSid: config.messagingServiceSid }
      : { from: config.phoneNumber };

  async function sendMessage(request: SendRequest): Promise<SendOutcome> {
    const result = await call(`send a message to ${request.to}`, true, () =>
      client.messages.create({
        to: request.to,
        body: request.body,
        ...sender,
        ...(request.statusCallback === undefined ? {} : { statusCallback: request.statusCallback }),
        ...(request.validityPeriod === undefined ? {} : { validityPeriod: request.validityPeriod }),
      }),
    );
    if (result.ok) return { kind: 'sent', message: toMessage(result.value as unknown as SdkMessage) };
    const { failure } = result;
    if (failure.kind === 'rejected' || failure.kind === 'stopped') return failure;
    if (failure.kind === 'ambiguous') return { kind: 'ambiguous', error: failure.description };
    // 404 on create: the account's Messages resource is unknown; no contact is at fault.
    throw new UnavailableError(
      `Twilio could not send: ${failure.description}`,
      'Check TWILIO_ACCOUNT_SID and TWILIO_API_BASE_URL, then run again.',
    );
  }

  async function* listMessages(filter: MessageFilter = {}): AsyncGenerator<TwilioMessage> {
    const params = {
      ...(filter.to === undefined ? {} : { to: filter.to }),
      ...(filter.from === undefined ? {} : { from: filter.from }),
      ...(filter.dateSent === undefined ? {} : { dateSent: filter.dateSent }),
      ...(filter.dateSentAfter === undefined ? {} : { dateSentAfter: filter.dateSentAfter }),
      ...(filter.dateSentBefore === undefined ? {} : { dateSentBefore: filter.dateSentBefore }),
      // PageSize: at most 1000 per Twilio's API reference; the default 50 would mean 20x the requests.
      pageSize: Math.min(1000, Math.max(1, filter.pageSize ?? 1000)),
    };
    let result = await call('list messages', false, () => client.messages.page(params));
    for (;;) {
      if (!result.ok) {
        // 404 on a list: the account's Messages resource is unknown (wrong SID or base URL).
        throw new UnavailableError(
          `Twilio could not list messages: ${'description' in result.failure ? result.failure.description : result.failure.message}`,
          'Check TWILIO_ACCOUNT_SID and TWILIO_API_BASE_URL, then run again.',
        );
      }
      const page = result.value;
      for (const m of page.instances) yield toMessage(m as unknown as SdkMessage);
      const next = page.nextPageUrl;
      if (next === undefined) return;
      result = await call('list messages (next page)', false, () => client.messages.getPage(next));
    }
  }

  async function fetchMessage(sid: string): Promise<TwilioMessage | undefined> {
    const result = await call(`fetch message ${sid}`, false, () => client.messages(sid).fetch());
    return result.ok ? toMessage(result.value as unknown as SdkMessage) : undefined;
  }

  async function findSentSince(request: FindSentRequest): Promise<TwilioMessage[]> {
    const from = request.since.getTime() - (request.skewMs ?? 5 * 60_000);
    // No DateSent> filter here: on real Twilio a message still queued has no date_sent yet and
    // that filter would hide it, which is the very message we are looking for. A contact gets a
    // handful of messages, so listing everything sent to the number costs one page; the time
    // check is ours, on date_created.
    const fromSecond = Math.floor(from / 1000) * 1000;
    const found: TwilioMessage[] = [];
    for await (const m of listMessages({ to: request.to })) {
      const at = m.dateCreated ?? m.dateSent;
      if (
        m.direction.startsWith('outbound') &&
        m.body === request.body &&
        at !== null &&
        at.getTime() >= fromSecond
      ) {
        found.push(m);
      }
    }
    return found;
  }

  return { sendMessage, listMessages, fetchMessage, findSentSince, close: built.close };
}
