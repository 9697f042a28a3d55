import {
  DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR,
  doraChangeFailureRate,
  doraChangeFailures,
  DoraChangeFailureRateDenominator,
} from './changeFailureRate';
import { doraCoverageOf } from './coverage';
import { doraPercentileOf } from './percentile';
import { DoraPeriodStats, DoraWeekStats, DoraWindowStats, emptyDoraBucketStats } from './stats';
import {
  DEFAULT_DORA_TIER_THRESHOLDS,
  doraChangeFailureRateTier,
  doraDeploymentFrequencyTier,
  doraLeadTimeTier,
  doraOverallTier,
  doraRecoveryTimeTier,
  doraTierRank,
  DoraTierThresholds,
} from './tiers';
import { DoraMetrics, DoraScorecard, DoraSummary, DoraWeek, DoraWindow } from './types';
import { DORA_DAY_MS } from './window';

/** Fewer production deployments than this in a window: no tier is given. */
export const DORA_MIN_DEPLOYMENTS_FOR_TIER = 2;

const HOUR_MS = 3_600_000;

const hoursOf = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

/** `part` as a percentage of `whole`; null when there is no whole. */
const percentOf = (part: number, whole: number) => (whole === 0 ? null : (part * 100) / whole);

/** The median deploy days of the counted weeks or months; weeks without a deployment are among them as 0. */
const medianDeployDays = (deployDays: number[]) => doraPercentileOf(deployDays, 0.5) ?? 0;

/** The stats of a window without any event. */
export const emptyDoraPeriodStats = (): DoraPeriodStats => ({
  total: emptyDoraBucketStats(),
  deployDaysPerWeek: [],
  deployDaysPerMonth: [],
  firstEventMs: null,
});

/**
 * The five metrics, the overall tier and the data-sufficiency flag of a window's stats. Rates are taken over the days
 * Pulse has data for (the coverage), so a window longer than the history does not dilute them; the store counts the
 * deploy days of the covered weeks and months only.
 */
export function doraSummaryOf(
  stats: DoraPeriodStats,
  window: { from: number; to: number },
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
  denominator: DoraChangeFailureRateDenominator = DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR,
): DoraSummary {
  const { total } = stats;
  const sufficient = total.deployments >= DORA_MIN_DEPLOYMENTS_FOR_TIER;
  const tierIf = <T>(tier: () => T) => (sufficient ? tier() : null);

  const coverage = doraCoverageOf(window, stats.firstEventMs);
  const days = coverage.coveredDays;
  const perWeek = medianDeployDays(stats.deployDaysPerWeek);
  const perMonth = medianDeployDays(stats.deployDaysPerMonth);
  const leadTimeHours = hoursOf(total.leadTime.median);
  const changeFailureRate = doraChangeFailureRate(total, denominator);
  const recoveryHours = hoursOf(total.recovery.median);

  const metrics: DoraMetrics = {
    deploymentFrequency: {
      value: days > 0 ? total.successes / days : 0,
      unit: 'deployments/day',
      tier: tierIf(() => doraDeploymentFrequencyTier(perWeek, perMonth, thresholds)),
      sampleSize: total.successes,
      deployDaysPerWeekMedian: perWeek,
      deployDaysPerMonthMedian: perMonth,
    },
    leadTimeForChanges: {
      value: leadTimeHours,
      unit: 'hours',
      tier: leadTimeHours === null ? null : tierIf(() => doraLeadTimeTier(leadTimeHours, thresholds)),
      sampleSize: total.leadTime.sampleSize,
      p90: hoursOf(total.leadTime.p90),
      olderThanCap: total.leadTimeOlderThanCap,
    },
    changeFailureRate: {
      value: changeFailureRate,
      unit: 'percent',
      tier:
        changeFailureRate === null ? null : tierIf(() => doraChangeFailureRateTier(changeFailureRate, thresholds)),
      sampleSize: doraChangeFailures(total, denominator).deployments,
    },
    failedDeploymentRecoveryTime: {
      value: recoveryHours,
      unit: 'hours',
      tier: recoveryHours === null ? null : tierIf(() => doraRecoveryTimeTier(recoveryHours, thresholds)),
      sampleSize: total.recovery.sampleSize,
    },
    reworkRate: {
      value: percentOf(total.rework, total.deployments),
      unit: 'percent',
      tier: null,
      sampleSize: total.deployments,
    },
  };

  return {
    coverage,
    tier: sufficient
      ? doraOverallTier([
          metrics.deploymentFrequency.tier,
          metrics.leadTimeForChanges.tier,
          metrics.changeFailureRate.tier,
          metrics.failedDeploymentRecoveryTime.tier,
        ])
      : null,
    insufficientData: !sufficient,
    deployments: total.deployments,
    metrics,
  };
}

/** The weekly trend: the window's calendar weeks, oldest first. */
export function doraWeeklySeries(
  weeks: DoraWeekStats[],
  denominator: DoraChangeFailureRateDenominator = DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR,
): DoraWeek[] {
  return weeks.map(({ period, stats }) => ({
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
    deployments: stats.successes,
    deploymentsPerDay: period.days > 0 ? stats.successes / period.days : 0,
    leadTimeHours: hoursOf(stats.leadTime.median),
    changeFailureRate: doraChangeFailureRate(stats, denominator),
    recoveryTimeHours: hoursOf(stats.recovery.median),
    reworkRate: percentOf(stats.rework, stats.deployments),
  }));
}

/** The window as the API describes it. */
export function doraWindowDescription(window: { from: number; to: number }): DoraWindow {
  return {
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    days: (window.to - window.from) / DORA_DAY_MS,
  };
}

/** The full scorecard of a window: summary, window and weekly trend. */
export function doraScorecardOf(
  stats: DoraWindowStats,
  window: { from: number; to: number },
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
  denominator: DoraChangeFailureRateDenominator = DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR,
): DoraScorecard {
  return {
    ...doraSummaryOf(stats, window, thresholds, denominator),
    window: doraWindowDescription(window),
    weekly: doraWeeklySeries(stats.weeks, denominator),
  };
}

/** Orders summaries best first: by overall tier (no tier last), then by deployment frequency. */
export function compareDoraSummaries(a: DoraSummary, b: DoraSummary): number {
  return (
    doraTierRank(a.tier) - doraTierRank(b.tier) ||
    (b.metrics.deploymentFrequency.value ?? 0) - (a.metrics.deploymentFrequency.value ?? 0)
  );
}
