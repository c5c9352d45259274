/**
 * A source's time-zone cell to an IANA zone name (what quiet hours run on). Exports write zones
 * every which way:
 * - IANA names in any case, old links included (`America/New_York`, `US/Eastern`, `cuba`);
 * - HubSpot's "Time Zone" property (`hs_timezone`), whose values are IANA names spelled
 *   `america_slash_new_york`, `america_slash_port_hyphen_au_hyphen_prince`, `us_slash_eastern`
 *   (HubSpot CRM properties API, contact property `hs_timezone`);
 * - display forms with an offset in front: `(GMT-05:00) Eastern Time (US & Canada)`,
 *   `(UTC+01:00) Berlin`, `(GMT-05:00) America/New_York` (Rails/Windows zone pickers);
 * - US zone names and abbreviations (`Eastern`, `EST`, `PT`), German `MEZ`.
 * A bare offset (`GMT-5`) and an ambiguous abbreviation (`MST`: Denver or Phoenix?) are refused:
 * neither says when daylight saving time starts, and a wrong guess texts someone at 8 a.m.
 * Intl (ICU's zone data) decides what a valid zone is and spells it canonically.
 */

export type ZoneResult = { ok: true; zone: string } | { ok: false; reason: string };

/** Names that are not IANA zones but say one plainly. Keys in `zoneKey` form. */
const NAMED: Record<string, string> = {
  eastern: 'America/New_York',
  easterntime: 'America/New_York',
  easterntimeuscanada: 'America/New_York',
  easternstandardtime: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  central: 'America/Chicago',
  centraltime: 'America/Chicago',
  centraltimeuscanada: 'America/Chicago',
  centralstandardtime: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  mountain: 'America/Denver',
  mountaintime: 'America/Denver',
  mountaintimeuscanada: 'America/Denver',
  mountainstandardtime: 'America/Denver',
  mdt: 'America/Denver',
  arizona: 'America/Phoenix',
  usmountainstandardtime: 'America/Phoenix',
  pacific: 'America/Los_Angeles',
  pacifictime: 'America/Los_Angeles',
  pacifictimeuscanada: 'America/Los_Angeles',
  pacificstandardtime: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  alaskanstandardtime: 'America/Anchorage',
  akst: 'America/Anchorage',
  akdt: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  hawaiianstandardtime: 'Pacific/Honolulu',
  hst: 'Pacific/Honolulu',
  atlantictimecanada: 'America/Halifax',
  newfoundland: 'America/St_Johns',
  indianaeast: 'America/Indiana/Indianapolis',
  mez: 'Europe/Berlin',
  mesz: 'Europe/Berlin',
  westeuropestandardtime: 'Europe/Berlin',
  gmtstandardtime: 'Europe/London',
};

/** Abbreviations that stand for more than one zone. */
const AMBIGUOUS: Record<string, string> = {
  mst: 'America/Denver (Mountain, with daylight saving) or America/Phoenix (Arizona, without)',
  mt: 'America/Denver (Mountain, with daylight saving) or America/Phoenix (Arizona, without)',
  ist: 'Asia/Kolkata, Europe/Dublin or Asia/Jerusalem',
  ast: 'America/Halifax, America/Puerto_Rico or Asia/Riyadh',
  bst: 'Europe/London or Asia/Dhaka',
};

const OFFSET_PREFIX = /^\(?\s*(?:gmt|utc)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?\s*\)?\s*/i;
const BARE_OFFSET = /^(?:gmt|utc)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?$/i;

function zoneKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** The canonical IANA spelling of `name` (any case, links resolved), or undefined. */
function iana(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `Berlin`, `New York` -> the zone named after that city, if exactly one is. */
function byCity(text: string): string | undefined {
  const city = text.trim().replace(/\s+/g, '_').toLowerCase();
  if (city === '') return undefined;
  const hits = Intl.supportedValuesOf('timeZone').filter((z) => z.toLowerCase().endsWith(`/${city}`));
  return hits.length === 1 ? hits[0] : undefined;
}

/** undefined for an empty cell; else the zone or why it was not understood. */
export function normaliseTimeZone(cell: string): ZoneResult | undefined {
  const raw = cell.trim();
  if (raw === '') return undefined;
  if (BARE_OFFSET.test(raw)) {
    return {
      ok: false,
      reason: `time zone "${raw}" is a fixed UTC offset, which does not follow daylight saving time: write a zone name such as America/New_York`,
    };
  }
  // HubSpot spells "/" and "-" out: america_slash_port_hyphen_au_hyphen_prince
  const hubspot = raw.replace(/_slash_/gi, '/').replace(/_hyphen_/gi, '-');
  const rest = hubspot.replace(OFFSET_PREFIX, '').trim();
  const key = zoneKey(rest);
  const ambiguous = AMBIGUOUS[key];
  if (ambiguous !== undefined && rest.length <= 4) {
    return { ok: false, reason: `time zone "${raw}" is ambiguous: write ${ambiguous}` };
  }
  const zone = NAMED[key] ?? iana(rest) ?? byCity(rest.replace(/\(.*\)/, ''));
  if (zone !== undefined) return { ok: true, zone };
  return {
    ok: false,
    reason: `time zone "${raw}" is not a zone this tool knows: write an IANA name such as America/New_York or Europe/Berlin`,
  };
}
