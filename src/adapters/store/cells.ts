/**
 * Cell-level rules shared by every CSV the store writes or reads: formula safety (so a
 * spreadsheet never runs a reply body such as `=HYPERLINK(...)`), and how a place in a file is
 * named to an operator. OWASP "CSV Injection" lists `=`, `+`, `-`, `@`, tab and CR as the
 * characters that make Excel, LibreOffice and Google Sheets treat a cell as a formula.
 */

/** A plain number or an E.164 phone: safe as is, and must stay exactly as typed. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * The text to write for a cell: a leading `'` makes spreadsheets show the text instead of
 * evaluating it. A cell that already starts with `'` gets one more, so `unescapeCell` undoes
 * exactly what this did.
 */
export function formulaSafe(cell: string): string {
  if (cell === '') return cell;
  const c = cell.charCodeAt(0);
  if (c === 0x27) return `'${cell}`; // '
  // = + - @ TAB CR
  if (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d) {
    return PLAIN_NUMBER.test(cell) ? cell : `'${cell}`;
  }
  return cell;
}

/** Undoes `formulaSafe`: one leading `'` is removed. */
export function unescapeCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 ? cell.slice(1) : cell;
}

/** Spreadsheet column letters (0 -> A, 26 -> AA), the way an operator finds a cell. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `contacts.csv line 5, column phone (B)` */
export function place(file: string, line: number, column?: { name: string; index: number }): string {
  if (column === undefined) return `${file} line ${line}`;
  const name = column.name === '' ? 'without a name' : `"${column.name}"`;
  return `${file} line ${line}, column ${name} (${columnLetter(column.index)})`;
}

/** Physical line breaks inside a cell: CRLF, LF or a lone CR each count once, as editors show them. */
export function lineBreaks(cell: string): number {
  let n = 0;
  let i = cell.indexOf('\n');
  while (i !== -1) {
    n++;
    i = cell.indexOf('\n', i + 1);
  }
  let r = cell.indexOf('\r');
  while (r !== -1) {
    if (cell.charCodeAt(r + 1) !== 0x0a) n++;
    r = cell.indexOf('\r', r + 1);
  }
  return n;
}
