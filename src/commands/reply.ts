/**
 * `smsfunnel reply <phone|id> "text"`: one text from a person, through the send path: never to an
 * opted-out number, inside the contact's window (the funnel's quiet hours; `--now` widens that to
 * what the law of the contact's state allows, never past it), journaled before the request so it
 * goes exactly once, logged in messages.csv as step `person`. From then on a person handles the
 * contact: the funnel sends it nothing and routes none of its replies until `smsfunnel resume`.
 */
import { randomUUID } from 'node:crypto';
import { loadFunnelFile } from '../adapters/funnel-file.js';
import { SendJournal } from '../adapters/send-journal.js';

import { stoppedError } from '../adapters/twilio/errors.js';
import { capReached, pruneRecent, ruledWindow, ruleFor } from '../core/compliance/state-rules.js';
import { suppressedNumbers } from '../core/compliance/suppression.js';
import { isOptedOut } from '../core/contact-update.js';
import { localTime } from '../core/local-time.js';
import { isoSeconds } from '../core/model.js';
import { contactTimeZone, validityPeriod, WIDEST_QUIET_HOURS } from '../core/quiet-hours.js';
import { refusalOf } from '../core/refusal.js';
import { applyIntentTo, type Intent, sentRow, sidEntry } from '../core/send-intent.js';
import { STATE } from '../core/state-files.js';
import { codeMeaning } from '../core/twilio-codes.js';
import { DataError, ExitCode, SmsfunnelError, UnavailableError, UsageError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore, requireContact, withSender } from './context.js';

const MAX_BODY = 1600;

