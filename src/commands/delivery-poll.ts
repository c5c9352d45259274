/**
 * The delivery results (and prices) `poll-replies` asks Twilio for: the texts whose result is not
 * known yet, and those whose result came before their price, within the status window.
 */
import type { TwilioAdapter, TwilioMessage } from '../adapters/twilio/index.js';
import { type Deliveries, FINAL_STATUSES, STATUS_WINDOW_MS } from '../core/delivery.js';
import type { StatusUpdate } from '../core/delivery-results.js';

/** Up to this many pending texts are fetched one by one; more are found by one listing. */
const FETCH_AT_MOST = 20;
/** Fetches run this many at a time. */
const FETCH_CONCURRENCY = 8;
/** A text the listing does not show (no date_sent yet) is fetched once it is this old. */
const UNLISTED_AFTER_MS = 10 * 60_000;

/**
 * The delivery results of texts not known yet (within the window). Many are found by listing what
 * we sent since the oldest of them (our number's, or with a Messaging Service the account's; one
 * request a page). A few, and those a DateSent listing cannot show (no date_sent: still queued,
 * or failed before it was sent), are fetched by SID, several at a time.
 */
export async function statusUpdates(
  adapter: TwilioAdapter,
  deliveries: Deliveries,
  now: Date,
  ourNumber: string | undefined,
): Promise<StatusUpdate[]> {
  const oldest = now.getTime() - STATUS_WINDOW_MS;
  deliveries.pending = deliveries.pending.filter((p) => Date.parse(p.sentAt) >= oldest);
  if (deliveries.unpriced !== undefined)
    deliveries.unpriced = deliveries.unpriced.filter((p) => Date.parse(p.sentAt) >= oldest);
  // texts whose result is known but not their price are looked up with the others
  const awaitingPrice = new Set((deliveries.unpriced ?? []).map((p) => p.sid));
  const watched = [...deliveries.pending, ...(deliveries.unpriced ?? [])];
  const pending = new Map(watched.map((p) => [p.sid, p]));
  const found = new Map<string, TwilioMessage>();
  const listing = pending.size > FETCH_AT_MOST;
  if (listing) {
    const since = Math.min(...watched.map((p) => Date.parse(p.sentAt))) - 60_000;
    for await (const m of adapter.listMessages({
      ...(ourNumber === undefined ? {} : { from: ourNumber }),
      dateSentAfter: new Date(since),
    })) {
      if (m.dateSent !== null && m.dateSent.getTime() < since) break; // newest first: the rest is older
      if (pending.has(m.sid)) found.set(m.sid, m);
    }
  }
  const toFetch = watched.filter(
    (p) => !found.has(p.sid) && (!listing || now.getTime() - Date.parse(p.sentAt) >= UNLISTED_AFTER_MS),
  );
  const { default: pMap } = await import('p-map');
  await pMap(
    toFetch,
    async (p) => {
      const m = await adapter.fetchMessage(p.sid);
      if (m !== undefined) found.set(m.sid, m);
    },
    { concurrency: FETCH_CONCURRENCY },
  );
  return [...found.values()]
    .filter((m) => (awaitingPrice.has(m.sid) ? m.price !== null : FINAL_STATUSES.has(m.status)))
    .map((m) => ({
      sid: m.sid,
      contactId: pending.get(m.sid)?.contactId ?? '',
      // a price that came after the result: a row with the price alone (the result is logged)
      status: awaitingPrice.has(m.sid) ? '' : m.status,
      errorCode: m.errorCode === null ? '' : String(m.errorCode),
      // what Twilio billed, once it says (null at create, filled after the text was sent)
      price: m.price ?? '',
      priceUnit: m.price === null ? '' : (m.priceUnit ?? ''),
    }));
}
