import { describe, expect, it } from 'vitest';
import { toCsv } from '../../console/src/pages/dashboard/csv.ts';
import { change, count, decimal, percent } from '../../console/src/pages/dashboard/format.ts';

describe('the figures as written', () => {
  it('writes rates in percent with one decimal, and — for no rate', () => {
    expect(percent(0.978)).toBe('97.8%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(0.96149)).toBe('96.1%');
    expect(percent(null)).toBe('—');
  });

  it('writes counts with separators and other figures with one decimal', () => {
    expect(count(130268)).toBe('130,268');
    expect(decimal(558)).toBe('558.0');
    expect(decimal(null)).toBe('—');
  });

  it('compares rates by percentage points and other figures relatively', () => {
    expect(change(0.978, 0.96, 'rate')).toEqual({ direction: 'up', text: '↑ 1.8 个百分点' });
    expect(change(0.9, 0.95, 'rate')).toEqual({ direction: 'down', text: '↓ 5.0 个百分点' });
    expect(change(0.9781, 0.978, 'rate')).toEqual({ direction: 'same', text: '持平' });
    expect(change(120, 100, 'count')).toEqual({ direction: 'up', text: '↑ 20.0%' });
    expect(change(80, 100, 'count')).toEqual({ direction: 'down', text: '↓ 20.0%' });
    expect(change(5, 0, 'count')).toEqual({ direction: 'up', text: '↑ 5' });
    expect(change(0, 0, 'count')).toEqual({ direction: 'same', text: '持平' });
    expect(change(null, 0.9, 'rate')).toEqual({ direction: 'none', text: '—' });
    expect(change(7.26, 8, 'decimal')).toEqual({ direction: 'down', text: '↓ 9.3%' });
  });
});

describe('the CSV for Excel', () => {
  it('starts with a byte-order mark, ends lines with CRLF, and quotes what needs quoting', () => {
    const csv = toCsv(['名称', '说明'], [['海游街道', '含 "便民" 服务, 两行\n第二行'], ['W01', 3], ['', null]]);
    expect(csv).toBe('\uFEFF名称,说明\r\n海游街道,"含 ""便民"" 服务, 两行\n第二行"\r\nW01,3\r\n,\r\n');
  });

  it('keeps text that looks like a formula from running as one, but not our own negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3], ['+1', '@SUM(A1)']])).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-3\r\n\'+1,\'@SUM(A1)\r\n');
  });

  it('is UTF-8 with the mark Excel needs as its first three bytes', async () => {
    const bytes = new Uint8Array(await new Blob([toCsv(['受理'], [[1]])], { type: 'text/csv;charset=utf-8' }).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 9))).toBe('受理');
  });
});
