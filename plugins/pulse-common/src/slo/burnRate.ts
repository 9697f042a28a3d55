import { SliCounts, errorBudgetFraction, tidySloNumber } from './budget';

/** The lookbacks burn rates are reported for, in milliseconds. */
export const SLO_BURN_RATE_LOOKBACKS = {
  '5m': 5 * 60_000,
  '30m': 30 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '1d': 86_400_000,
  '3d': 3 * 86_400_000,
} as const;

/** One of the burn-rate lookbacks. */
export type SloBurnRateLookback = keyof typeof SLO_BURN_RATE_LOOKBACKS;

/** Burn rate per lookback; null where the lookback holds no data. */
export type SloBurnRates = Record<SloBurnRateLookback, number | null>;

/** Alert severities, most urgent first. */
export type SloAlertSeverity = 'page' | 'ticket' | 'none';

/** One row of the SRE Workbook's multi-window, multi-burn-rate table. */
export interface SloAlertRule {
  severity: 'page' | 'ticket';
  /** Share of the whole budget the alert is about, e.g. 0.02 spent within the long window. */
  budgetSpent: number;
  longWindow: SloBurnRateLookback;
  shortWindow: SloBurnRateLookback;
}

/** The Workbook table: for a 30-day window these are the 14.4, 6 and 1 burn-rate thresholds. */
export const SLO_MULTIWINDOW_ALERT_RULES: readonly SloAlertRule[] = [
  { severity: 'page', budgetSpent: 0.02, longWindow: '1h', shortWindow: '5m' },
  { severity: 'page', budgetSpent: 0.05, longWindow: '6h', shortWindow: '30m' },
  { severity: 'ticket', budgetSpent: 0.1, longWindow: '3d', shortWindow: '6h' },
];

/** A rule of the table evaluated for one objective. */
export interface SloAlertRuleState extends SloAlertRule {
  threshold: number;
  firing: boolean;
}

/** The alert state of an objective and how each rule of the table came out. */
export interface SloAlertEvaluation {
  alert: SloAlertSeverity;
  rules: SloAlertRuleState[];
}

/** Burn rate = error ratio over the lookback / (1 - target); null without data in the lookback. */
export function sloBurnRate(counts: SliCounts, target: number): number | null {
  if (counts.total <= 0) return null;
  const errorRatio = (counts.total - counts.good) / counts.total;
  return tidySloNumber(errorRatio / errorBudgetFraction(target));
}

/** A rule's threshold scaled to the SLO's window: budget spent x window / long window (2% x 720h / 1h = 14.4). */
export function sloAlertThreshold(rule: SloAlertRule, windowLengthMs: number): number {
  return tidySloNumber((rule.budgetSpent * windowLengthMs) / SLO_BURN_RATE_LOOKBACKS[rule.longWindow]);
}

/** A rule fires while the burn rate over both its long and its short window exceeds the threshold. */
export function sloAlertEvaluation(burnRates: SloBurnRates, windowLengthMs: number): SloAlertEvaluation {
  const rules = SLO_MULTIWINDOW_ALERT_RULES.map(rule => {
    const threshold = sloAlertThreshold(rule, windowLengthMs);
    const exceeds = (rate: number | null) => rate !== null && rate > threshold;
    return { ...rule, threshold, firing: exceeds(burnRates[rule.longWindow]) && exceeds(burnRates[rule.shortWindow]) };
  });
  const firing = (severity: SloAlertRule['severity']) =>
    rules.some(rule => rule.firing && rule.severity === severity);
  let alert: SloAlertSeverity = 'none';
  if (firing('page')) alert = 'page';
  else if (firing('ticket')) alert = 'ticket';
  return { alert, rules };
}
