import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPanelHash, parsePanelHash } from '../../lib/panel-link';

describe('the panel URL contract', () => {
  it('names the claim, then the contract and invoice when known', () => {
    expect(buildPanelHash({ claimId: 'C-1', contractNumber: 'SC-1', invoiceNumber: 'INV 1' })).toBe(
      'claim=C-1&contract=SC-1&invoice=INV+1',
    );
    expect(buildPanelHash({ claimId: 'C-1' })).toBe('claim=C-1');
  });

  it('reads what the content script wrote, with or without the leading #', () => {
    expect(parsePanelHash('#claim=C-1&contract=SC-1')).toEqual({ claimId: 'C-1', contractNumber: 'SC-1' });
    expect(parsePanelHash('claim=C-1&invoice=INV+1')).toEqual({ claimId: 'C-1', invoiceNumber: 'INV 1' });
  });

  it('cannot be steered by page text that looks like more parameters', () => {
    const hash = buildPanelHash({ claimId: 'H-1&claim=evil#x', invoiceNumber: '&contract=forged' });
    expect(parsePanelHash(`#${hash}`)).toEqual({ claimId: 'H-1&claim=evil#x', invoiceNumber: '&contract=forged' });
  });

  it.each(['', '#', '#contract=SC-1', '#claim=', '#claim=%20%20', `#claim=${'x'.repeat(201)}`])('names no claim: %j', (hash) => {
    expect(parsePanelHash(hash)).toBeNull();
  });

  it('round-trips any identity the page can show', () => {
    const text = fc.string({ minLength: 1, maxLength: 200 }).filter((value) => value.trim() === value && value !== '');
    fc.assert(
      fc.property(fc.record({ claimId: text, contractNumber: text, invoiceNumber: text }, { requiredKeys: ['claimId'] }), (identity) => {
        expect(parsePanelHash(`#${buildPanelHash(identity)}`)).toEqual(identity);
      }),
    );
  });
});
