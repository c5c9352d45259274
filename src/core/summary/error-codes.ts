/**
 * What a Twilio error code means, in words an operator acts on: the one table of codes
 * (../twilio-codes.ts, from Twilio's error dictionary, https://www.twilio.com/docs/errors/<code>).
 */
import { knownCode } from '../twilio-codes.js';

/** The meaning of a Twilio error code, or a pointer to Twilio's page for codes not listed. */
export function errorMeaning(code: string): string {
  if (code === '') return 'no error code given';
  return knownCode(Number(code))?.meaning ?? `see https://www.twilio.com/docs/errors/${code}`;
}
