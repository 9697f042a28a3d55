import { DORA_TIERS, DoraTier } from './types';

/**
 * Tier thresholds, by default DevLake's coding of the 2023 State of DevOps report. Time thresholds are exclusive upper
 * bounds ("less than a day"); change failure rate thresholds are inclusive ("at most 5%").
 */
export interface DoraTierThresholds {
  deploymentFrequency: {
    /** Elite: median deploy days per week at least this. */
    eliteDeployDaysPerWeek: number;
    /** High: median deploy days per week at least this. */
    highDeployDaysPerWeek: number;
    /** Medium: median deploy days per month at least this. */
    mediumDeployDaysPerMonth: number;
  };
  leadTimeHours: { elite: number; high: number; medium: number };
  changeFailureRatePercent: { elite: number; high: number; medium: number };
  recoveryTimeHours: { elite: number; high: number; medium: number };
}

export const DEFAULT_DORA_TIER_THRESHOLDS: DoraTierThresholds = {
  deploymentFrequency: { eliteDeployDaysPerWeek: 5, highDeployDaysPerWeek: 1, mediumDeployDaysPerMonth: 1 },
  leadTimeHours: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRatePercent: { elite: 5, high: 10, medium: 15 },
  recoveryTimeHours: { elite: 1, high: 24, medium: 24 * 7 },
};

/** Tier of a value where lower is better and each bound is exclusive. */
function tierBelow(value: number, bounds: { elite: number; high: number; medium: number }): DoraTier {
  if (value < bounds.elite) return 'elite';
  if (value < bounds.high) return 'high';
  if (value < bounds.medium) return 'medium';
  return 'low';
}

export function doraDeploymentFrequencyTier(
  deployDaysPerWeekMedian: number,
  deployDaysPerMonthMedian: number,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTier {
  const t = thresholds.deploymentFrequency;
  if (deployDaysPerWeekMedian >= t.eliteDeployDaysPerWeek) return 'elite';
  if (deployDaysPerWeekMedian >= t.highDeployDaysPerWeek) return 'high';
  if (deployDaysPerMonthMedian >= t.mediumDeployDaysPerMonth) return 'medium';
  return 'low';
}

export function doraLeadTimeTier(
  hours: number,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTier {
  return tierBelow(hours, thresholds.leadTimeHours);
}

export function doraChangeFailureRateTier(
  percent: number,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTier {
  const t = thresholds.changeFailureRatePercent;
  if (percent <= t.elite) return 'elite';
  if (percent <= t.high) return 'high';
  if (percent <= t.medium) return 'medium';
  return 'low';
}

export function doraRecoveryTimeTier(
  hours: number,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTier {
  return tierBelow(hours, thresholds.recoveryTimeHours);
}

/** 0 for elite up to 3 for low; null (no tier) sorts after low. */
export function doraTierRank(tier: DoraTier | null): number {
  return tier === null ? DORA_TIERS.length : DORA_TIERS.indexOf(tier);
}

/**
 * The overall tier: the median of the metric tiers that have one, taking the worse of the two middle tiers when their
 * number is even (so one elite metric cannot lift a team over its weaker half). Null when no metric has a tier.
 */
export function doraOverallTier(tiers: Array<DoraTier | null>): DoraTier | null {
  const ranks = tiers
    .filter((t): t is DoraTier => t !== null)
    .map(doraTierRank)
    .sort((a, b) => a - b);
  if (ranks.length === 0) return null;
  return DORA_TIERS[ranks[Math.floor(ranks.length / 2)]];
}
