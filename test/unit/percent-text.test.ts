import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOfCents } from '../../lib/cents';
import { Decimal } from '../../lib/decimal';
import { WIDEST_PERCENT_TEXT, percentText } from '../../lib/percent-text';

describe('percentText', () => {
  it('shows a percent complete as it is, up to 999.99% either way', () => {
    expect(percentText('37.25')).toBe('37.25%');
    expect(percentText('100.00')).toBe('100.00%');
    expect(percentText('999.99')).toBe('999.99%');
    expect(percentText('-999.99')).toBe('-999.99%');
    expect(percentText('0.00')).toBe('0.00%');
  });

  it('says only that a mistyped amount took the line past 1,000%', () => {
    expect(percentText('1000.00')).toBe('> 999%');
    expect(percentText('3655.87')).toBe('> 999%');
    expect(percentText('-1000.00')).toBe('< -999%');
  });

  it('is exact below 1,000% and never wider than the figures there, for any amounts', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 14n), 10n ** 14n), fc.bigInt(1n, 10n ** 14n), (claimed, scheduled) => {
        const percent = percentOfCents(claimed, scheduled);
        const shown = percentText(percent);
        expect(shown.length).toBeLessThanOrEqual(WIDEST_PERCENT_TEXT.length);
        if (new Decimal(percent).abs().lessThan(1000)) expect(shown).toBe(`${percent}%`);
      }),
      { numRuns: 500 },
    );
  });
});
