import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { localClaim, localSov } from '../../../lib/local-source/records';
import { IMPORTED } from '../../support/local-source';
import { freshStorage } from '../../support/storage';

const AT = '2026-11-30T10:00:00.000Z';

describe('LocalSource', () => {
  it('reads back what was imported, and records which claims were exported', async () => {
    const { localSource } = freshStorage();
    const claim = localClaim(IMPORTED, 'payments.csv', AT);
    const other = localClaim({ ...IMPORTED, invoiceNumber: 'INV-8' }, 'payments.csv', AT);
    await localSource.putClaims([claim, other]);
    await localSource.putSov(localSov('SC-1042', [], 'g703.csv', AT));
    await localSource.markExported([claim.id], '2026-12-01T09:00:00.000Z');
    const contents = await localSource.all();
    expect(contents.unreadable).toBe(0);
    expect(contents.claims.find((found) => found.id === claim.id)?.exportedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(contents.claims.find((found) => found.id === other.id)?.exportedAt).toBeUndefined();
    expect(contents.sovs.map((sov) => sov.contractKey)).toEqual(['SC1042']);
  });

  it('counts a record that no longer reads back instead of using it', async () => {
    const { db, localSource } = freshStorage();
    await db.localClaims.put({ id: 'local-0000000000000000', contractNumber: '' } as never);
    expect(await localSource.all()).toMatchObject({ claims: [], unreadable: 1 });
  });
});
