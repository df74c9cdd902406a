import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIdentityValue } from '../../lib/claim-identity';
import { ClaimIdentitySchema } from '../../lib/claim-identity-schema';
import { readPageMessage } from '../../lib/page-message-reader';
import { PageMessageSchema } from '../../lib/protocol';

// Texts near the limits and around the edges the schema cares about: blank, padded, too long.
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '   ', ' SC-1042 ', 'x'.repeat(200), 'x'.repeat(201), ` ${'y'.repeat(200)} `, 'v'.repeat(500), 'v'.repeat(501)),
);
const date = fc.oneof(
  text,
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-29', '2023-02-29', '2026-04-31', '2026-13-01', '2026-1-5'),
);
const identity = fc.oneof(
  fc.record(
    { claimId: text, contractNumber: text, invoiceNumber: text, vendorName: text, invoiceDate: date, url: text },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const message = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('panel/close', 'claim/submitted', 'drafts/changed', 'claim/open', 'other'),
      claimId: fc.oneof(text, fc.integer()),
      row: fc.oneof(identity, fc.constant(undefined)),
      extra: fc.anything(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.anything(),
);

describe('the content script’s hand-checked readers agree with the protocol’s schemas', () => {
  it('take and refuse exactly the identities ClaimIdentitySchema does, trimmed alike', () => {
    fc.assert(
      fc.property(identity, (value) => {
        const schema = ClaimIdentitySchema.safeParse(value);
        expect(readIdentityValue(value)).toEqual(schema.success ? schema.data : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('take and refuse exactly the page messages PageMessageSchema does', () => {
    fc.assert(
      fc.property(message, (value) => {
        const schema = PageMessageSchema.safeParse(value);
        const read = readPageMessage(value);
        expect(read.ok).toBe(schema.success);
        if (read.ok && schema.success) expect(read.message).toEqual(schema.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('say why a message is refused', () => {
    expect(readPageMessage({ type: 'claim/submitted', claimId: '' })).toEqual({ ok: false, reason: 'claim/submitted needs a claim id of 1 to 200 characters' });
    expect(readPageMessage({ type: 'panel/close', claimId: 'C-1' })).toEqual({ ok: false, reason: 'panel/close carries nothing else' });
  });
});