export async function run(
  ctx: CommandContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const [ref, text] = args;
  if (ref === undefined || text === undefined || text.trim() === '')
    throw new UsageError('reply needs the contact and the text: smsfunnel reply <phone|id> "text"');
  if (text.length > MAX_BODY)
    throw new UsageError(`the text is ${text.length} characters; Twilio takes at most ${MAX_BODY}`);
  const dryRun = ctx.options.dryRun;
  const { config, clock } = loadCommandConfig(ctx, dryRun ? [] : ['twilio']);
  const funnel = await loadFunnelFile(config.funnelFile);
  const now = clock.now();
  const store = await openStore(config, dryRun);
  const journal = new SendJournal(config.dataDir);
  let adapter:
    | Awaited<ReturnType<typeof import('../adapters/twilio/index.js')['createTwilioAdapter']>>
    | undefined;
  try {
    if (journal.unsettled().length > 0)
      throw new SmsfunnelError(
        ExitCode.tempFail,
        'an interrupted send is not settled yet',
        'Run `smsfunnel send` first (it checks with Twilio what went out), then reply again.',
      );
    const table = await store.loadContacts();
    const contact = requireContact(table.rows, ref, store.contactsPath);
    const who = `contact ${contact.id} (${contact.phone})`;
    if (isOptedOut(contact) || suppressedNumbers(await store.readOptOuts()).has(contact.phone))
      throw new DataError(
        `${who} opted out: it is never texted again`,
        'Only a START from the contact lifts an opt-out.',
      );
    const { timeZone } = contactTimeZone(contact, funnel.timezone);
    const rule = ruleFor(contact);
    const window = ruledWindow(
      now,
      timeZone,
      opts.now === true ? WIDEST_QUIET_HOURS : funnel.quietHours,
      rule,
    );
    const validity =
      window.open && window.closesAt !== undefined ? validityPeriod(window.closesAt, now) : undefined;
    if (validity === undefined)
      throw new UsageError(
        `${who}: outside its sending window in ${timeZone} (${window.heldBy}); it opens ${localTime(window.opensAt, timeZone)}`,
        opts.now === true
          ? "No text goes outside what the law of the contact's state allows."
          : "Wait for the window, or add --now to send outside the funnel's quiet hours (never outside the law's).",
      );
    const recent = pruneRecent(await store.readState(STATE.recentTexts), now);
    const capped = capReached(rule, recent[contact.id] ?? [], now);
    if (capped !== undefined)
      throw new UsageError(
        `${who}: ${rule.name} law (${rule.law}) allows at most ${rule.maxPer24h} texts in 24 hours; the next may go ${localTime(capped, timeZone)}`,
      );
    if (dryRun) {
      ctx.out.result(`dry run: would text ${who}: ${text}`);
      return ExitCode.ok;
    }
    const twilio = withSender(config.twilio as NonNullable<typeof config.twilio>, funnel);
    adapter = await (await import('../adapters/twilio/index.js')).createTwilioAdapter(twilio);
    const intent: Intent = {
      t: 'intent',
      id: randomUUID(),
      at: now.toISOString(),
      contactId: contact.id,
      to: contact.phone,
      from: twilio.phoneNumber ?? twilio.messagingServiceSid ?? '',
      body: text,
      step: 'person',
      decision: {
        fromState: contact.state,
        fromNextActionAt: contact.next_action_at,
        // a person handles it now: nothing is due from the funnel until `resume`
        set: { last_sent_at: isoSeconds(now), next_action_at: '', error: '', updated_at: isoSeconds(now) },
      },
    };
    await journal.append(intent, true); // on disk before the request leaves
    let outcome = await adapter.sendMessage({ to: contact.phone, body: text, validityPeriod: validity });
    if (outcome.kind === 'ambiguous') {
      const found = (await adapter.findSentSince({ to: intent.to, body: intent.body, since: now })).at(-1);
      if (found === undefined) {
        await journal.settle([intent]);
        throw new UnavailableError(
          `Twilio did not answer (${outcome.error}): it is not known whether the text went out`,
          'Run `smsfunnel send` in a few minutes: it checks with Twilio and records it; do not reply again before.',
        );
      }
      outcome = { kind: 'sent', message: found };
    }
    if (outcome.kind === 'stopped') {
      await journal.append({ t: 'gone', id: intent.id });
      await journal.settle();
      throw stoppedError(outcome.meaning, `${outcome.message}.`);
    }
    if (outcome.kind === 'rejected') {
      await journal.append({ t: 'gone', id: intent.id });
      const meaning = codeMeaning(outcome.code);
      const refusal = refusalOf(
        contact,
        outcome.reason === 'retry_once' ? 'person' : outcome.reason,
        meaning,
        undefined,
        now,
        `reply to contact ${contact.id}`,
      );
      Object.assign(contact, refusal.set);
      if (refusal.optOut !== undefined) await store.appendOptOuts([refusal.optOut]);
      await store.saveContacts(table);
      await journal.settle();
      throw new DataError(
        `${who}: Twilio refused the text (${outcome.code}, ${meaning.meaning}); ${refusal.outcome}`,
      );
    }
    const sid = sidEntry(intent.id, outcome.message);
    await journal.append(sid);
    await store.appendMessages([sentRow(intent, sid, now)]);
    await journal.append({ t: 'logged', id: intent.id });
    applyIntentTo(contact, intent);
    const handoff = await store.readState(STATE.handoff);
    await store.writeState(STATE.handoff, {
      ...handoff,
      withPerson: {
        ...(handoff.withPerson ?? {}),
        [contact.id]: handoff.withPerson?.[contact.id] ?? isoSeconds(now),
      },
    });
    if (rule.maxPer24h !== undefined)
      await store.writeState(STATE.recentTexts, {
        ...recent,
        [contact.id]: [...(recent[contact.id] ?? []), isoSeconds(now)],
      });
    await store.saveContacts(table);
    await journal.settle();
    ctx.out.data({ contact: contact.id, sid: sid.sid, status: sid.status });
    ctx.out.result(
      `texted ${who} (${sid.sid}); a person handles it now: \`smsfunnel resume ${contact.id} --step ID | --outcome NAME\` hands it back`,
    );
    return ExitCode.ok;
  } finally {
    adapter?.close();
    await journal.close();
    await store.close();
  }
}
