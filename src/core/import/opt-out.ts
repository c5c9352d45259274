/**
 * Opt-out columns in a source file. A contact whose export says "do not text" must never be
 * texted (US TCPA / CTIA guidance: honour every opt-out), so these columns are read generously:
 * any of the usual names, and any value that reads as yes (or a date, as CRMs store
 * "unsubscribed on").
 */
import { headerKey } from './headers.js';

const OPT_OUT_KEYS = new Set([
  'optedout',
  'optout',
  'optedoutofsms',
  'smsoptout',
  'smsoptedout',
  'textoptout',
  'donottext',
  'donotsms',
  'donotcontact',
  'donotcall',
  'dnc',
  'unsubscribed',
  'smsunsubscribed',
  'hasoptedoutofsms',
  'stop',
]);

export function isOptOutHeader(header: string): boolean {
  return OPT_OUT_KEYS.has(headerKey(header));
}

/** How a spreadsheet says yes. */
const YES = ['yes', 'y', 'true', 't', '1', 'x', 'on'];

const TRUTHY = new Set([...YES, 'optedout', 'optout', 'unsubscribed', 'dnc', 'stop']);

/** "Yes", "TRUE", "x", "1", "opted out", "2026-03-01": this person said no. Empty, "no", "0": not. */
export function isOptOutValue(value: string): boolean {
  return saysYes(value, TRUTHY);
}

/** A cell that says yes in one of `words`, ticks the box, or holds a date ("unsubscribed on"). */
function saysYes(value: string, words: ReadonlySet<string>): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (words.has(headerKey(v)) || v === '✓' || v === '✔') return true;
  return /^\d{4}-\d{2}-\d{2}/.test(v);
}

/**
 * Consent columns: "may we text this person?" (Shopify's "Accepts SMS Marketing", a CRM's "SMS
 * Opt In"). A clear no suppresses the contact like an opt-out column; an empty cell says nothing.
 * The column itself is kept as a custom column, as the record of consent.
 */
const CONSENT_KEYS = new Set([
  'acceptssmsmarketing',
  'acceptssms',
  'smsmarketingconsent',
  'smsconsent',
  'smsoptin',
  'textoptin',
  'optedintosms',
  'smsmarketing',
]);

export function isConsentHeader(header: string): boolean {
  return CONSENT_KEYS.has(headerKey(header));
}

const REFUSED = new Set([
  'no',
  'n',
  'false',
  'f',
  '0',
  'off',
  'notsubscribed',
  'unsubscribed',
  'optedout',
  'declined',
]);

/** "no", "FALSE", "0", "not_subscribed": this person gave no consent to texts. */
export function isNoConsentValue(value: string): boolean {
  return REFUSED.has(headerKey(value.trim()));
}

const GRANTED = new Set([...YES, 'subscribed', 'optedin', 'optin', 'granted']);

/** "yes", "TRUE", "subscribed", a date: this person agreed to texts. */
export function isConsentValue(value: string): boolean {
  return saysYes(value, GRANTED);
}

/** Columns that record when consent was given (a date or a source). */
const CONSENT_RECORD_KEYS = new Set([
  'consentat',
  'consentedat',
  'smsconsentat',
  'optinat',
  'optedinat',
  'consentdate',
  'optindate',
]);

/** Whether a contact's row records consent to texts (a consent column saying yes, or a consent date). */
export function hasConsent(contact: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(contact)) {
    if (isConsentHeader(k) && isConsentValue(v)) return true;
    if (CONSENT_RECORD_KEYS.has(headerKey(k)) && v.trim() !== '') return true;
  }
  return false;
}
