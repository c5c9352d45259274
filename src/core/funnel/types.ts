/**
 * The funnel as the rest of the tool sees it once the file is validated: plain data, durations
 * in milliseconds, quiet hours in minutes after local midnight. Built by `validateFunnel`.
 */

export { BUILT_IN_CATEGORIES } from '../categorize/categorize.js';

/** A category the funnel file defines for its own questions (same shape as the categorizer's). */
export interface CustomCategory {
  name: string;
  words: string[];
  phrases: string[];
}

/** What happens on a reply (or when a question step's wait runs out). */
export interface Route {
  /** `<category>` for a funnel-wide route, `<step>:<category>` for a step's own `on_reply` */
  id: string;
  category: string;
  /** text (template) to send, or the help text when `send_help` */
  send?: string;
  sendHelp: boolean;
  /** wait this long before doing the rest (`later: { after: 30d, goto: follow_up }`) */
  afterMs?: number;
  goto?: string;
  outcome?: string;
  /** nothing sent, no move (the reply is only recorded) */
  stay: boolean;
}

/** One of a step's A/B texts: `id` goes to messages.csv `variant`. */
export interface Variant {
  id: string;
  message: string;
}

export interface Step {
  id: string;
  /** template; absent on a question step that the route's text replaces; with variants, the first's */
  message?: string;
  /** A/B texts: each contact gets one (`pickVariant`); absent on a step with one message */
  variants?: Variant[];
  /** no reply for this long → the step's timeout; absent = wait for a reply forever */
  waitMs?: number;
  /** in the automatic sequence (file order) or reached only by a route */
  sequence: boolean;
  /** custom categories this step asks for (given to the categorizer) */
  expect: string[];
  onReply: Record<string, Route>;
  /** where the wait leads: explicit, else the next sequence step, else the funnel's `on_timeout` */
  onTimeout?: { goto?: string; outcome?: string };
}

export interface QuietHours {
  /** minutes after local midnight when sending may start (inclusive) */
  start: number;
  /** minutes after local midnight when sending must stop (exclusive) */
  end: number;
}

export interface Funnel {
  name: string;
  /** E.164 number or Messaging Service SID; else the config's */
  sender?: string;
  timezone: string;
  quietHours: QuietHours;
  help: string;
  /** the daily summary: contact columns each hot lead shows besides name, phone and email */
  summary: { leadColumns: string[] };
  /** `marketing`: texts only contacts whose row records consent (TCPA: prior express written consent) */
  kind: 'marketing' | 'informational';
  /** who answers the HELP keyword: Twilio itself (its default on long codes) or the funnel's help text */
  helpReply: 'twilio' | 'funnel';
  categories: CustomCategory[];
  steps: Step[];
  routes: Record<string, Route>;
  /** what the last sequence step's wait ends in */
  onTimeout: { outcome: string };
}

/** One finding about the funnel file; `path` is where in the YAML (keys and list indexes). */
export interface Problem {
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  /** what to do about it */
  hint?: string;
}
