import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../core';

describe('CSV cells a spreadsheet reads as text', () => {
  it.each([
    ['=', "=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['+', '+1', `"'+1"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(1+1)', `"'@SUM(1+1)"`],
    ['tab', '\tx', `"'\tx"`],
    ['carriage return', '\r=1', `"'\r=1"`],
  ])('text starting with %s is written as quoted text', (_prefix, text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('doubles quotes inside neutralised text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps computed numbers as numbers, negatives included', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(toCsv(['ticket', 'remaining'], [['-1', -30]])).toBe(`ticket,remaining\r\n"'-1",-30\r\n`);
  });

  it('leaves plain text alone and quotes RFC 4180 specials', () => {
    expect(csvField('INC-1')).toBe('INC-1');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField(null)).toBe('');
  });
});
