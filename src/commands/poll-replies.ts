/**
 * `smsfunnel poll-replies`: pulls inbound replies through Twilio's Messages list API — no webhook,
 * no public server — and refreshes the delivery status of recent outbound texts.
 *
 * Cost grows with what is new, not with history: the cursor (src/core/poll.ts) bounds the listing,
 * contacts.csv is read only when there is something to match or move (through its index, only
 * the rows needed), and with nothing new the run makes one list request and rewrites no file.
 */

import { loadFunnelFile } from '../adapters/funnel-file.js';
import type { DataDir } from '../adapters/store/index.js';
import type { TwilioMessage } from '../adapters/twilio/index.js';
import { FINAL_STATUSES, followPrices } from '../core/delivery.js';
import { applyDeliveryResults } from '../core/delivery-results.js';
import { compileFunnel } from '../core/funnel/index.js';
import type { InboxEntry } from '../core/inbox.js';
import { isoSeconds, LATER_MESSAGE_COLUMNS, MESSAGE_COLUMNS, messageRow } from '../core/model.js';
import { absorb, listFrom, type PollCursor, sendersToPoll } from '../core/poll.js';
import { strongerHold } from '../core/sender-hold.js';
import { STATE } from '../core/state-files.js';
import { ExitCode } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadCommandConfig, openStore, withSender } from './context.js';
import { statusUpdates } from './delivery-poll.js';

