/**
 * What the Twilio error codes a summary meets most often mean, in words an operator acts on.
 * Source: Twilio's error dictionary, https://www.twilio.com/docs/errors/<code>.
 */
export const TWILIO_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  '30001': 'queue overflow (sent too fast)',
  '30002': 'account suspended',
  '30003': 'unreachable handset (off, or out of coverage)',
  '30004': 'blocked by the recipient or their carrier',
  '30005': 'unknown number (does not exist)',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered by the carrier as spam',
  '30008': 'unknown error at the carrier',
  '30034': 'sender not registered for A2P 10DLC',
  '21211': 'invalid phone number',
  '21408': 'sending to this region is not enabled',
  '21610': 'recipient unsubscribed (replied STOP)',
  '21612': 'cannot route to this number',
  '21614': 'not a mobile number',
};

/** The meaning of a Twilio error code, or a pointer to Twilio's page for codes not listed. */
export function errorMeaning(code: string): string {
  if (code === '') return 'no error code given';
  return TWILIO_ERROR_MEANINGS[code] ?? `see https://www.twilio.com/docs/errors/${code}`;
}
