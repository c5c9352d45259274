/**
 * Making outside text safe for where it goes. Names, phones and reply bodies are written by
 * strangers: in HTML they must stay text (a reply can be `<script>` or `<img onerror=...>`), in a
 * CSV opened by a spreadsheet they must not become formulas (OWASP "CSV Injection").
 */
import { localTime } from '../local-time.js';

/** HTML text and attribute values: the five characters that can end a text node or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Reply bodies in a summary are shown on one line, at most `max` characters. */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `2026-12-01T14:03:00Z` → `2026-12-01 09:03 EST` in the team's zone (UTC without one); empty stays empty. */
export function humanTime(iso: string, timeZone = 'UTC'): string {
  return iso === '' ? '' : localTime(iso, timeZone);
}

/**
 * One CSV cell, formula-safe the way the data store writes them: text starting with = + - @ tab
 * or CR gets a leading `'` unless it is a plain number or an E.164 phone (no formula there, and
 * the operator wants to dial it); a leading `'` is doubled so it survives a round trip. Quoted
 * per RFC 4180 when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  let cell = value;
  if (/^[=+\-@\t\r']/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A whole CSV text: header and rows, CRLF line ends (RFC 4180), a BOM so Excel reads UTF-8. */
export function csvText(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
