/**
 * Where each CSV record starts and ends in the bytes of a file, and on which line: what fast-csv
 * does not report, and what lets the store read or replace one contact's row without parsing the
 * whole file. It follows the same RFC 4180 rules fast-csv parses by: a `"` toggles quoting (a
 * doubled `""` toggles twice), and outside quotes `\r\n`, `\n` or a lone `\r` ends a record. So
 * record k here is the k-th row fast-csv yields, blank rows included; callers compare the two
 * counts and trust the offsets only when they agree.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface ScannedRecords {
  /** byte offset of each record's first byte */
  starts: number[];
  /** byte offset just past each record's last byte, its line end included */
  ends: number[];
  /** the physical line each record starts on (1-based) */
  lines: number[];
}

export class RecordScanner {
  readonly records: ScannedRecords = { starts: [], ends: [], lines: [] };
  private offset = 0;
  private quoted = false;
  /** the byte before was a `\r`: a `\n` now completes a CRLF, which ends (or breaks) once */
  private afterCr = false;
  private line = 1;
  private recordStart = 0;
  private recordLine = 1;

  /** Feed the file's bytes in order, in chunks of any size. */
  push(chunk: Uint8Array): void {
    const base = this.offset;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk[i];
      const afterCr = this.afterCr;
      this.afterCr = false;
      if (c === QUOTE) {
        this.quoted = !this.quoted;
      } else if (c === LF) {
        if (afterCr) {
          // the CR already ended the record or counted the line: the LF joins it
          if (!this.quoted) this.extendLast(base + i + 1);
        } else if (this.quoted) {
          this.line++;
        } else {
          this.endRecord(base + i + 1);
        }
      } else if (c === CR) {
        this.afterCr = true;
        if (this.quoted) this.line++;
        else this.endRecord(base + i + 1);
      }
    }
    this.offset += n;
  }

  /** After the last chunk: the records, a final one without a line end included. */
  finish(): ScannedRecords {
    if (this.recordStart < this.offset) this.endRecord(this.offset);
    return this.records;
  }

  private endRecord(end: number): void {
    this.records.starts.push(this.recordStart);
    this.records.ends.push(end);
    this.records.lines.push(this.recordLine);
    this.line++;
    this.recordStart = end;
    this.recordLine = this.line;
  }

  private extendLast(end: number): void {
    this.records.ends[this.records.ends.length - 1] = end;
    this.recordStart = end;
  }
}

/** Physical line breaks in bytes (CRLF, LF or a lone CR each count once), as `lineBreaks` counts them in text. */
export function byteLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === LF) n++;
    else if (c === CR && bytes[i + 1] !== LF) n++;
  }
  return n;
}