export async function run(
  ctx: CommandContext,
  _args: string[],
  _opts: Record<string, unknown>,
): Promise<number> {
  const dryRun = ctx.options.dryRun;
  const { config, clock } = loadCommandConfig(ctx, ['twilio']);
  // Replies come to the number the texts went from: the funnel file's `sender` when it names one.
  const funnel = await loadFunnelFile(config.funnelFile);
  const twilio = withSender(config.twilio, funnel);
  const now = clock.now();
  const store = await openStore(config, dryRun);
  const { createTwilioAdapter } = await import('../adapters/twilio/index.js');
  const adapter = await createTwilioAdapter(twilio);
  try {
    const cursor = await store.readState(STATE.pollCursor);
    const ourNumber = twilio.messagingServiceSid === undefined ? twilio.phoneNumber : undefined;
    // Delivery results first, then replies: the two ask Twilio for different things and either
    // order records the same. Contacts are read only for what moves them (a final delivery
    // result); a reply only needs the id of the number that wrote (looked up below, without
    // reading rows when the index allows). An operator's edit of contacts.csv while the replies
    // are listed is refused at save (test/commands/operator-edit.test.ts).
    const deliveries = await store.readState(STATE.deliveries);
    const updates = await statusUpdates(adapter, deliveries, now, ourNumber);
    const table = updates.some((u) => FINAL_STATUSES.has(u.status))
      ? await store.loadContacts({ ids: updates.map((u) => u.contactId) })
      : undefined;

    const listed: TwilioMessage[] = [];
    // Replies come to the number a text went from: every sender the funnel has used is polled.
    const senders = sendersToPoll(cursor, ourNumber);
    const listedSids = new Set<string>();
    // Twilio compares DateSent> by whole days and lists newest first: the listing stops at the
    // first message older than the cursor, so a busy day is not paged through at every poll.
    const from = listFrom(cursor, now);
    for (const to of senders.length === 0 ? [undefined] : senders) {
      for await (const m of adapter.listMessages({
        ...(to === undefined ? {} : { to }),
        dateSentAfter: from,
      })) {
        if (m.dateSent !== null && m.dateSent.getTime() < from.getTime()) break;
        if (m.direction === 'inbound' && !listedSids.has(m.sid)) {
          listedSids.add(m.sid);
          listed.push(m);
        }
      }
    }
    const inputs = listed.map((m) => ({
      sid: m.sid,
      status: m.status,
      dateSent: m.dateSent ?? undefined,
      dateCreated: m.dateCreated ?? undefined,
    }));
    // When something looks new, the log has the last word: a run killed after appending but
    // before saving its cursor left those replies in the log. Only the rows appended since the
    // cursor was saved are read (all of them without a cursor), so an idle poll reads nothing.
    const recorded =
      cursor === undefined || absorb(cursor, inputs, now).record.length > 0
        ? new Set(
            (await store.readMessages(await bookmark(store, cursor)))
              .filter((r) => r.event === 'received')
              .map((r) => r.sid),
          )
        : undefined;
    const result = absorb(cursor, inputs, now, (sid) => recorded?.has(sid) === true);
    const bySid = new Map(listed.map((m) => [m.sid, m]));
    const fresh = result.record.map((r) => bySid.get(r.sid) as TwilioMessage).reverse(); // oldest first

    const idByPhone = await store.contactIdsByPhone(
      fresh.map((m) => m.from ?? ''),
      table,
    );
    const entries: InboxEntry[] = fresh.map((m) => ({
      sid: m.sid,
      contactId: idByPhone.get(m.from ?? '') ?? '',
      from: m.from ?? '',
      to: m.to,
      body: m.body,
      dateSent: isoSeconds(m.dateSent as Date),
    }));
    const unknown = entries.filter((e) => e.contactId === '').length;

    if (dryRun) {
      for (const e of entries)
        ctx.out.print(
          `would record reply ${e.sid} from ${e.from}${e.contactId === '' ? ' (no contact)' : ` (contact ${e.contactId})`}: ${e.body}`,
        );
      for (const u of updates)
        ctx.out.print(`would record ${u.sid} as ${u.status}${u.errorCode === '' ? '' : ` (${u.errorCode})`}`);
      ctx.out.data({ replies: entries, statusUpdates: updates, held: result.held.length });
      ctx.out.result(
        `dry run: would record ${entries.length} repl${entries.length === 1 ? 'y' : 'ies'} and ${updates.length} delivery update(s) (nothing written)`,
      );
      return ExitCode.ok;
    }

    if (entries.length > 0) {
      // The inbox first: a kill before the log is written leaves them queued once (deduplicated
      // by SID) and the next poll records them, since the log does not have them.
      const inbox = await store.readState(STATE.inbox);
      const queued = new Set(inbox.replies.map((r) => r.sid));
      inbox.replies.push(...entries.filter((e) => !queued.has(e.sid)));
      await store.writeState(STATE.inbox, inbox);
      await store.appendMessages(
        entries.map((e) =>
          messageRow({
            logged_at: isoSeconds(now),
            event: 'received',
            sid: e.sid,
            direction: 'inbound',
            contact_id: e.contactId,
            from: e.from,
            to: e.to,
            body: e.body,
            status: 'received',
            segments: String(bySid.get(e.sid)?.numSegments ?? ''),
            date_sent: e.dateSent,
          }),
        ),
      );
    }

    let failures: string[] = [];
    if (updates.length > 0) {
      const sender = twilio.messagingServiceSid ?? twilio.phoneNumber ?? '';
      const resendsBefore = deliveries.resends.length;
      followPrices(deliveries, updates, new Map(deliveries.pending.map((p) => [p.sid, p])));
      const effects = applyDeliveryResults(updates, deliveries, table?.rows ?? [], now, {
        compiled: () => compileFunnel(funnel),
        sender,
      });
      failures = effects.lines;
      if (effects.hold !== undefined) {
        const before = await store.readState(STATE.senderHold);
        const same = before?.sender === sender ? before : undefined;
        const texts = (same?.texts ?? 0) + effects.hold.texts;
        const hold = strongerHold(same, effects.hold);
        await store.writeState(STATE.senderHold, { ...hold, texts });
        ctx.out.warn(
          `Twilio ${effects.hold.code}: ${effects.hold.meaning}. ${effects.hold.fix}; \`send\` creates no text from ${sender} until then${effects.hold.until === null ? ' (then run `smsfunnel retry --sender`)' : ` (it tries again after ${effects.hold.until})`}.`,
        );
      }
      await store.appendOptOuts(effects.optOuts);
      if (deliveries.resends.length > resendsBefore) await store.forgetSchedule();
      await store.appendMessages(
        updates.map((u) =>
          messageRow({
            logged_at: isoSeconds(now),
            event: 'status',
            sid: u.sid,
            direction: 'outbound',
            contact_id: u.contactId,
            status: u.status,
            error_code: u.errorCode,
            price: u.price,
            price_unit: u.priceUnit,
          }),
        ),
      );
      if (table !== undefined && effects.contactsChanged) await store.saveContacts(table);
      await store.writeState(STATE.deliveries, deliveries);
    }
    // Last, the cursor, with the log's size as its bookmark: everything up to here is recorded.
    const newSender = senders.length > (cursor?.senders?.length ?? 0);
    if (result.changed || entries.length > 0 || updates.length > 0 || newSender) {
      await store.writeState(STATE.pollCursor, {
        ...result.cursor,
        ...(senders.length === 0 ? {} : { senders }),
        logSize: await store.messagesSize(),
        logHeader: await store.messagesHeaderBytes(),
      });
    }
    for (const f of failures) ctx.out.warn(f);

    const parts = [
      `recorded ${entries.length} repl${entries.length === 1 ? 'y' : 'ies'}${unknown > 0 ? ` (${unknown} from numbers that are no contact)` : ''}`,
    ];
    if (updates.length > 0)
      parts.push(
        `${updates.length} delivery update(s)${failures.length > 0 ? `, ${failures.length} failed` : ''}`,
      );
    if (result.held.length > 0) parts.push(`${result.held.length} still arriving`);
    ctx.out.result(parts.join(', '));
    ctx.out.data({
      replies: entries.length,
      unknownNumbers: unknown,
      statusUpdates: updates.length,
      failed: failures.length,
      held: result.held.length,
    });
    return ExitCode.ok;
  } finally {
    adapter.close();
    await store.close();
  }
}

/** The header line a log had before it could gain columns (LATER_MESSAGE_COLUMNS), in bytes. */
const ORIGINAL_HEADER_BYTES =
  MESSAGE_COLUMNS.filter((c) => !(LATER_MESSAGE_COLUMNS as readonly string[]).includes(c)).join(',').length +
  1;

/**
 * Where the rows appended since the cursor was saved start: its bookmark, unless the log's header
 * changed length since (a widened header moves every row), then the start (reading more is safe).
 */
async function bookmark(store: DataDir, cursor: PollCursor | undefined): Promise<number> {
  if (cursor?.logSize === undefined) return 0;
  const header = await store.messagesHeaderBytes();
  return (cursor.logHeader ?? ORIGINAL_HEADER_BYTES) === header ? cursor.logSize : 0;
}
