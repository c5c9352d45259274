/**
 * How many SMS segments a text costs, with Twilio's own calculator (sms-segments-calculator,
 * github.com/TwilioDevEd/message-segment-calculator). GSM-7 fits 160 characters in one segment
 * (153 per segment when split); one character outside GSM-7 (a curly quote, an emoji) turns the
 * whole text into UCS-2: 70 characters, 67 per segment when split — often double the cost.
 */
import { SegmentedMessage } from 'sms-segments-calculator';

export interface Segments {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** the characters that forced UCS-2, each once, in order of appearance */
  nonGsmChars: string[];
}

export function segmentsOf(text: string): Segments {
  const m = new SegmentedMessage(text);
  const nonGsm = [...new Set(m.getNonGsmCharacters())];
  return {
    segments: m.segmentsCount,
    encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    nonGsmChars: nonGsm,
  };
}

/** The GSM-7 look-alike of a character that forces UCS-2, when there is an obvious one. */
export function gsmLookAlike(char: string): string | undefined {
  const map: Record<string, string> = {
    '\u2018': "'",
    '\u2019': "'",
    '\u201C': '"',
    '\u201D': '"',
    '\u2013': '-',
    '\u2014': '-',
    '\u2026': '...',
    '\u00A0': ' ',
  };
  return map[char];
}
