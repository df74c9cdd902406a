import { describe, expect, it } from 'vitest';
import { codeFigures } from '../../lib/code-figures';

const balance = (remaining: string) => ({ categoryCode: '03-300', target: '1234.50', allocated: '-20.00', remaining });

describe('codeFigures', () => {
  it('shows a code as accountants read it: credits in parentheses, balanced in words', () => {
    expect(codeFigures(balance('1254.50'))).toEqual({ code: '03-300', target: '$1,234.50', allocated: '($20.00)', remaining: '$1,254.50', balanced: false });
    expect(codeFigures(balance('0.00'))).toMatchObject({ remaining: '\u2713 Balanced', balanced: true });
  });

  it('works a balance out once: the same balance gives the same figures, a new one new figures', () => {
    const before = balance('10.00');
    const figures = codeFigures(before);
    expect(codeFigures(before)).toBe(figures);
    const after = balance('10.00');
    expect(codeFigures(after)).not.toBe(figures);
    expect(codeFigures(after)).toEqual(figures);
  });
});
