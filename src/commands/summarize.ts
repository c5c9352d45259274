/**
 * `smsfunnel summarize`: emails the daily summary, at most once per day.
 *
 * The day is the date of the run's clock in the team's time zone (the funnel's `timezone`), and
 * every time in the mail is shown there; the subject and title carry the funnel's `name`.
 * `summary.json` in the data dir remembers the last summary sent; the next one covers what was
 * logged after it. The lock is held only to read the files and to record the sending, not
 * while talking to the SMTP server, so a slow server never makes a cron `send` wait.
 * A summary the server did not take is not recorded: the next run sends it again.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFunnelFile } from '../adapters/funnel-file.js';
import { type MailMessage, sendMail, writeEml } from '../adapters/mail.js';
import type { EmailConfig } from '../config.js';
import { compileFunnel } from '../core/funnel/index.js';
import { localDay } from '../core/local-time.js';
import { isoSeconds } from '../core/model.js';
import { STATE, type SummaryState } from '../core/state-files.js';
import { funnelStages, withStages } from '../core/summary/funnel-stages.js';
import { computeSummary, renderSummaryEmail, windowStart } from '../core/summary/index.js';
import { ConfigError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore } from './context.js';

export async function run(
  ctx: CommandContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const { out } = ctx;
  const dryRun = ctx.options.dryRun;
  const force = opts.force === true;
  const { config, clock, email } = loadConfigFor(ctx, dryRun);
  const now = clock.now();
  const funnel = await loadFunnelFile(config.funnelFile);
  const zone = config.summaryTimeZone ?? funnel.timezone;
  const day = localDay(now, zone);

  // Read everything under the lock, then let go of it.
  const store = await openStore(config, dryRun);
  let last: SummaryState | undefined;
  let data: {
    contacts: Awaited<ReturnType<typeof store.loadContacts>>['rows'];
    messages: Awaited<ReturnType<typeof store.readMessages>>;
  };
  try {
    last = await store.readState(STATE.summary);
    data = { contacts: (await store.loadContacts()).rows, messages: await store.readMessages() };
  } finally {
    await store.close();
  }

  const sentToday = last?.date === day;
  if (sentToday && !force && !dryRun) {
    out.result(`summary for ${day} already sent at ${last?.sentAt}; use --force to send again`);
    out.data({ date: day, sent: false, alreadySentAt: last?.sentAt });
    return 0;
  }
  const since = windowStart(last, day, now);
  const compiled = compileFunnel(funnel);
  const summary = computeSummary({
    now,
    since,
    contacts: withStages(compiled, data.contacts),
    messages: data.messages,
    stages: funnelStages(funnel),
    leadColumns: funnel.summary.leadColumns,
    timeZone: zone,
  });
  const mail = renderSummaryEmail(summary, {
    title: funnel.name === '' ? 'smsfunnel' : funnel.name,
    dateLabel: day,
    timeZone: zone,
  });
  const message: MailMessage = {
    from: email.from,
    to: email.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: now,
    attachments: [
      ...(summary.hotLeads.length > 0
        ? [
            {
              filename: `hot-leads-${day}.csv`,
              content: mail.hotLeadsCsv,
              contentType: 'text/csv; charset=utf-8',
            },
          ]
        : []),
      ...(mail.variantsCsv !== ''
        ? [
            {
              filename: `ab-variants-${day}.csv`,
              content: mail.variantsCsv,
              contentType: 'text/csv; charset=utf-8',
            },
          ]
        : []),
    ],
  };
  const numbers = `${summary.sent} sent, ${summary.replies} ${summary.replies === 1 ? 'reply' : 'replies'}, ${summary.hotLeads.length} hot ${summary.hotLeads.length === 1 ? 'lead' : 'leads'}`;

  if (dryRun) {
    // Our own folder, so the preview goes beside the data; summary.json is not touched.
    await mkdir(config.dataDir, { recursive: true });
    const base = join(config.dataDir, `summary-${day}`);
    await writeFile(`${base}.eml`, await writeEml(message), { mode: 0o600 });
    await writeFile(`${base}.html`, mail.html, { mode: 0o600 });
    if (sentToday)
      out.info(`(the summary for ${day} was already sent at ${last?.sentAt}; a real run would need --force)`);
    out.result(
      `dry run: summary for ${day} (${numbers}) written to ${base}.html and ${base}.eml; nothing sent`,
    );
    out.data({
      date: day,
      sent: false,
      dryRun: true,
      html: `${base}.html`,
      eml: `${base}.eml`,
      subject: mail.subject,
      summary,
    });
    return 0;
  }

  out.info(`sending "${mail.subject}" through ${email.host}:${email.port}`);
  const receipt = await sendMail(email, message);
  for (const r of receipt.rejected) out.warn(`the SMTP server refused recipient ${r}; check EMAIL_TO`);

  const record = await openStore(config, false);
  try {
    const state: SummaryState = {
      date: day,
      sentAt: isoSeconds(now),
      since: summary.since,
      until: summary.until,
      recipients: receipt.accepted.length,
    };
    await record.writeState(STATE.summary, state);
  } finally {
    await record.close();
  }
  const n = receipt.accepted.length;
  out.result(`summary for ${day} sent to ${n} ${n === 1 ? 'recipient' : 'recipients'} (${numbers})`);
  out.data({ date: day, sent: true, recipients: receipt.accepted, subject: mail.subject, summary });
  return 0;
}

/** A real run needs the email settings; a dry-run uses them when they are there, placeholders otherwise. */
function loadConfigFor(ctx: CommandContext, dryRun: boolean) {
  if (!dryRun) {
    const { config, clock } = loadCommandConfig(ctx, ['email']);
    return { config, clock, email: config.email };
  }
  try {
    const { config, clock } = loadCommandConfig(ctx, ['email']);
    return { config, clock, email: config.email };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const { config, clock } = loadCommandConfig(ctx, []);
    const placeholder: EmailConfig = {
      host: 'smtp.invalid',
      port: 587,
      user: undefined,
      password: undefined,
      tls: 'auto',
      from: 'smsfunnel <summary@example.invalid>',
      to: ['team@example.invalid'],
    };
    return { config, clock, email: placeholder };
  }
}
