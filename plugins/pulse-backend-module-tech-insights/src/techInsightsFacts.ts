import { PulseEntityFacts } from '@pulse/plugin-pulse-common';

/** The Tech Insights name of each Pulse fact: `pulse` and the fact, so checks read `pulseDoraTier` and so on. */
const FACT_NAMES = {
  hasSlo: 'pulseHasSlo',
  errorBudgetRemaining: 'pulseErrorBudgetRemaining',
  releaseGate: 'pulseReleaseGate',
  doraTier: 'pulseDoraTier',
  deploymentsPerWeek: 'pulseDeploymentsPerWeek',
  leadTimeHours: 'pulseLeadTimeHours',
  changeFailureRate: 'pulseChangeFailureRate',
  surveySatisfaction: 'pulseSurveySatisfaction',
} as const satisfies Partial<Record<keyof PulseEntityFacts, string>>;

type FactName = (typeof FACT_NAMES)[keyof typeof FACT_NAMES];

/**
 * Pulse's facts under their Tech Insights names. A fact Pulse cannot state (null: no data, or survey results the
 * anonymity rules hide) is left out, so a check on it fails instead of reading a made-up 0.
 */
export function techInsightsFactsOf(facts: PulseEntityFacts): Partial<Record<FactName, string | number | boolean>> {
  const out: Partial<Record<FactName, string | number | boolean>> = {};
  for (const [key, name] of Object.entries(FACT_NAMES) as Array<[keyof typeof FACT_NAMES, FactName]>) {
    const value = facts[key];
    if (value !== null) out[name] = value;
  }
  return out;
}
