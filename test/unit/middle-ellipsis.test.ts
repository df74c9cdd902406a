import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { middleEllipsis } from '../../lib/middle-ellipsis';

describe('a description split for an ellipsis in its middle', () => {
  it('keeps the last part after a separator, where lines of one code differ', () => {
    const levels = ['Level 1', 'Level 2', 'Roof'].map((area) => middleEllipsis(`Blocking and backing for wall-mounted casework, ${area}`));
    expect(levels.map(({ tail }) => tail)).toEqual(['Level 1', 'Level 2', 'Roof']);
    expect(levels[0]).toEqual({ head: 'Blocking and backing for wall-mounted casework,', tail: 'Level 1', gap: true });
    expect(middleEllipsis('Gypsum board partitions and soffits - east wing')).toEqual({ head: 'Gypsum board partitions and soffits -', tail: 'east wing', gap: true });
  });

  it('otherwise keeps the last few words', () => {
    expect(middleEllipsis('Blocking and backing for wall-mounted casework level 12')).toEqual({ head: 'Blocking and backing for wall-mounted', tail: 'casework level 12', gap: true });
    expect(middleEllipsis('x'.repeat(40))).toEqual({ head: 'x'.repeat(28), tail: 'x'.repeat(12), gap: false });
  });

  it('never cuts a character in two', () => {
    const { head, tail } = middleEllipsis(`${'x'.repeat(30)}${'🙂'.repeat(6)}y`);
    expect([head.isWellFormed(), tail.isWellFormed()]).toEqual([true, true]);
  });

  it('leaves a short text whole', () => {
    expect(middleEllipsis('Concrete, Level 1')).toEqual({ head: 'Concrete, Level 1', tail: '', gap: false });
  });

  it('loses nothing but the white space it draws as a gap, and keeps the tail short', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(', ', ' - ', ' ', '; '), fc.string({ maxLength: 12 }), (start, separator, end) => {
        const text = start + separator + end;
        const { head, tail, gap } = middleEllipsis(text);
        if (gap) expect(text.startsWith(head) && text.endsWith(tail) && text.slice(head.length, text.length - tail.length).trim()).toBe('');
        else expect(head + tail).toBe(text);
        expect(tail.length).toBeLessThanOrEqual(18);
      }),
    );
  });
});
