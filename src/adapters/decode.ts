/**
 * Bytes of a contact export -> text -> records with their physical line. Exports come from
 * everywhere: Excel's "CSV UTF-8" (BOM), its "Unicode Text" (UTF-16 LE with BOM, tabs), and the
 * plain "CSV" of older Excel on Windows, which is Windows-1252 (a `José` read as UTF-8 would
 * show as `JosÃ©`, so text that is not valid UTF-8 is read as Windows-1252 instead).
 */
import { parseString } from 'fast-csv';
import iconv from 'iconv-lite';
import type { Delimiter } from '../core/import/delimiter.js';

export type SourceEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeExport(bytes: Uint8Array): { text: string; encoding: SourceEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
  }
}

export interface CsvRecord {
  /** physical line where the record starts (1-based; the header is line 1 unless blank lines precede it) */
  line: number;
  cells: string[];
}

/** A CSV that cannot be parsed (an unclosed quote), with the line where the trouble starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every record of the text, blank rows skipped, each with the physical line it starts on
 * (fast-csv gives no line numbers, so lines are counted: one per record, plus the line breaks
 * inside its quoted cells, plus one per blank line).
 */
export function parseRecords(text: string, delimiter: Delimiter): Promise<CsvRecord[]> {
  return new Promise((resolve, reject) => {
    const records: CsvRecord[] = [];
    let line = 1;
    parseString<string[], string[]>(text, { headers: false, delimiter, ignoreEmpty: false })
      .on('data', (cells: string[]) => {
        const start = line;
        line += 1;
        for (const cell of cells) for (const ch of cell) if (ch === '\n') line++;
        // blank lines, and the `,,,,` rows Excel writes for formatted but empty rows
        if (cells.every((c) => c.trim() === '')) return;
        records.push({ line: start, cells });
      })
      .on('error', (error: Error) => {
        const detail = /missing closing/i.test(error.message)
          ? 'a quoted cell is never closed (a " without its closing ")'
          : error.message;
        reject(new CsvSyntaxError(line, detail));
      })
      .on('end', () => resolve(records));
  });
}
