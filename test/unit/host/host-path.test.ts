import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostPath, UnsafePathError } from '../../../lib/host/host-path';
import { YardiClaimSchema } from '../../../lib/schemas';

const ORIGIN = 'http://127.0.0.1:5180';

describe('hostPath: ids from a page or a host as path segments', () => {
  it('keeps every id inside its own segment, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((id) => !['', '.', '..'].includes(id)), (id) => {
        const url = new URL(hostPath`/api/claims/${id}/backfill`, ORIGIN);
        expect(url.origin).toBe(ORIGIN);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(5);
        expect([segments[1], segments[2], segments[4]]).toEqual(['api', 'claims', 'backfill']);
        expect(decodeURIComponent(segments[3]!)).toBe(id);
      }),
    );
  });

  it.each([
    ['a traversal', '../contracts/C-1042/sov', '/api/claims/..%2Fcontracts%2FC-1042%2Fsov'],
    ['a query', 'YC-1?x=1#y', '/api/claims/YC-1%3Fx%3D1%23y'],
    ['a percent-encoded dot pair', '%2e%2e', '/api/claims/%252e%252e'],
    ['dots and more', '...', '/api/claims/...'],
  ])('encodes %s', (_, id, pathname) => {
    expect(new URL(hostPath`/api/claims/${id}`, ORIGIN).pathname).toBe(pathname);
  });

  it('refuses any id it cannot encode, with its own error, never a URIError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (id) => {
        let path: string | undefined;
        try {
          path = hostPath`/api/claims/${id}`;
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafePathError);
          return;
        }
        expect(decodeURIComponent(path.slice('/api/claims/'.length))).toBe(id);
      }),
    );
    expect(() => hostPath`/api/claims/${'YC-\ud800'}`).toThrow(UnsafePathError);
  });

  it.each(['.', '..', ''])('refuses %j, which URL parsing would resolve to another path, and says nothing was sent', (id) => {
    expect(() => hostPath`/api/claims/${id}/backfill`).toThrow(UnsafePathError);
    expect(() => hostPath`/api/claims/${id}/backfill`).toThrow('Nothing was sent');
  });

  it('is matched by the host reply schemas, which cannot read a claim or contract id of "." or ".."', () => {
    const claim = { id: 'YC-1', contractId: '..', vendorName: 'V', invoiceNumber: 'I', invoiceDate: '2026-01-31', total: '1.00', allocated: false, lines: [{ categoryCode: '01-100', amount: '1.00' }] };
    expect(YardiClaimSchema.safeParse(claim).success).toBe(false);
    expect(YardiClaimSchema.safeParse({ ...claim, contractId: 'C-1' }).success).toBe(true);
  });
});
