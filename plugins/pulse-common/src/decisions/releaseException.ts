/** Where a one-release exception stands: usable, used up by a gate check, or lapsed unused. */
export type ReleaseExceptionStatus = 'active' | 'used' | 'expired';

/** Longest a one-release exception may be granted for. */
export const MAX_RELEASE_EXCEPTION_DAYS = 30;

/** A one-release exception as the gate applies it; `expiresAt` in epoch ms. */
export interface ReleaseExceptionGrant {
  id: number;
  grantedBy: string;
  reason: string;
  expiresAt: number;
}

/** The status of a grant at `nowMs`, from its instants alone: nothing is written when it expires. */
export function releaseExceptionStatus(
  grant: { usedAt: number | null; expiresAt: number },
  nowMs: number,
): ReleaseExceptionStatus {
  if (grant.usedAt !== null) return 'used';
  return nowMs < grant.expiresAt ? 'active' : 'expired';
}

/**
 * The reason line of a release a grant lets through. A check uses the grant up; a preview (a GET) only says that a
 * check would.
 */
export function releaseExceptionReason(grant: ReleaseExceptionGrant, mode: 'check' | 'preview'): string {
  const by = `the one-release exception granted by ${grant.grantedBy}: ${grant.reason}`;
  return mode === 'check'
    ? `Error-budget freeze, released under ${by}`
    : `Error-budget freeze: a gate check now would be released under ${by} (the check uses it up)`;
}
