/**
 * Twilio's error codes by scope: what one code means for the contact, the sender, or the run. One
 * table for the answer to a create (21xxx) and for a delivery result that comes later (30xxx, and
 * the 21xxx a Messaging Service reports as `failed`). Meanings from Twilio's error dictionary,
 * https://www.twilio.com/docs/errors/<code>.
 *
 * - `contact`: about this recipient only; the run goes on. The effect says what the contact gets.
 * - `sender`: the From number, the Messaging Service or its registration is wrong; every text
 *   would fail the same way. The run stops (exit 78), no contact is touched, the operator fixes it.
 * - `account`: the Twilio account itself (trial, suspended): as `sender`.
 * - `busy`: a queue or a daily cap is full; the run stops (exit 69) and a later run goes on.
 *
 * A code not in the table never marks a contact for good: it flags the contact for a person.
 */
/** What a contact-scope code does to the contact. */
export type ContactEffect =
  /** the person opted out at the carrier: opted out here too, never texted again */
  | 'opted_out'
  /** the number cannot take texts: never due again until the phone is fixed */
  | 'unusable'
  /** the account may not text this country: held a day, the operator enables the country */
  | 'country_blocked'
  /** the handset was unreachable: the text goes once more, later */
  | 'retry_once'
  /** a person should look before anything else is sent */
  | 'person';

export type CodeScope = 'contact' | 'sender' | 'account' | 'busy';

export interface CodeMeaning {
  code: number;
  scope: CodeScope;
  /** for `contact` codes */
  effect?: ContactEffect;
  /** Twilio's meaning, in words an operator acts on */
  meaning: string;
  /** what the operator does about it */
  fix: string;
  /** for `busy` codes: how long `send` waits before it tries again after a delivery result says so */
  holdMs?: number;
}

const HOUR = 3600_000;
const SENDER_FIX =
  "Check TWILIO_PHONE_NUMBER / TWILIO_MESSAGING_SERVICE_SID (or the funnel's `sender`) against the Twilio Console";
const A2P_FIX =
  'Register the sender (Twilio Console > Messaging > Regulatory compliance) and wait for approval';

const contact = (code: number, effect: ContactEffect, meaning: string, fix: string): CodeMeaning => ({
  code,
  scope: 'contact',
  effect,
  meaning,
  fix,
});
const sender = (code: number, meaning: string, fix: string = SENDER_FIX): CodeMeaning => ({
  code,
  scope: 'sender',
  meaning,
  fix,
});
const account = (code: number, meaning: string, fix: string): CodeMeaning => ({
  code,
  scope: 'account',
  meaning,
  fix,
});
const busy = (code: number, meaning: string, holdMs: number, fix: string): CodeMeaning => ({
  code,
  scope: 'busy',
  meaning,
  fix,
  holdMs,
});

const FIX_PHONE = 'Fix the phone in contacts.csv, then run `smsfunnel retry <phone>`';
const LOOK = 'Read the conversation with the contact first';

