import { DoraBucketStats } from './stats';

/**
 * What the change failure rate is a share of. `successful`: successful production deployments, as Apache DevLake and
 * Four Keys count them (a failed attempt that never went live is not a change in production). `all`: every production
 * deployment attempt, with failed attempts counted as change failures too.
 */
export type DoraChangeFailureRateDenominator = 'successful' | 'all';

export const DORA_CHANGE_FAILURE_RATE_DENOMINATORS: readonly DoraChangeFailureRateDenominator[] = ['successful', 'all'];

export const DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR: DoraChangeFailureRateDenominator = 'successful';

/**
 * The change failures of a bucket and the deployments they are a share of. A deployment counts once however many
 * incidents it caused.
 */
export function doraChangeFailures(
  stats: DoraBucketStats,
  denominator: DoraChangeFailureRateDenominator,
): { failures: number; deployments: number } {
  return denominator === 'successful'
    ? { failures: stats.incidentLinked, deployments: stats.successes }
    : { failures: stats.failures + stats.incidentLinked, deployments: stats.deployments };
}

/** The change failure rate in percent; null without deployments to divide by. */
export function doraChangeFailureRate(
  stats: DoraBucketStats,
  denominator: DoraChangeFailureRateDenominator,
): number | null {
  const { failures, deployments } = doraChangeFailures(stats, denominator);
  return deployments === 0 ? null : (failures * 100) / deployments;
}
