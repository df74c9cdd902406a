/** Local claim ids start so: a claim id the host gives never does, so the two never meet. */
export const LOCAL_CLAIM_PREFIX = 'local-';

/** A claim of the local source (imported from the user's files), not one a host gave. */
export function isLocalClaimId(claimId: string): boolean {
  return claimId.startsWith(LOCAL_CLAIM_PREFIX);
}