export const TWILIO_CODES: readonly CodeMeaning[] = [
  contact(
    21610,
    'opted_out',
    'recipient unsubscribed (replied STOP)',
    'Nothing: the number is never texted again',
  ),
  contact(21211, 'unusable', 'invalid phone number', FIX_PHONE),
  contact(21217, 'unusable', 'the phone number does not appear to be valid', FIX_PHONE),
  contact(21421, 'unusable', 'the phone number is invalid', FIX_PHONE),
  contact(21612, 'unusable', 'cannot route to this number', FIX_PHONE),
  contact(21614, 'unusable', 'not a mobile number', FIX_PHONE),
  contact(30005, 'unusable', 'unknown number (does not exist)', FIX_PHONE),
  contact(30006, 'unusable', 'landline or unreachable carrier', FIX_PHONE),
  contact(
    21408,
    'country_blocked',
    'sending to this region is not enabled',
    'Enable the country under Messaging > Settings > Geo permissions in the Twilio Console',
  ),
  contact(
    30003,
    'retry_once',
    'unreachable handset (off, or out of coverage)',
    'Nothing: it is sent once more later',
  ),
  contact(
    30036,
    'retry_once',
    "the text expired in Twilio's queue (its sending window closed)",
    'Nothing: it is sent once more later, inside the window',
  ),
  contact(30004, 'person', 'blocked by the recipient or their carrier (it may be an earlier opt-out)', LOOK),
  contact(
    30007,
    'person',
    'filtered by the carrier as spam',
    "Review the step's wording, and read the conversation with the contact",
  ),
  contact(30008, 'person', 'unknown error at the carrier', LOOK),
  contact(
    21617,
    'person',
    'the text is longer than 1,600 characters',
    "Shorten the step's message or the contact's fields",
  ),
  sender(
    21606,
    'the From number cannot send texts to this destination (not an SMS-capable Twilio number of this account)',
  ),
  sender(21212, 'invalid From number'),
  sender(21659, 'the From number is not a Twilio number of this account'),
  sender(21660, 'the From number belongs to another account'),
  sender(21701, 'the Messaging Service does not exist'),
  sender(21703, 'the Messaging Service has no phone number available for this destination'),
  sender(21704, 'the Messaging Service contains no phone numbers'),
  sender(21705, 'the Messaging Service is invalid'),
  sender(30024, 'the numeric sender ID is not provisioned with the carrier', A2P_FIX),
  sender(
    30032,
    'the toll-free number has not been verified',
    'Verify the toll-free number in the Twilio Console and wait for approval',
  ),
  sender(30034, 'the sender is not registered for US A2P 10DLC', A2P_FIX),
  account(
    21608,
    'a trial account can only text verified numbers',
    'Upgrade the Twilio account, or verify the number under Phone Numbers > Verified Caller IDs',
  ),
  account(
    30002,
    'the Twilio account is suspended',
    'Contact Twilio support; nothing is sent until it is lifted',
  ),
  busy(21611, "the From number's queue of messages is full", HOUR, 'Lower SEND_RATE; the next run goes on'),
  busy(30001, 'queue overflow (sent too fast)', HOUR, 'Lower SEND_RATE; the next run goes on'),
  busy(
    30022,
    'over the A2P 10DLC rate limit of this campaign',
    HOUR,
    'Lower SEND_RATE; the next run goes on',
  ),
  busy(
    30023,
    'the daily message cap of this sender is reached',
    12 * HOUR,
    'Nothing: sending goes on later (the carrier sets the cap by your registration)',
  ),
  busy(
    30027,
    "T-Mobile's daily message limit for this sender is reached",
    12 * HOUR,
    'Nothing: sending goes on later (the carrier sets the cap by your registration)',
  ),
];

const BY_CODE = new Map(TWILIO_CODES.map((c) => [c.code, c]));

/** The table's row for a code, if it has one. */
export function knownCode(code: number): CodeMeaning | undefined {
  return BY_CODE.get(code);
}

/** The meaning of a code; an unknown one flags the contact for a person, never for good. */
export function codeMeaning(code: number): CodeMeaning {
  return (
    BY_CODE.get(code) ?? {
      code,
      scope: 'contact',
      effect: 'person',
      meaning: `see https://www.twilio.com/docs/errors/${code}`,
      fix: LOOK,
    }
  );
}

/**
 * Carrier filtering (30007) of several texts in one poll is the sender's content or registration,
 * not each contact: from this many, and this share of the poll's final results, it is treated as
 * a sender-scope stop (a stray 30007 among a hundred deliveries is about that contact).
 */
export const FILTERED_SPIKE = 3;
export const FILTERED_SPIKE_SHARE = 0.25;

export const FILTERED_SPIKE_MEANING: CodeMeaning = {
  code: 30007,
  scope: 'sender',
  meaning: 'carriers filtered several texts as spam',
  fix: `Review the funnel's wording (no URL shortener, say who you are and how to stop) and the sender's A2P 10DLC registration`,
};
