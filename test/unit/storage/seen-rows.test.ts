import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { identityKey } from '../../../lib/claim-identity';
import { RowLinks } from '../../../lib/storage/row-links';
import { SeenRows } from '../../../lib/storage/seen-rows';
import { freshStorage } from '../../support/storage';

describe('SeenRows', () => {
  it('keeps the rows a page showed (as the service worker records them), without the page’s query, with the claim its panel opened', async () => {
    const { db, worker } = freshStorage();
    const seen = new SeenRows(db);
    const opened = { contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357' };
    const other = { vendorName: 'Acme', invoiceNumber: 'A-1', invoiceDate: '2026-03-31' };
    await db.open(); // the pages make the database; the service worker only opens it
    await worker.recordSeenRows([opened, other, { claimId: 'YC-9' }], new URL('https://pf.example.com/recon/7?session=secret#top'));
    await new RowLinks(db).remember(opened, 'YC-1');
    const claims = await seen.all();
    expect(claims.map(({ row, claimId }) => [row.key, claimId])).toEqual(
      expect.arrayContaining([
        [identityKey(opened), 'YC-1'],
        [identityKey(other), undefined],
        [identityKey({ claimId: 'YC-9' }), 'YC-9'],
      ]),
    );
    expect(new Set(claims.map(({ row }) => row.pageUrl))).toEqual(new Set(['https://pf.example.com/recon/7']));
  });

  it('skips a record that no longer reads back', async () => {
    const { db } = freshStorage();
    await db.seenRows.put({ key: 'x', identity: { invoiceNumber: 'A-1' }, pageUrl: 'not a url', seenAt: 'yesterday' } as never);
    expect(await new SeenRows(db).all()).toEqual([]);
  });
});
