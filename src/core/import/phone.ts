/**
 * Phone cells to E.164 (ITU-T E.164, "+" country code and number, what Twilio's `To` expects).
 * The parsing itself is libphonenumber-js, passed in by the command (it costs ~80 ms to load, so
 * only `import` loads it); this module decides what a cell means and why one is refused.
 */

/** What the command hands in: libphonenumber-js's `parsePhoneNumberFromString` plus `isValid()`. */
export type PhoneParser = (
  text: string,
  defaultCountry: string,
) => { e164: string; valid: boolean } | undefined;

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/** Google Contacts puts several numbers in one cell: `+1 415-555-0100 ::: +1 415-555-0101`; the first is the one. */
export function firstOfList(cell: string): string {
  return (cell.split(':::')[0] ?? '').trim();
}

/** A cell that a spreadsheet turned into a number in scientific notation, its last digits lost. */
const EXCEL_SCIENTIFIC = /^[+-]?\d+([.,]\d+)?e\+?\d+$/i;
/** An extension ("x23", "ext. 23", "#23") is not part of where a text goes. */
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i;

export function normalisePhone(cell: string, defaultCountry: string, parse: PhoneParser): PhoneResult {
  const raw = firstOfList(cell);
  if (raw === '') return { ok: false, reason: 'no phone number' };
  if (EXCEL_SCIENTIFIC.test(raw)) {
    return {
      ok: false,
      reason: `phone "${raw}" was turned into a number by a spreadsheet, which lost its last digits: format the column as Text and export again`,
    };
  }
  if (/[a-z]/i.test(raw.replace(EXTENSION, ''))) {
    return { ok: false, reason: `phone "${raw}" contains letters: write the number in digits` };
  }
  const direct = parse(raw, defaultCountry);
  if (direct?.valid) return { ok: true, e164: direct.e164 };
  // Numbers that lost their "+" (Excel drops it: 447911123456) or use the "00" international
  // prefix of most of the world (0044...), read in a country that dials out differently.
  const digits = raw.replace(/[^\d+]/g, '');
  const international = digits.startsWith('00')
    ? `+${digits.slice(2)}`
    : /^[1-9]\d{10,14}$/.test(digits)
      ? `+${digits}`
      : undefined;
  const retried = international === undefined ? undefined : parse(international, defaultCountry);
  if (retried?.valid) return { ok: true, e164: retried.e164 };
  return {
    ok: false,
    reason: `phone "${raw}" is not a valid number (read as ${defaultCountry} when it has no +country code)`,
  };
}
