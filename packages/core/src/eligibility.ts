/** A grant as the pure eligibility functions need it. */
export interface GrantPeriod {
  /** The group granted. */
  readonly groupId: string;
  /** Start of validity (inclusive). */
  readonly validFrom: Date;
  /** End of validity (exclusive); null for no end. */
  readonly validUntil: Date | null;
  /** When staff revoked it; it stops counting from that instant. */
  readonly revokedAt: Date | null;
}

/** True when the grant counts at instant `at`: started, not yet ended, not revoked. */
export function grantActiveAt(grant: GrantPeriod, at: Date): boolean {
  const t = at.getTime();
  if (grant.validFrom.getTime() > t) return false;
  if (grant.validUntil !== null && grant.validUntil.getTime() <= t) return false;
  if (grant.revokedAt !== null && grant.revokedAt.getTime() <= t) return false;
  return true;
}

/**
 * The groups a resident is in at instant `at`, from their grants: sorted, without
 * duplicates. A grant that expired yesterday does not count today.
 */
export function activeGroups(grants: readonly GrantPeriod[], at: Date): string[] {
  const groups = new Set<string>();
  for (const grant of grants) if (grantActiveAt(grant, at)) groups.add(grant.groupId);
  return [...groups].sort();
}
