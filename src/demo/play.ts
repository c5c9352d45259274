/**
 * The demo, start to end: a fresh folder, the local Twilio-compatible server and mail catcher,
 * then the week of the scenario, running the real commands at each tick and playing the contacts
 * on the server in between; the summary email as the mailbox got it; the final counts.
 */
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadFunnelFile } from '../adapters/funnel-file.js';
import { openDataDir } from '../adapters/store/index.js';
import type { CommandContext } from '../commands/context.js';
import { run as runStatus } from '../commands/status.js';
import { isoSeconds } from '../core/model.js';
import { STATE, type SummaryState } from '../core/state-files.js';
import { funnelStatus } from '../core/status.js';
import { UnavailableError } from '../errors.js';
import { startTwilioServer, type TwilioServer } from '../twilio-server/index.js';
import {
  DEMO_ACCOUNT_SID,
  DEMO_AUTH_TOKEN,
  DEMO_NUMBER,
  DemoEnvironment,
  demoSettings,
  writeSettingsFile,
} from './env.js';
import { type DemoFolder, prepareFolder } from './folder.js';
import { dayHeading, Narrator, newRows, type Snapshot, snapshot } from './narrate.js';
import { runCommand } from './run-command.js';
import { instant, REPLIES, SUMMARY_AT, TICKS, UNDELIVERABLE } from './scenario.js';
import { type MailCatcher, startMailCatcher } from './smtp-catcher.js';

export interface DemoOutcome {
  folder: DemoFolder;
  summaryHtml: string;
  summaryEml: string;
  final: Snapshot;
  now: Date;
}

export async function playDemo(ctx: CommandContext, path: string): Promise<DemoOutcome> {
  const folder = await prepareFolder(path);
  const twilio = await startTwilioServer({
    accountSid: DEMO_ACCOUNT_SID,
    authToken: DEMO_AUTH_TOKEN,
    numbers: [DEMO_NUMBER],
  });
  let mail: MailCatcher | undefined;
  try {
    mail = await startMailCatcher();
    const settings = demoSettings(twilio.url, mail.port);
    await writeSettingsFile(folder.envFile, settings);
    return await week(ctx, folder, twilio, mail, new DemoEnvironment(settings));
  } finally {
    await mail?.stop();
    await twilio.stop();
  }
}

async function week(
  ctx: CommandContext,
  folder: DemoFolder,
  twilio: TwilioServer,
  mail: MailCatcher,
  env: DemoEnvironment,
): Promise<DemoOutcome> {
  const funnel = await loadFunnelFile(folder.funnelFile);
  const story = new Narrator((line) => ctx.out.print(line), ctx.out.color, funnel);
  const c = ctx.out.color;
  const moveClock = (at: Date) => {
    twilio.setNow(at);
    env.set('SMSFUNNEL_NOW', isoSeconds(at));
  };
  story.say(
    `${c.bold('smsfunnel demo')}: the example funnel "${funnel.name}" over one simulated week, with ${c.bold('no account')}:`,
  );
  story.say(
    'a local Twilio-compatible server plays the phones, a local mail server the team inbox; nothing leaves this machine.',
  );
  story.say(`Folder: ${shown(folder.dir)} (funnel.yaml, contacts.csv, messages.csv)`);
  story.say(
    c.dim(
      'Each moment below runs what cron runs: smsfunnel poll-replies && smsfunnel categorize && smsfunnel send',
    ),
  );
  await recordPreviousSummary(folder.dir, instant({ day: 1, time: '00:00' }));

  let previous = 0;
  for (const [index, tick] of TICKS.entries()) {
    const now = instant(tick);
    moveClock(now);
    // the contacts' side: what they texted since the last tick
    for (const reply of REPLIES) {
      const at = instant(reply).getTime();
      if (at > previous && at <= now.getTime())
        twilio.injectInbound({ from: reply.phone, to: DEMO_NUMBER, body: reply.body, at: new Date(at) });
    }
    previous = now.getTime();
    story.heading(dayHeading(tick.day, now));
    if (index === 0) {
      const line = await runCommand(folder, env, 'import', [folder.contactsExport]);
      story.line(`import demo-contacts.csv: ${line}`);
    }
    const s0 = await snapshot(folder.dir);
    await runCommand(folder, env, 'poll-replies');
    const s1 = await snapshot(folder.dir);
    story.deliveries(s0, s1);
    await runCommand(folder, env, 'categorize');
    const s2 = await snapshot(folder.dir);
    story.replies(s1, s2, now);
    await runCommand(folder, env, 'send');
    const s3 = await snapshot(folder.dir);
    story.sends(s2, s3, now);
    // the carriers answer at once: delivered, except to a number that cannot take texts
    for (const sent of newRows(s2, s3, 'sent')) {
      const code = UNDELIVERABLE[sent.to];
      if (code === undefined) twilio.setStatus(sent.sid, 'delivered');
      else twilio.setStatus(sent.sid, 'undelivered', code);
    }
  }

  const at = instant(SUMMARY_AT);
  moveClock(at);
  if (!ctx.out.json) {
    story.heading(`${dayHeading(SUMMARY_AT.day, at)}: where the week left the funnel (smsfunnel status)`);
    // the real status command, on the demo's folder, at the demo's last moment
    const options = {
      ...ctx.options,
      dataDir: folder.dir,
      funnel: folder.funnelFile,
      envFile: folder.envFile,
    };
    await runStatus({ options, out: ctx.out, env: env.snapshot() });
  }
  story.heading(`${dayHeading(SUMMARY_AT.day, at)}: the team's daily summary (smsfunnel summarize)`);
  const line = await runCommand(folder, env, 'summarize');
  story.line(`summarize: ${line}`);
  const raw = mail.received[mail.received.length - 1];
  if (raw === undefined)
    throw new UnavailableError('the demo stopped: the local mail catcher received no summary email');
  const parsed = await simpleParser(raw);
  const html = parsed.html;
  if (typeof html !== 'string')
    throw new UnavailableError('the demo stopped: the summary email has no HTML part');
  const base = join(folder.dir, `summary-${isoSeconds(at).slice(0, 10)}`);
  await writeFile(`${base}.html`, html, { mode: 0o600 });
  await writeFile(`${base}.eml`, raw, { mode: 0o600 });
  story.line(`the local mail server received "${parsed.subject ?? ''}"`);
  return {
    folder,
    summaryHtml: `${base}.html`,
    summaryEml: `${base}.eml`,
    final: await snapshot(folder.dir),
    now: at,
  };
}

/**
 * The story starts with the team's last summary sent the night before day 1, so the one summary
 * at the end covers the whole week, as a summary after a week away would.
 */
async function recordPreviousSummary(dir: string, until: Date): Promise<void> {
  const store = await openDataDir({ dir, lockWaitSeconds: 10 });
  try {
    const state: SummaryState = {
      date: isoSeconds(until).slice(0, 10),
      sentAt: isoSeconds(until),
      since: isoSeconds(new Date(until.getTime() - 86_400_000)),
      until: isoSeconds(until),
      recipients: 1,
    };
    await store.writeState(STATE.summary, state);
  } finally {
    await store.close();
  }
}

/** The final counts as `smsfunnel status` has them. */
export function finalStatus(outcome: DemoOutcome) {
  return funnelStatus(outcome.final.contacts.values(), outcome.final.messages, outcome.now);
}

/** A path as the operator would type it: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
