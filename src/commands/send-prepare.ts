/**
 * What a `send` run, dry or real, knows before it texts anyone: the contacts it may touch, what a
 * killed run left (settled by the caller: recorded for real, or previewed), the opt-out list with
 * the rows opted out by hand, and the plan (pure, src/core/send-plan.ts).
 */
import type { PendingSend, SendJournal } from '../adapters/send-journal.js';
import type { ContactsTable, DataDir } from '../adapters/store/index.js';
import type { Config } from '../config.js';
import { pruneRecent } from '../core/compliance/state-rules.js';
import { handOptOuts, type OptOutRow, suppressedNumbers } from '../core/compliance/suppression.js';
import type { Deliveries } from '../core/delivery.js';
import type { CompiledFunnel, Funnel } from '../core/funnel/index.js';
import { awaitingCategorize } from '../core/inbox.js';
import type { Contact } from '../core/model.js';
import { pendingOf } from '../core/send-intent.js';
import { planSends, type SendPlan } from '../core/send-plan.js';
import { STATE } from '../core/state-files.js';
import type { CommandContext } from './context.js';
import type { Recovery } from './send-recovery.js';

/** One run's givens: the same for the dry run and the real run. */
export interface SendRun {
  ctx: CommandContext;
  config: Config;
  funnel: Funnel;
  compiled: CompiledFunnel;
  /** the run's start: every decision is made at this moment (the clock moves only for windows) */
  now: Date;
  clockNow: () => Date;
  store: DataDir;
  journal: SendJournal;
  /** --limit */
  limit: number | undefined;
  /** SEND_DAILY_CAP: today in the funnel's zone, how many went before this run, how many more may */
  cap: { day: string; sentBefore: number; left: number; note: string | undefined };
}

export interface Prepared {
  table: ContactsTable;
  pending: PendingSend[];
  recovery: Recovery;
  deliveries: Deliveries;
  /** rows opted out by hand, not yet on opt-outs.csv */
  listed: OptOutRow[];
  recentTexts: Record<string, string[]>;
  plan: SendPlan;
}

export type Settle = (pending: PendingSend[], byId: Map<string, Contact>) => Promise<Recovery>;

export async function prepare(run: SendRun, settle: Settle): Promise<Prepared> {
  const { store, journal, now, limit, cap } = run;
  const pending = journal.unsettled();
  const deliveries = await store.readState(STATE.deliveries);
  // The contacts this run may touch: every one ready by now, those a killed run was texting and
  // those owed a resend. Through the index only their rows are read (see DataDir.loadContacts).
  const table = await store.loadContacts({
    readyBy: now.getTime(),
    ids: [...pending.map((p) => p.intent.contactId), ...deliveries.resends.map((r) => r.contactId)],
  });
  // By id, only when a killed run needs it: a million-entry map is ~60 MB.
  const recovery = await settle(
    pending,
    pending.length > 0 ? new Map(table.rows.map((c) => [c.id, c])) : new Map(),
  );
  // Texts the killed run sent are followed like any other (its deliveries.json was never written).
  const following = new Set(deliveries.pending.map((p) => p.sid));
  for (const { intent, sid } of recovery.sent)
    if (!following.has(sid)) deliveries.pending.push(pendingOf(intent, sid));

  const suppressed = new Set(suppressedNumbers(await store.readOptOuts()).keys());
  const listed = handOptOuts(table.rows, suppressed, now);
  // Florida, Oklahoma, Maryland: at most 3 texts to a person in 24 hours (state-rules.ts).
  const recentTexts = pruneRecent(await store.readState(STATE.recentTexts), now);
  const plan = planSends({
    recentTexts,
    funnel: run.funnel,
    compiled: run.compiled,
    contacts: table.rows,
    now,
    awaitingCategorize: awaitingCategorize(await store.readState(STATE.inbox)),
    unsettled: new Set(recovery.unknown.map((i) => i.contactId)),
    withPerson: new Set(Object.keys((await store.readState(STATE.handoff)).withPerson ?? {})),
    resends: deliveries.resends,
    suppressed,
    ...(limit === undefined && cap.left === Number.POSITIVE_INFINITY
      ? {}
      : { limit: Math.min(limit ?? cap.left, cap.left) }),
  });
  return { table, pending, recovery, deliveries, listed, recentTexts, plan };
}
