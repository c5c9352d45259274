/**
 * Every subcommand of the command line as data: its name and arguments, the help texts
 * (summary, description, examples), its own options and the shared ones it takes, and how its
 * module is loaded. `src/cli.ts` registers them with commander.
 */
import { Option } from 'commander';
import type { CommandContext } from './commands/context.js';

export type Runner = (ctx: CommandContext, args: string[], opts: Record<string, unknown>) => Promise<number>;

export interface CommandSpec {
  name: string;
  args?: string;
  summary: string;
  description: string;
  examples: string[];
  options?: Option[];
  /** shared options that mean nothing to this command, so commander refuses them (exit 64) */
  without?: SharedFlag[];
  /** what --data-dir defaults to, when not the data folder */
  dataDirDefault?: string;
  load: () => Promise<{ run: Runner }>;
}

type SharedFlag = '--funnel' | '--env-file' | '--dry-run' | '--json';

export const COMMANDS: CommandSpec[] = [
  {
    name: 'import',
    args: '<file>',
    summary: 'take a contact export (spreadsheet or CRM CSV) into the funnel',
    description:
      'Reads a contact export (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab), finds the phone and name columns by itself, normalises phones to E.164, skips duplicates and existing contacts (their funnel state is kept), keeps every other column as a custom field, and enrols new contacts at the start of the funnel. Rows it cannot use are written to <data-dir>/rejects-<time>.csv with their line and reason.',
    examples: [
      'smsfunnel import leads.csv',
      'smsfunnel import export.csv --map phone="Mobile Phone" --map first_name=Given',
      'smsfunnel import uk-list.csv --default-country GB --dry-run',
    ],
    options: [
      new Option(
        '--map <field=Column>',
        'use this source column for a field (phone, first_name, last_name, name, email); repeatable',
      ).argParser((value: string, previous: string[] = []) => [...previous, value]),
      new Option(
        '--default-country <code>',
        'country of numbers written without +code (default: SMSFUNNEL_DEFAULT_COUNTRY or US)',
      ),
    ],
    load: () => import('./commands/import.js'),
  },
  {
    name: 'send',
    summary: 'text every message that is due now',
    description:
      "Sends first steps, follow-ups whose wait ran out and answers the funnel owes after a reply, inside each contact's quiet hours, at SEND_RATE, never to an opted-out contact and never twice.",
    examples: ['smsfunnel send', 'smsfunnel send --dry-run', 'smsfunnel send --limit 50'],
    options: [new Option('--limit <n>', 'send at most this many messages in this run')],
    load: () => import('./commands/send.js'),
  },
  {
    name: 'poll-replies',
    summary: "pull inbound replies from Twilio's Messages list API",
    description:
      'Lists inbound messages since the last poll (all pages), appends each new one to messages.csv exactly once, and refreshes the delivery status of recent outbound messages. No webhook or public server is needed.',
    examples: ['smsfunnel poll-replies', 'smsfunnel poll-replies --dry-run'],
    load: () => import('./commands/poll-replies.js'),
  },
  {
    name: 'categorize',
    summary: 'understand each new reply and move its contact on',
    description:
      "Sorts every new inbound message into a category (opt-out first), records it on the message and the contact, and feeds it to the contact's funnel, which may owe an answer that the next send delivers.",
    examples: [
      'smsfunnel categorize',
      'smsfunnel categorize --explain "maybe after the holidays"',
      'smsfunnel categorize --test replies.csv',
      'smsfunnel categorize --explain "mornings" --step first',
      'smsfunnel categorize --set +15551234567 interested',
    ],
    options: [
      new Option(
        '--test <file>',
        'run a labeled CSV (body,category) through the categorizer and print accuracy',
      ),
      new Option('--explain <text>', 'show the category of a text and why'),
      new Option(
        '--step <id>',
        'with --explain or --test: apply the custom categories that funnel step expects',
      ),
      new Option(
        '--set <phone-and-category...>',
        "correct a contact's category by hand: --set <phone> <category>",
      ),
    ],
    load: () => import('./commands/categorize.js'),
  },
  {
    name: 'tick',
    summary: 'what cron runs every few minutes: poll-replies, categorize, send',
    description:
      "Runs poll-replies, then categorize, then send, in one process, each as if run alone; the first that fails stops the rest (its exit code is the tick's). One line in the crontab, one log.",
    examples: ['smsfunnel tick', 'smsfunnel tick --quiet >> log/smsfunnel.log 2>&1'],
    without: ['--json'], // three results; each command has its own --json
    load: () => import('./commands/tick.js'),
  },
  {
    name: 'summarize',
    summary: 'email the team the daily summary over SMTP',
    description:
      'Emails the day in numbers: the funnel as bars, sent/delivered/failed, replies by category, new opt-outs, hot leads to call (also attached as CSV) and replies that need a human. At most once a day unless --force; with --dry-run it writes the message to a file instead and prints its path.',
    examples: ['smsfunnel summarize', 'smsfunnel summarize --dry-run', 'smsfunnel summarize --force'],
    options: [new Option('--force', "send even if today's summary was already sent")],
    load: () => import('./commands/summarize.js'),
  },
  {
    name: 'retry',
    args: '[phone|id]',
    summary: 'send a contact again the text that failed, once its number is fixed',
    description:
      'For a contact whose text failed (a wrong or unreachable number): fix the phone in contacts.csv, then run retry. The contact goes back to the step whose text it never got (the intro if the intro failed), due now, and the next send delivers it inside quiet hours. Refuses an opted-out contact. With --sender: after fixing what Twilio blamed the sender for (an unregistered number, a suspended account), lift the hold so send goes on; the texts that failed go out again.',
    examples: ['smsfunnel retry +12125550142', 'smsfunnel retry 17 --dry-run', 'smsfunnel retry --sender'],
    options: [new Option('--sender', 'lift the sender hold a delivery result set (see `smsfunnel status`)')],
    load: () => import('./commands/retry.js'),
  },
  {
    name: 'inbox',
    summary: 'the replies waiting for a person, oldest first',
    description:
      'Lists the replies a person should answer (questions, replies nothing understood), oldest first: the contact, the reply, the step it answered and how long it has waited. A reply leaves the inbox when anything is sent to the contact after it, or on resume or dismiss.',
    examples: ['smsfunnel inbox', 'smsfunnel inbox --json'],
    without: ['--dry-run'],
    load: () => import('./commands/inbox.js'),
  },
  {
    name: 'thread',
    args: '<phone|id>',
    summary: 'the whole conversation with one contact',
    description:
      "Every text to and from the contact, oldest first, in the funnel's time zone, with each reply's category and each text's delivery result.",
    examples: ['smsfunnel thread +12125550142', 'smsfunnel thread 17 --json'],
    without: ['--dry-run'],
    load: () => import('./commands/thread.js'),
  },
  {
    name: 'reply',
    args: '<phone|id> <text>',
    summary: 'send one text from a person to a contact',
    description:
      "One text from a person, through the same path as send: never to an opted-out number, inside the contact's window (--now: outside the funnel's quiet hours, never outside the law of the contact's state), exactly once, logged in messages.csv as step person. From then on the funnel pauses for the contact until resume.",
    examples: [
      'smsfunnel reply 17 "Hi Ann, it\'s Dana: a quote is free, want me to call you tomorrow?"',
      'smsfunnel reply +12125550142 "Thanks!" --now',
    ],
    options: [new Option('--now', "send outside the funnel's quiet hours (still inside the law's window)")],
    load: () => import('./commands/reply.js'),
  },
  {
    name: 'resume',
    args: '<phone|id>',
    summary: 'hand a contact back to the funnel after a person dealt with it',
    description:
      "Closes the contact's waiting replies and puts it back in the funnel: --step ID sends that step's text at the next send (inside quiet hours); --outcome NAME ends it there (e.g. hot, cold). Refuses an opted-out contact.",
    examples: ['smsfunnel resume 17 --step follow_up', 'smsfunnel resume +12125550142 --outcome hot'],
    options: [
      new Option('--step <id>', 'the step whose text goes out next'),
      new Option('--outcome <name>', 'the outcome the contact ends in'),
    ],
    load: () => import('./commands/resume.js'),
  },
  {
    name: 'dismiss',
    args: '<phone|id>',
    summary: "take a contact's waiting replies out of the inbox",
    description: "Closes the contact's waiting replies without changing the contact: nothing more is needed.",
    examples: ['smsfunnel dismiss 17'],
    load: () => import('./commands/resume.js').then((m) => ({ run: m.dismiss })),
  },
  {
    name: 'status',
    summary: 'show contacts by state and category, and what is due next',
    description:
      'Prints the funnel in numbers for the terminal: contacts by state and by category, and what is due next.',
    examples: ['smsfunnel status', 'smsfunnel status --json'],
    without: ['--dry-run'], // status only reads
    load: () => import('./commands/status.js'),
  },
  {
    name: 'check',
    summary: 'validate the funnel file and the contacts against it',
    description:
      'Checks the funnel file (unknown or unreachable steps, template fields that contacts lack) and warns about message length, encoding and opt-out wording. Exits 65 when something must be fixed.',
    examples: ['smsfunnel check', 'smsfunnel check --funnel funnel.example.yaml'],
    without: ['--dry-run'], // check only reads
    load: () => import('./commands/check.js'),
  },
  {
    name: 'demo',
    summary: 'run the whole funnel on a simulated Twilio and mail catcher, no account needed',
    description:
      'Starts the built-in Twilio-compatible server and a local mail catcher, imports demo contacts into a fresh folder, runs the example funnel over simulated days with simulated replies, and saves the summary email.',
    examples: ['smsfunnel demo', 'smsfunnel demo --data-dir /tmp/demo'],
    // the demo brings its own funnel, settings and simulated Twilio
    without: ['--funnel', '--env-file', '--dry-run'],
    dataDirDefault: './demo-data',
    load: () => import('./commands/demo.js'),
  },
];

export function sharedOptions(spec: CommandSpec): Option[] {
  const all = [
    new Option(
      '--data-dir <dir>',
      spec.dataDirDefault === undefined
        ? 'folder with contacts.csv and messages.csv (default: SMSFUNNEL_DATA_DIR or ./data)'
        : `folder for the demo's files (default: ${spec.dataDirDefault})`,
    ),
    new Option('--funnel <file>', 'the funnel file (default: SMSFUNNEL_FUNNEL or ./funnel.yaml)'),
    new Option('--env-file <file>', 'read configuration from this file instead of ./.env'),
    new Option('--dry-run', 'show what would happen; change nothing and send nothing'),
    new Option('--json', 'print the result as JSON, for scripts'),
    new Option('--verbose', 'print progress, and stack traces on errors'),
    new Option('--quiet', 'print nothing on success, for cron mail (warnings and errors still go to stderr)'),
  ];
  return all.filter((o) => !(spec.without ?? []).includes(o.long as SharedFlag));
}
