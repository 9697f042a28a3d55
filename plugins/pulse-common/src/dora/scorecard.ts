import { DoraBucketStats, DoraPeriodStats, DoraWindowStats, emptyDoraBucketStats } from './stats';
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
import {
  DORA_DAY_MS,
  DORA_MONTH_MS,
  DORA_WEEK_MS,
  doraMedianDeployDays,
  doraPeriodBounds,
  doraPeriodCount,
} from './window';

/** Fewer production deployments than this in a window: no tier is given. */
export const DORA_MIN_DEPLOYMENTS_FOR_TIER = 2;

const HOUR_MS = 3_600_000;

const hoursOf = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

/** `part` as a percentage of `whole`; null when there is no whole. */
const percentOf = (part: number, whole: number) => (whole === 0 ? null : (part * 100) / whole);

/** Failed deployments plus successful ones that caused an incident. */
const failedInProduction = (stats: DoraBucketStats) => stats.failures + stats.incidentLinked;

/** The stats of a window without any event. */
export const emptyDoraPeriodStats = (): DoraPeriodStats => ({
  total: emptyDoraBucketStats(),
  deployDaysPerWeek: [],
  deployDaysPerMonth: [],
});

/** The five metrics, the overall tier and the data-sufficiency flag of a window's stats. */
export function doraSummaryOf(
  stats: DoraPeriodStats,
  window: { from: number; to: number },
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraSummary {
  const { total } = stats;
  const sufficient = total.deployments >= DORA_MIN_DEPLOYMENTS_FOR_TIER;
  const tierIf = <T>(tier: () => T) => (sufficient ? tier() : null);

  const days = (window.to - window.from) / DORA_DAY_MS;
  const perWeek = doraMedianDeployDays(stats.deployDaysPerWeek, doraPeriodCount(window.from, window.to, DORA_WEEK_MS));
  const perMonth = doraMedianDeployDays(
    stats.deployDaysPerMonth,
    doraPeriodCount(window.from, window.to, DORA_MONTH_MS),
  );
  const leadTimeHours = hoursOf(total.leadTime.median);
  const changeFailureRate = percentOf(failedInProduction(total), total.deployments);
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
    },
    changeFailureRate: {
      value: changeFailureRate,
      unit: 'percent',
      tier:
        changeFailureRate === null ? null : tierIf(() => doraChangeFailureRateTier(changeFailureRate, thresholds)),
      sampleSize: total.deployments,
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

/** The weekly trend, oldest week first. */
export function doraWeeklySeries(
  weeks: DoraBucketStats[],
  window: { from: number; to: number },
): DoraWeek[] {
  const { count } = doraPeriodCount(window.from, window.to, DORA_WEEK_MS);
  const series: DoraWeek[] = [];
  for (let index = count - 1; index >= 0; index--) {
    const { start, end } = doraPeriodBounds(window.from, window.to, DORA_WEEK_MS, index);
    const week = weeks[index];
    const deployments = week?.deployments ?? 0;
    series.push({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      deployments: week?.successes ?? 0,
      deploymentsPerDay: (week?.successes ?? 0) / ((end - start) / DORA_DAY_MS),
      leadTimeHours: hoursOf(week?.leadTime.median ?? null),
      changeFailureRate: week ? percentOf(failedInProduction(week), deployments) : null,
      recoveryTimeHours: hoursOf(week?.recovery.median ?? null),
      reworkRate: week ? percentOf(week.rework, deployments) : null,
    });
  }
  return series;
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
): DoraScorecard {
  return {
    ...doraSummaryOf(stats, window, thresholds),
    window: doraWindowDescription(window),
    weekly: doraWeeklySeries(stats.weeks, window),
  };
}

/** Orders summaries best first: by overall tier (no tier last), then by deployment frequency. */
export function compareDoraSummaries(a: DoraSummary, b: DoraSummary): number {
  return (
    doraTierRank(a.tier) - doraTierRank(b.tier) ||
    (b.metrics.deploymentFrequency.value ?? 0) - (a.metrics.deploymentFrequency.value ?? 0)
  );
}
