import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimIdentity } from '../../lib/claim-identity';
import { buildAppHash, buildPanelHash, buildStandbyHash, STANDBY_OPEN, STANDBY_READ_AHEAD } from '../../lib/panel-link';
import { parsePanelHash, readStandbyMessage, readStandbyToken } from '../../lib/panel-link-reader';

describe('the panel URL contract', () => {
  it('names the claim, then the contract and invoice when known', () => {
    expect(buildPanelHash({ claimId: 'C-1', contractNumber: 'SC-1', invoiceNumber: 'INV 1' })).toBe(
      'claim=C-1&contract=SC-1&invoice=INV+1',
    );
    expect(buildPanelHash({ claimId: 'C-1' })).toBe('claim=C-1');
    expect(buildAppHash('C-1', 'https://pf.example.com')).toBe('claim=C-1&host=https%3A%2F%2Fpf.example.com');
  });

  it('names a claim without an id by what its row shows', () => {
    const identity = { contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357', vendorName: 'Granite & Co', invoiceDate: '2026-01-31' };
    const hash = buildPanelHash(identity);
    expect(hash).toBe('contract=SC-1042&invoice=GRC-3357&vendor=Granite+%26+Co&date=2026-01-31');
    expect(parsePanelHash(hash)).toEqual({ identity });
  });

  it('reads what the content script wrote, with or without the leading #', () => {
    expect(parsePanelHash('#claim=C-1&contract=SC-1')).toEqual({ identity: { claimId: 'C-1', contractNumber: 'SC-1' } });
    expect(parsePanelHash('claim=C-1&invoice=INV+1')).toEqual({ identity: { claimId: 'C-1', invoiceNumber: 'INV 1' } });
    expect(parsePanelHash('vendor=Acme&invoice=7&date=2026-03-31')).toEqual({ identity: { vendorName: 'Acme', invoiceNumber: '7', invoiceDate: '2026-03-31' } });
  });

  it('cannot be steered by page text that looks like more parameters', () => {
    const hash = buildPanelHash({ claimId: 'H-1&claim=evil#x', invoiceNumber: '&contract=forged' });
    expect(parsePanelHash(`#${hash}`)).toEqual({ identity: { claimId: 'H-1&claim=evil#x', invoiceNumber: '&contract=forged' } });
  });

  it.each([
    '',
    '#',
    '#contract=SC-1',
    '#invoice=INV-1',
    '#vendor=Acme&invoice=INV-1',
    '#vendor=Acme&invoice=INV-1&date=03%2F31%2F2026',
    '#vendor=Acme&invoice=INV-1&date=2026-02-30',
    '#claim=',
    '#claim=%20%20',
    `#claim=${'x'.repeat(201)}`,
    `#contract=SC-1&invoice=${'x'.repeat(201)}`,
    `#vendor=${'v'.repeat(501)}&invoice=1&date=2026-03-31`,
    '#claim=C-1&host=javascript%3Aalert(1)',
  ])('names no claim: %j', (hash) => {
    expect(parsePanelHash(hash)).toBeNull();
  });

  it('round-trips any identity the page can show', () => {
    const text = fc.string({ minLength: 1, maxLength: 200 }).filter((value) => value.trim() === value && value !== '');
    const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
    const identity = fc.oneof(
      fc.record({ claimId: text, contractNumber: text, invoiceNumber: text }, { requiredKeys: ['claimId'] }),
      fc.record({ contractNumber: text, invoiceNumber: text, vendorName: text, invoiceDate: date }, { requiredKeys: ['contractNumber', 'invoiceNumber'] }),
      fc.record({ vendorName: text, invoiceNumber: text, invoiceDate: date }),
    );
    fc.assert(
      fc.property(identity, (value: ClaimIdentity) => {
        expect(parsePanelHash(`#${buildPanelHash(value)}`)).toEqual({ identity: value });
      }),
    );
  });
});

describe('a panel page standing by', () => {
  const token = crypto.randomUUID();
  const open = (fields: Record<string, unknown>) => ({ type: STANDBY_OPEN, token, hash: buildPanelHash({ claimId: 'C-1', contractNumber: 'SC-1' }), ...fields });

  it('is told apart from a panel opened on a claim by its fragment', () => {
    expect(readStandbyToken(`#${buildStandbyHash(token)}`)).toBe(token);
    expect(readStandbyToken(buildStandbyHash(token))).toBe(token);
    expect(readStandbyToken('#claim=C-1')).toBeNull();
    // A token too short to be secret, or not one we make, is no standby.
    expect(readStandbyToken('#standby=1')).toBeNull();
    expect(readStandbyToken('#standby=a%20b%26claim%3DC-1-padding-padding')).toBeNull();
  });

  it('opens the claim the dock names under its token, or reads it ahead', () => {
    expect(readStandbyMessage(open({}), token)).toEqual({ open: true, hash: 'claim=C-1&contract=SC-1' });
    expect(parsePanelHash(readStandbyMessage(open({}), token)!.hash)).toEqual({ identity: { claimId: 'C-1', contractNumber: 'SC-1' } });
    expect(readStandbyMessage(open({ type: STANDBY_READ_AHEAD }), token)).toEqual({ open: false, hash: 'claim=C-1&contract=SC-1' });
  });

  it('ignores messages that are not the dock’s: another token, another shape, no claim', () => {
    for (const type of [STANDBY_OPEN, STANDBY_READ_AHEAD]) {
      expect(readStandbyMessage(open({ type, token: crypto.randomUUID() }), token)).toBeNull();
      expect(readStandbyMessage(open({ type, hash: 'host=https%3A%2F%2Fevil.example' }), token)).toBeNull();
      expect(readStandbyMessage(open({ type, hash: 42 }), token)).toBeNull();
      expect(readStandbyMessage(open({ type, hash: `claim=C-1&x=${'a'.repeat(3000)}` }), token)).toBeNull();
    }
    expect(readStandbyMessage(open({ type: 'claim/open' }), token)).toBeNull();
    for (const data of [null, undefined, 'claim=C-1', [token], { token }]) expect(readStandbyMessage(data, token)).toBeNull();
  });
});
