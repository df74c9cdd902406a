import { describe, expect, it } from 'vitest';
import { describeIdentity, identityKey, isCompleteIdentity, matchKey, readInvoiceDate } from '../../lib/claim-identity';
import { ClaimIdentitySchema } from '../../lib/claim-identity-schema';

describe('readInvoiceDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026/3/1', '2026-03-01'],
    ['03/31/2026', '2026-03-31'],
    ['3/1/2026', '2026-03-01'],
    ['04/05/2026', '2026-04-05'], // month first, as the host shows dates
    [' 03/31/2026\u00a0', '2026-03-31'],
    ['Mar 31, 2026', '2026-03-31'],
    ['mar. 31 2026', '2026-03-31'],
    ['March 31, 2026', '2026-03-31'],
    ['Sept 30, 2026', '2026-09-30'],
    ['31 Mar 2026', '2026-03-31'],
    ['29 February 2028', '2028-02-29'],
    ['Feb 29, 2028', '2028-02-29'],
  ])('reads %j as %s', (text, iso) => expect(readInvoiceDate(text)).toBe(iso));

  it.each([
    ['31/03/2026', 'day first: cannot be month first'],
    ['13/01/2026', 'day first'],
    ['03/31/26', 'two-digit year'],
    ['31.03.2026', 'dotted, day first in most places'],
    ['2026-02-30', 'no such day'],
    ['Feb 29, 2026', 'not a leap year'],
    ['2026-13-01', 'no such month'],
    ['Marching 3, 2026', 'not a month'],
    ['Mar 2026', 'no day'],
    ['2026-03-31T00:00:00Z', 'a timestamp, not a date as shown'],
    ['0001-01-01', 'out of range'],
    ['', 'empty'],
    ['<script>alert(1)</script>', 'markup'],
    ['\u202e1202/13/30', 'right-to-left override'],
    ['1'.repeat(100_000), 'a 100 kB cell'],
  ])('refuses %j (%s)', (text) => expect(readInvoiceDate(text)).toBeNull());
});

describe('matchKey', () => {
  it.each([
    ['SC-1042', 'SC1042'],
    ['sc 1042', 'SC1042'],
    ['SC\u20111042', 'SC1042'], // non-breaking hyphen
    ['ＳＣ－１０４２', 'SC1042'], // full-width forms
    ['INV #0042', 'INV0042'],
    ['Harbor Drywall & Paint', 'HARBORDRYWALLPAINT'],
  ])('keys %j as %s', (text, key) => expect(matchKey(text)).toBe(key));

  it('keeps different letters apart: the page form SC-1042 is not the contract id C-1042', () => {
    expect(matchKey('SC-1042')).not.toBe(matchKey('C-1042'));
  });
});

describe('a claim identity', () => {
  it.each([
    [{ claimId: 'YC-1' }, true],
    [{ contractNumber: 'SC-1', invoiceNumber: 'I-1' }, true],
    [{ vendorName: 'Acme', invoiceNumber: 'I-1', invoiceDate: '2026-03-31' }, true],
    [{ vendorName: 'Acme', invoiceNumber: 'I-1' }, false],
    [{ contractNumber: 'SC-1', vendorName: 'Acme', invoiceDate: '2026-03-31' }, false],
    [{}, false],
  ])('%j is complete: %s', (identity, complete) => {
    expect(isCompleteIdentity(identity)).toBe(complete);
    expect(ClaimIdentitySchema.safeParse(identity).success).toBe(complete);
  });

  it('refuses unknown fields and unbounded text at the boundary', () => {
    expect(ClaimIdentitySchema.safeParse({ claimId: 'YC-1', url: 'https://evil.example.com' }).success).toBe(false);
    expect(ClaimIdentitySchema.safeParse({ contractNumber: 'SC-1', invoiceNumber: 'x'.repeat(201) }).success).toBe(false);
  });

  it('is keyed by its claim id when it has one, else by every field it shows', () => {
    expect(identityKey({ claimId: 'YC-1', contractNumber: 'SC-1', invoiceNumber: 'I-1' })).toBe(identityKey({ claimId: 'YC-1' }));
    const row = { contractNumber: 'SC-1', invoiceNumber: 'I-1', vendorName: 'Acme', invoiceDate: '2026-03-31' };
    expect(identityKey(row)).toBe(identityKey({ ...row }));
    expect(identityKey(row)).not.toBe(identityKey({ ...row, invoiceNumber: 'I-2' }));
    expect(identityKey({ contractNumber: 'a', invoiceNumber: 'b' })).not.toBe(identityKey({ contractNumber: 'a","b', invoiceNumber: '' }));
  });

  it('says what was looked for in plain words, the date in the user’s locale', () => {
    const identity = { contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357', vendorName: 'Granite', invoiceDate: '2026-01-31' };
    expect(describeIdentity(identity, 'en-US')).toBe('contract SC-1042, vendor Granite, invoice GRC-3357, dated Jan 31, 2026');
    expect(describeIdentity(identity, 'en-GB')).toBe('contract SC-1042, vendor Granite, invoice GRC-3357, dated 31 Jan 2026');
  });
});
