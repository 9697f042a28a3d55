import { formatDurationHours } from '../format/durationText';
import { DEFAULT_DORA_TIER_THRESHOLDS, DoraTierThresholds } from './tiers';
import { DoraMetrics, DoraTier } from './types';

/** The four metrics DORA publishes tiers for (rework rate has none). */
export type DoraTieredMetricKey = 'deploymentFrequency' | 'leadTimeForChanges' | 'changeFailureRate' | 'failedDeploymentRecoveryTime';

/** What a tier takes, in words. */
export interface DoraTierRule {
  tier: DoraTier;
  rule: string;
}

/** Why a metric has its tier: the value it is judged on, and each tier's rule, best first. */
export interface DoraTierExplanation {
  metric: string;
  value: string;
  rules: DoraTierRule[];
}

const METRIC_NAMES: Record<DoraTieredMetricKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTimeForChanges: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  failedDeploymentRecoveryTime: 'Failed deployment recovery time',
};

/** Rules for a lower-is-better duration whose bounds are exclusive ("under a day"). */
const durationRules = (b: { elite: number; high: number; medium: number }): DoraTierRule[] => [
  { tier: 'elite', rule: `under ${formatDurationHours(b.elite)}` },
  { tier: 'high', rule: `under ${formatDurationHours(b.high)}` },
  { tier: 'medium', rule: `under ${formatDurationHours(b.medium)}` },
  { tier: 'low', rule: `${formatDurationHours(b.medium)} or more` },
];

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Each tier's rule for a metric under the given thresholds, best tier first. */
export function doraTierRules(
  key: DoraTieredMetricKey,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTierRule[] {
  switch (key) {
    case 'deploymentFrequency': {
      const t = thresholds.deploymentFrequency;
      return [
        { tier: 'elite', rule: `deploys on at least ${days(t.eliteDeployDaysPerWeek)} a week (median week)` },
        { tier: 'high', rule: `deploys on at least ${days(t.highDeployDaysPerWeek)} a week (median week)` },
        { tier: 'medium', rule: `deploys on at least ${days(t.mediumDeployDaysPerMonth)} a month (median month)` },
        { tier: 'low', rule: `deploys on fewer than ${days(t.mediumDeployDaysPerMonth)} a month` },
      ];
    }
    case 'leadTimeForChanges':
      return durationRules(thresholds.leadTimeHours);
    case 'failedDeploymentRecoveryTime':
      return durationRules(thresholds.recoveryTimeHours);
    default: {
      const t = thresholds.changeFailureRatePercent;
      return [
        { tier: 'elite', rule: `at most ${t.elite}%` },
        { tier: 'high', rule: `at most ${t.high}%` },
        { tier: 'medium', rule: `at most ${t.medium}%` },
        { tier: 'low', rule: `over ${t.medium}%` },
      ];
    }
  }
}

/** The value a metric's tier is judged on, in the words of its rules. */
function judgedValue(key: DoraTieredMetricKey, metrics: DoraMetrics): string {
  if (key === 'deploymentFrequency') {
    const f = metrics.deploymentFrequency;
    return `${f.deployDaysPerWeekMedian} deploy days a week, ${f.deployDaysPerMonthMedian} a month (medians)`;
  }
  const value = metrics[key].value;
  if (value === null) return 'no value in this window';
  return key === 'changeFailureRate' ? `${value.toFixed(1)}%` : formatDurationHours(value);
}

/** Why a metric has its tier: its judged value and the rules of every tier. */
export function doraTierExplanation(
  key: DoraTieredMetricKey,
  metrics: DoraMetrics,
  thresholds: DoraTierThresholds = DEFAULT_DORA_TIER_THRESHOLDS,
): DoraTierExplanation {
  return { metric: METRIC_NAMES[key], value: judgedValue(key, metrics), rules: doraTierRules(key, thresholds) };
}

/** How the overall tier is made from the metric tiers (see doraOverallTier). */
export const DORA_OVERALL_TIER_RULE =
  'The overall tier is the median of the metric tiers; with an even number of tiers, the worse of the two middle ones.';
