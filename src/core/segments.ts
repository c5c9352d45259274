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

/** Twilio refuses a longer body (error 21617, https://www.twilio.com/docs/errors/21617). */
export const MAX_BODY = 1600;

/**
 * The GSM 03.38 basic character set and its extension table (the extension characters cost two
 * septets each; 3GPP TS 23.038 §6.2.1). Used for the common case only: a text of these characters
 * that fits 160 septets is exactly one GSM-7 segment, without the calculator's per-grapheme work.
 */
const GSM_BASIC =
  /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€\f]*$/;
const GSM_EXTENSION = /[\^{}\\[~\]|€\f]/g;

export function segmentsOf(text: string): Segments {
  if (text.length <= 160 && GSM_BASIC.test(text)) {
    const septets = text.length + (text.match(GSM_EXTENSION)?.length ?? 0);
    if (septets <= 160) return { segments: 1, encoding: 'GSM-7', nonGsmChars: [] };
  }
  // The calculator's cost grows with the square of the length; a text Twilio would refuse anyway
  // is only estimated (UCS-2 as soon as anything is outside ASCII).
  if (text.length > MAX_BODY) {
    const ucs2 = /[\u0080-\uffff]/.test(text);
    return {
      segments: Math.ceil(text.length / (ucs2 ? 67 : 153)),
      encoding: ucs2 ? 'UCS-2' : 'GSM-7',
      nonGsmChars: [],
    };
  }
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
