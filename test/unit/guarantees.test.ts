import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The guarantees document names, for each promise, the tests that prove it: a renamed or moved test
// must not leave a promise pointing at nothing.
const doc = readFileSync(new URL('../../docs/GUARANTEES.md', import.meta.url), 'utf8');

describe('docs/GUARANTEES.md', () => {
  const cited = [...new Set([...doc.matchAll(/`(test\/[^`]+)`/g)].map((match) => match[1]!.split(' ')[0]!))];

  it('cites tests', () => {
    expect(cited.length).toBeGreaterThan(30);
  });

  it.each(cited)('cites %s, which exists', (path) => {
    expect(existsSync(new URL(`../../${path}`, import.meta.url))).toBe(true);
  });

  it('names at least one test for every promise not marked as not yet proven', () => {
    const promises = doc.split('\n- **').slice(1).map((text) => text.split('\n\n')[0]!);
    const unproven = promises.filter((text) => !/`test\//.test(text) && !text.toLowerCase().includes('not yet proven'));
    expect(unproven).toEqual([]);
  });
});
