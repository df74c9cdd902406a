import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/dates';

describe('formatDate', () => {
  it('writes a calendar date as the locale does, never a day off whatever the time zone', () => {
    expect(formatDate('2026-03-31', 'en-US')).toBe('Mar 31, 2026');
    expect(formatDate('2026-03-31', 'en-GB')).toBe('31 Mar 2026');
    expect(formatDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
  });

  it('shows anything else as it is', () => {
    expect(formatDate('03/31/2026', 'en-US')).toBe('03/31/2026');
  });
});
