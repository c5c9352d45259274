/**
 * How the Twilio REST API writes things, for the local server: SIDs, RFC 2822 dates, the
 * message resource JSON (`api.v2010.account.message` in Twilio's OpenAPI description
 * twilio_api_v2010.json) and the error body `{code, message, more_info, status}`.
 */
import { randomBytes } from 'node:crypto';

export const API_VERSION = '2010-04-01';

export type Direction = 'inbound' | 'outbound-api';
export type MessageStatus =
  | 'accepted'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'receiving'
  | 'received';

/** One stored message. Times are epoch milliseconds, whole seconds (Twilio's dates have seconds). */
export interface StoredMessage {
  sid: string;
  direction: Direction;
  from: string | null;
  to: string;
  body: string;
  status: MessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  messagingServiceSid: string | null;
  numSegments: number;
  dateCreated: number;
  dateSent: number | null;
  dateUpdated: number;
  statusCallback: string | null;
  /** seconds the text may wait in Twilio's queue before it is dropped (ValidityPeriod) */
  validityPeriod?: number | null;
  /** when a list answer may first show it (a list that lags creates); fetch sees it at once */
  listableAt?: number;
  /** when its price may first show (realism `priceLagMs`); absent: as soon as it is billed */
  pricedAt?: number;
}

/** `SM` + 32 hex characters, as every SMS SID. */
export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** Whole seconds: the resolution of the API's dates, so filters and listings agree. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 2822 date as Twilio writes it: `Thu, 30 Jul 2015 20:12:31 +0000`. */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

/** The message resource with every field the OpenAPI schema lists. */
export function messageJson(accountSid: string, m: StoredMessage, now?: number): Record<string, unknown> {
  const uri = messageUri(accountSid, m.sid);
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: m.dateSent === null ? null : rfc2822(m.dateSent),
    date_updated: rfc2822(m.dateUpdated),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: '0',
    num_segments: String(m.numSegments),
    price: priceOf(m, now),
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: {
      media: uri.replace(/\.json$/, '/Media.json'),
      feedback: uri.replace(/\.json$/, '/Feedback.json'),
    },
    to: m.to,
    uri,
  };
}

/** Twilio's error body; `more_info` is the code's page in the error dictionary. */
/** What the local server bills a segment, in USD: a US long-code rate (Twilio's list price varies). */
export const PRICE_PER_SEGMENT = 0.0079;
/** Statuses after which an outbound text has been handed to the carrier, and so is billed. */
const BILLED = new Set<MessageStatus>(['sent', 'delivered', 'undelivered']);

/**
 * `price` as Twilio reports it: null at create and while queued, sending, accepted or failed
 * (a text that never left is not billed); once sent, the negative amount billed, per segment, as
 * a decimal string with 5 places (`-0.00790`). The OpenAPI description (twilio_api_v2010.json,
 * Message `price`): "populated after the message has been sent/received, and may not be
 * immediately available"; inbound texts are priced too.
 */
export function priceOf(m: StoredMessage, now?: number): string | null {
  if (m.pricedAt !== undefined && now !== undefined && now < m.pricedAt) return null;
  if (m.direction === 'inbound')
    return m.status === 'received' ? (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5) : null;
  return BILLED.has(m.status) ? (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5) : null;
}

export function errorBody(status: number, code: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

// GSM 03.38 basic set (one septet each) and extension table (escape + one septet).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/**
 * Segments the way carriers count them: GSM-7 160 septets alone, 153 per part when split;
 * otherwise UCS-2 70 code units alone, 67 per part (Twilio docs, "What the heck is a segment?").
 */
export function countSegments(body: string): number {
  let septets = 0;
  let gsm = true;
  for (const ch of body) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = body.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
