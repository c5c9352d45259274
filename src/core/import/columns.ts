/**
 * Which source column holds what. Exports name their columns every which way ("Mobile Phone",
 * "Phone 1 - Value", "cell", "E-mail Address"), so headers are compared with case, spaces and
 * punctuation removed. `--map field=Column` overrides the guess for one field.
 *
 * Header conventions followed: Google Contacts CSV export ("Given Name", "Phone 1 - Type",
 * "Phone 1 - Value", "E-mail 1 - Value") and Outlook's CSV export ("First Name", "Mobile Phone",
 * "Business Phone", "E-mail Address"); CRMs (HubSpot, Salesforce) use plain "Mobile", "Phone Number";
 * Pipedrive labels its phones "Phone - Work", "Phone - Mobile" ("Person - Phone - Mobile" in a deals
 * export); German exports say "Vorname", "Nachname", "Telefon", "Mobil", "Handy", "E-Mail".
 * HubSpot's "Time Zone" (and "Timezone", "TZ", "Zeitzone") becomes the contact's `timezone`.
 */
import { headerKey } from './headers.js';
import { isConsentHeader, isOptOutHeader } from './opt-out.js';

export { headerKey, uniqueHeaders } from './headers.js';

export const IMPORT_FIELDS = ['phone', 'first_name', 'last_name', 'name', 'email', 'timezone'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnPlan {
  /** phone columns in order of preference: mobile/cell-labelled first, then source order */
  phones: string[];
  /** Google Contacts pairs: a `Phone N - Value` column -> its `Phone N - Type` column */
  phoneTypes: Record<string, string>;
  firstName: string | undefined;
  lastName: string | undefined;
  /** one full-name column, split when the row has no first/last name */
  name: string | undefined;
  email: string | undefined;
  /** the contact's own time zone (read into contacts.csv `timezone`, which quiet hours follow) */
  timeZone: string | undefined;
  /** columns saying "do not text this person" */
  optOut: string[];
  /** columns saying "this person accepts texts" (a no suppresses; kept as custom columns too) */
  consent: string[];
  /** every other column, in source order: candidates for custom fields */
  others: string[];
}

export interface ColumnProblem {
  /** `usage`: the command line is wrong (64); `data`: the file lacks what we need (65) */
  kind: 'usage' | 'data';
  message: string;
  hint: string;
}

const PHONE_KEYS = new Set([
  'phone',
  'phones',
  'mobile',
  'cell',
  'cellular',
  'tel',
  'telephone',
  'telephonenumber',
  'contactnumber',
  'sms',
  'smsnumber',
  'msisdn',
  // European exports
  'mobil',
  'handy',
  'telefon',
  'telefono',
  'portable',
  'movil',
  'celular',
  'gsm',
  // German exports (Outlook DE: "Mobiltelefon", "Telefon geschäftlich")
  'mobilnummer',
  'handynummer',
  'telefonnummer',
  'mobiltelefon',
  'mobilfunknummer',
  'rufnummer',
  'telefongeschaftlich',
  'telefonprivat',
  // Pipedrive: "Person - Phone", "Phone - Work", "Person - Phone - Mobile"
  'personphone',
]);
/** `Mobile Phone`, `Business Phone 2`, `Phone Number`, `Cell Phone Number`, `Mobile Number`... */
const PHONE_PATTERN =
  /^(mobile|cell|cellular|primary|business|home|work|other|main|personal|companymain|car|direct)?(phone|tel|telephone)(number)?\d*$|^(mobile|cell|cellular|mobil)(number|no|nr)?\d*$/;
/** Pipedrive: `Phone - Work`, `Phone - Mobile`, `Person - Phone - Home`. */
const PIPEDRIVE_PHONE = /^(person)?phone(work|mobile|home|other|main)\d*$/;
/** A fax or pager number never takes a text, whatever else its header says. */
const NOT_TEXTABLE = /fax|pager/;
/** Google Contacts: `Phone 1 - Value` (its type is in `Phone 1 - Type`, `Phone 1 - Label` since 2023). */
const GOOGLE_PHONE_VALUE = /^phone(\d+)value$/;
const FIRST_KEYS = new Set([
  'firstname',
  'givenname',
  'first',
  'fname',
  'forename',
  'given',
  'firstnames',
  'personfirstname',
  'vorname',
]);
const LAST_KEYS = new Set([
  'lastname',
  'familyname',
  'surname',
  'last',
  'lname',
  'secondname',
  'personlastname',
  'nachname',
  'familienname',
  'zuname',
]);
const NAME_KEYS = new Set([
  'name',
  'fullname',
  'contactname',
  'displayname',
  'contact',
  'leadname',
  'customername',
  'personname',
]);
const EMAIL_KEYS = [
  'email',
  'emailaddress',
  'email1value',
  'mail',
  'emailaddress1',
  'primaryemail',
  'workemail',
  'emailadresse',
  'personemail',
  'personemailwork',
  'emailwork',
];
/** HubSpot "Time Zone", "Timezone", "time_zone", "TZ", German "Zeitzone". */
const TIME_ZONE_KEYS = ['timezone', 'tz', 'zeitzone', 'contacttimezone', 'persontimezone'];

export function isPhoneHeader(header: string): boolean {
  const key = headerKey(header);
  if (NOT_TEXTABLE.test(key)) return false;
  return (
    PHONE_KEYS.has(key) ||
    PHONE_PATTERN.test(key) ||
    PIPEDRIVE_PHONE.test(key) ||
    GOOGLE_PHONE_VALUE.test(key)
  );
}

export function isMobileLabelled(header: string): boolean {
  const key = headerKey(header);
  return /mobil|cell|handy|portable|movil|celular|gsm/.test(key);
}

/** Guesses every field from the headers (already made unique), then applies `--map`. */
export function detectColumns(
  headers: readonly string[],
  maps: readonly string[] = [],
): ColumnPlan | ColumnProblem {
  const mapped = parseMaps(headers, maps);
  if ('kind' in mapped) return mapped;

  const keys = headers.map(headerKey);
  const firstOf = (accept: (key: string) => boolean) => headers.find((_, i) => accept(keys[i] ?? ''));
  const candidates = headers.filter(isPhoneHeader);
  const phones =
    mapped.phone !== undefined
      ? [mapped.phone]
      : [...candidates.filter(isMobileLabelled), ...candidates.filter((h) => !isMobileLabelled(h))];
  const phoneTypes: Record<string, string> = {};
  for (const h of phones) {
    const n = GOOGLE_PHONE_VALUE.exec(headerKey(h))?.[1];
    const typeColumn =
      n === undefined
        ? undefined
        : headers.find((t) => headerKey(t) === `phone${n}type` || headerKey(t) === `phone${n}label`);
    if (typeColumn !== undefined) phoneTypes[h] = typeColumn;
  }
  if (phones.length === 0) {
    return {
      kind: 'data',
      message: `no phone column found among the columns: ${headers.map((h) => `"${h}"`).join(', ')}`,
      hint: 'Name the column that holds mobile numbers, e.g. --map phone="Mobile Phone"',
    };
  }

  const email =
    mapped.email ??
    EMAIL_KEYS.map((k) => headers.find((_, i) => keys[i] === k)).find((h) => h !== undefined) ??
    firstOf((k) => /^e?mail\d*(address|adresse|value)?\d*$/.test(k));
  const plan: ColumnPlan = {
    phones,
    phoneTypes,
    firstName: mapped.first_name ?? firstOf((k) => FIRST_KEYS.has(k)),
    lastName: mapped.last_name ?? firstOf((k) => LAST_KEYS.has(k)),
    name: mapped.name ?? firstOf((k) => NAME_KEYS.has(k)),
    email,
    timeZone:
      mapped.timezone ??
      TIME_ZONE_KEYS.map((k) => headers.find((_, i) => keys[i] === k)).find((h) => h !== undefined),
    optOut: headers.filter(isOptOutHeader),
    consent: headers.filter(isConsentHeader),
    others: [],
  };
  const used = new Set<string>([
    ...phones,
    ...Object.values(phoneTypes),
    ...[plan.firstName, plan.lastName, plan.name, plan.email, plan.timeZone].filter(
      (h): h is string => h !== undefined,
    ),
    ...plan.optOut,
  ]);
  plan.others = headers.filter((h) => !used.has(h));
  return plan;
}

/** `phone=Mobile Phone` -> { phone: "Mobile Phone" }; a field or column that does not exist is a usage error. */
function parseMaps(
  headers: readonly string[],
  maps: readonly string[],
): Partial<Record<ImportField, string>> | ColumnProblem {
  const result: Partial<Record<ImportField, string>> = {};
  const available = `the columns are: ${headers.map((h) => `"${h}"`).join(', ')}`;
  for (const map of maps) {
    const at = map.indexOf('=');
    const fieldText = at < 0 ? map : map.slice(0, at);
    const field = IMPORT_FIELDS.find((f) => headerKey(f) === headerKey(fieldText));
    if (at < 0 || field === undefined) {
      return {
        kind: 'usage',
        message: `--map ${map}: write field=Column, where field is one of ${IMPORT_FIELDS.join(', ')}`,
        hint: 'For example: --map phone="Mobile Phone" --map first_name="Given Name"',
      };
    }
    const wanted = map.slice(at + 1).trim();
    const column =
      headers.find((h) => h === wanted) ??
      headers.find((h) => h.trim().toLowerCase() === wanted.toLowerCase()) ??
      headers.find((h) => headerKey(h) === headerKey(wanted) && headerKey(wanted) !== '');
    if (column === undefined) {
      return { kind: 'usage', message: `--map ${map}: the file has no column "${wanted}"`, hint: available };
    }
    result[field] = column;
  }
  return result;
}
