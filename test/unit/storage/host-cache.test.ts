import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { HostClaim } from '../../../lib/schemas';
import { makeClaim, makeSov } from '../../support/fixtures';
import { freshStorage } from '../../support/storage';

const claim: HostClaim = { ...makeClaim(), status: 'Unlinked', backfilled: false };

describe('HostCache', () => {
  it('reads back the claim and its SOV as last read from the host, with when', async () => {
    const { hostCache } = freshStorage();
    expect(await hostCache.read('YC-1')).toBeUndefined();
    await hostCache.write(claim, makeSov());
    expect(await hostCache.read('YC-1')).toEqual({ claim, sov: makeSov(), fetchedAt: expect.any(String) });
  });

  it('has nothing when the cached claim or its SOV does not read back', async () => {
    const { db, hostCache } = freshStorage();
    await hostCache.write(claim, makeSov());
    await db.sovs.put({ contractId: 'C-1', sov: { contractId: 'C-1' } as never, fetchedAt: '2026-11-25T10:00:00.000Z' });
    expect(await hostCache.read('YC-1')).toBeUndefined();
  });
});
