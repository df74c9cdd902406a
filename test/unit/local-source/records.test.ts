import { describe, expect, it } from 'vitest';
import { ITEM_NUMBER_LENGTH, LocalClaimSchema, LocalSovSchema, localClaim, localClaimId, localHostClaim, localHostSov, localSov, sovLineItem } from '../../../lib/local-source/records';
import { isLocalClaimId } from '../../../lib/local-source/claim-id';
import { HostClaimSchema, SovSchema } from '../../../lib/schemas';
import { importSovCsv } from '../../../lib/import';
import { IMPORTED } from '../../support/local-source';


const AT = '2026-11-30T10:00:00.000Z';

describe('the local source records', () => {
  it('names a claim by contract, vendor and invoice as matchKey compares them, never like a host id', () => {
    const id = localClaimId(IMPORTED);
    expect(isLocalClaimId(id)).toBe(true);
    expect(isLocalClaimId('YC-1002')).toBe(false);
    expect(localClaimId({ ...IMPORTED, contractNumber: 'sc 1042', vendorName: 'GRANITE  RIDGE concrete', invoiceNumber: 'inv7' })).toBe(id);
    expect(localClaimId({ ...IMPORTED, vendorName: 'Other Vendor' })).not.toBe(id);
    expect(localClaimId({ ...IMPORTED, invoiceNumber: 'INV-8' })).not.toBe(id);
  });

  it('keeps what the file says and reads back through its schema', () => {
    const record = localClaim(IMPORTED, 'payments.csv', AT);
    expect(LocalClaimSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ contractKey: 'SC1042', invoiceKey: 'INV7', fileName: 'payments.csv' });
    const sov = localSov(' SC-1042 ', [{ number: '007', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '0.00' }], 'g703.csv', AT);
    expect(LocalSovSchema.parse(sov)).toEqual(sov);
    expect(sov.contractNumber).toBe('SC-1042');
  });

  it('shows an imported claim and SOV as the allocation view reads a host’s, items kept as written', () => {
    const claim = localHostClaim(localClaim(IMPORTED, 'payments.csv', AT), false);
    expect(HostClaimSchema.parse(claim)).toMatchObject({ contractId: 'SC-1042', status: 'Unlinked', backfilled: false, lines: [{ categoryCode: '03-300', amount: '1000.00' }, { categoryCode: '09-900', amount: '500.00' }] });
    expect(localHostClaim(localClaim(IMPORTED, 'payments.csv', AT), true)).toMatchObject({ status: 'Finished', backfilled: true });

    const lines = [
      { number: '007', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '0.00' },
      { number: '3.1', description: 'Painting', categoryCode: null, scheduledValue: '600.00', claimedToDate: '0.00' },
    ];
    const sov = SovSchema.parse(localHostSov(localSov('SC-1042', lines, 'g703.csv', AT)));
    expect(sov.lines.map((line) => [line.id, line.lineNumber, sovLineItem(line)])).toEqual([
      ['item:007', 7, '007'],
      ['item:3.1', 2, '3.1'], // not a whole number: its place in the file
    ]);
    expect(sovLineItem({ id: 'L-99', lineNumber: 4 })).toBe('4');
  });

  it('stores every SOV line the importer takes: an item number longer than a line id can hold is refused at import', () => {
    const header = 'Item,Description,Cost Code,Scheduled Value,Total Completed and Stored';
    const result = importSovCsv([header, `${'7'.repeat(ITEM_NUMBER_LENGTH)},Footings,03-300,10.00,0.00`, `${'8'.repeat(ITEM_NUMBER_LENGTH + 1)},Slabs,03-300,10.00,0.00`].join('\n'));
    if (!result.ok) throw new Error(result.error);
    expect(result.refused).toEqual([{ row: 3, reason: expect.stringContaining('item number') }]);
    const sov = localSov('SC-1042', result.lines, 'g703.csv', AT);
    expect(LocalSovSchema.safeParse(sov).success).toBe(true);
    expect(SovSchema.safeParse(localHostSov(sov)).success).toBe(true);
  });
});
