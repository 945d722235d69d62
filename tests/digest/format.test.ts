import { describe, expect, it } from 'vitest';
import { formatChange, formatNumber, sparkline } from '../../src/reports/format.js';

describe('sparklines and Italian numbers', () => {
  it('scales bars from the lowest to the highest value shown', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([8, 7, 6, 5, 4, 3, 2, 1])).toBe('█▇▆▅▄▃▂▁');
    expect(sparkline([0, 10, 5, 10, 0, 10, 5, 10])).toBe('▁█▅█▁█▅█');
  });

  it('shows weeks without data as a dot, and a flat line as flat', () => {
    expect(sparkline([null, null, 3, 3, null, 3, 3, 3])).toBe('··▄▄·▄▄▄');
    expect(sparkline([0, 0, 0, 0, 0, 0, 0, 0])).toBe('▁▁▁▁▁▁▁▁');
    expect(sparkline(Array(8).fill(null))).toBe('········');
  });

  it('writes numbers and changes the Italian way, with a real minus sign', () => {
    expect(formatNumber(12345, 'count')).toBe('12.345');
    expect(formatNumber(3.45, 'average')).toBe('3,5');
    expect(formatNumber(4, 'average')).toBe('4,0');
    expect(formatNumber(2.25)).toBe('2,3');
    expect(formatChange(7, 8, 'count')).toBe('−1');
    expect(formatChange(3.62, 3.4, 'average')).toBe('+0,2');
    expect(formatChange(3.41, 3.4, 'average')).toBe('=');
  });
});
