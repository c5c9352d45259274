import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, decodeExport, parseRecords } from '../../src/adapters/decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('bytes to text', () => {
  test.each([
    ['UTF-8', utf8('Name\nJosé Zoë Müller\n'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Name\nJosé Zoë Müller\n')]),
      'utf-8 (BOM)',
    ],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Name\nJosé Zoë Müller\n', 'utf-16le')]),
      'utf-16le',
    ],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Name\nJosé Zoë Müller\n', 'utf-16be')]),
      'utf-16be',
    ],
    ['Windows-1252', iconv.encode('Name\nJosé Zoë Müller\n', 'windows-1252'), 'windows-1252'],
  ])('%s', (_label, bytes, encoding) => {
    const decoded = decodeExport(bytes);
    expect(decoded).toEqual({ text: 'Name\nJosé Zoë Müller\n', encoding });
    expect(decoded.text).not.toContain('Ã');
  });

  test('Windows-1252 punctuation old Excel writes (curly quotes, euro) comes out right', () => {
    expect(decodeExport(iconv.encode('“Café” – 5 €', 'windows-1252')).text).toBe('“Café” – 5 €');
  });
});

describe('records with their physical line', () => {
  test('CRLF, quoted newlines and blank lines keep line numbers true', async () => {
    const text =
      'Name,Notes,Phone\r\nDana,"two\r\nlines",1\r\n\r\nLuis,"a, b",2\r\n,,\r\nPriya,"x\ny\nz",3\r\nKen,,4';
    expect(await parseRecords(text, ',')).toEqual([
      { line: 1, cells: ['Name', 'Notes', 'Phone'] },
      { line: 2, cells: ['Dana', 'two\r\nlines', '1'] },
      { line: 5, cells: ['Luis', 'a, b', '2'] },
      { line: 7, cells: ['Priya', 'x\ny\nz', '3'] },
      { line: 10, cells: ['Ken', '', '4'] },
    ]);
  });

  test('semicolons and tabs', async () => {
    expect(await parseRecords('a;b\n"x;y";2\n', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', '2'] },
    ]);
    expect(await parseRecords('a\tb\nx\t2\n', '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x', '2'] },
    ]);
  });

  test('an unclosed quote is a syntax error naming the line it starts on', async () => {
    const error = await parseRecords('Name,Phone\nDana,1\n"Luis,2\nPriya,3\n', ',').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({
      line: 3,
      message: 'a quoted cell is never closed (a " without its closing ")',
    });
  });
});
