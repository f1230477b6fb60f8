/** RFC 4180 records from the core's CSV writer: quoting, line breaks, widths, and cells that are not text. */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../core';

describe('csvField', () => {
  it('quotes a field holding a comma, a double quote, CR or LF, doubling the quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('a,b')).toBe('"a,b"');
  });

  it('neutralises only a leading formula character, not one inside the text', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('x-1')).toBe('x-1');
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField('=')).toBe(`"'="`);
  });

  it('writes numbers as numbers and blanks and non-finite numbers as empty', () => {
    expect(csvField(0)).toBe('0');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(-Infinity)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
  });
});

describe('toCsv', () => {
  it('joins fields with commas and records with CRLF, one after the last', () => {
    expect(toCsv(['a', 'b'], [['x', 1], [null, 'y,z']])).toBe('a,b\r\nx,1\r\n,"y,z"\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });

  it('neutralises and quotes header cells as any other', () => {
    expect(toCsv(['=h', 'a"b'], [])).toBe(`"'=h","a""b"\r\n`);
  });

  it('refuses a row whose width differs from the header, naming the row', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow(new RangeError('CSV row 2 has 1 fields, the header 2'));
    expect(() => toCsv(['a'], [['1', '2']])).toThrow('CSV row 1 has 2 fields, the header 1');
  });
});
