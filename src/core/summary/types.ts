/**
 * The daily summary as numbers and lists, before any rendering. Every time is an ISO 8601 UTC
 * string (`2026-12-01T17:00:00Z`); every name, phone and reply body is the raw outside text
 * (the renderers escape it for their medium).
 */
import type { Trends } from './trends.js';
import type { DayCost, VariantStep } from './variants.js';

/** A stage of the funnel as the caller (the funnel engine) names and orders it. */
export interface StageSpec {
  /** the state text as stored in contacts.csv (`intro`, `hot`); `a.b` states count under `a` */
  name: string;
  label?: string;
  kind: 'step' | 'outcome';
}

export interface StageCount {
  name: string;
  label: string;
  kind: 'step' | 'outcome';
  count: number;
}

export interface Person {
  /** empty for a message from a number no contact has */
  contactId: string;
  name: string;
  phone: string;
}

/** A contact to call now. */
export interface HotLead extends Person {
  /** their last words to us (last inbound body) */
  words: string;
  /** when they said it; empty when they never replied (made hot by hand) */
  when: string;
  /** why they are on the list: `outcome hot`, `replied interested`, `replied morning` */
  why: string;
  /** what a caller needs besides name and phone: email, then the funnel's `summary.lead_columns` */
  details: { column: string; value: string }[];
}

/** A reply no automatic route can answer. */
export interface HumanReply extends Person {
  words: string;
  when: string;
  /** the reply's category, or `needs_human` for a contact the funnel parked there */
  category: string;
  /** how long it has waited for a person at the summary's `now` (0 when unknown) */
  waitedMs: number;
}

export interface OptOut extends Person {
  at: string;
}

export interface DeliveryFailure {
  /** Twilio error code, empty when the status came without one */
  code: string;
  meaning: string;
  count: number;
}

export interface RunProblem {
  /** `Ann Lee (c12)` for a contact, `run` for a run-level problem */
  who: string;
  message: string;
}

export interface Summary {
  /** the window: events logged after `since`, up to and including `until` */
  since: string;
  until: string;
  contacts: number;
  funnel: StageCount[];
  sent: number;
  /** SMS segments billed for `sent` (a long or UCS-2 message is several) */
  segments: number;
  delivered: number;
  /** failed + undelivered */
  failed: number;
  failures: DeliveryFailure[];
  replies: number;
  repliesByCategory: { category: string; count: number }[];
  optOuts: OptOut[];
  hotLeads: HotLead[];
  needsHuman: HumanReply[];
  /** what goes out in the next 24 hours: contacts due, and those among them coming back from `later` */
  ahead: { due: number; backFromLater: (Person & { at: string })[] };
  errors: RunProblem[];
  /** the last seven days side by side, today so far, and each step's conversion */
  trends: Trends;
  /** A/B variants, per step that has them: all-time figures and how sure the difference is */
  variants?: VariantStep[];
  /** what the texts of each of the last 7 days cost (Twilio's price, else an estimate) */
  costByDay?: DayCost[];
}
