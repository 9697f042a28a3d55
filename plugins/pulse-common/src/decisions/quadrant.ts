import { DoraTier } from '../dora/types';

/** Where a service sits when delivery speed meets reliability. */
export type SpeedReliabilityQuadrant =
  | 'ship-with-confidence'
  | 'fix-reliability'
  | 'ship-more'
  | 'needs-help'
  | 'unknown';

/** What each quadrant tells a team to do. */
export const SPEED_RELIABILITY_READINGS: Record<SpeedReliabilityQuadrant, string> = {
  'ship-with-confidence': 'Ship with confidence',
  'fix-reliability': 'Slow down and fix reliability',
  'ship-more': 'Spend the spare budget (ship more)',
  'needs-help': 'Needs help',
  unknown: 'Not enough data to place',
};

/** The cut lines between fast and slow, reliable and not. */
export interface SpeedReliabilityRule {
  /** Delivery is fast when deployment frequency and lead time are in these tiers. Default elite and high. */
  fastTiers: DoraTier[];
  /** Reliable when the lowest remaining budget fraction is at least this (the policy's caution line, 0.25). */
  budgetRemainingAtLeast: number;
  /** And the change failure rate is in these tiers. Default elite and high. */
  reliableChangeFailureTiers: DoraTier[];
}

export const DEFAULT_SPEED_RELIABILITY_RULE: SpeedReliabilityRule = {
  fastTiers: ['elite', 'high'],
  budgetRemainingAtLeast: 0.25,
  reliableChangeFailureTiers: ['elite', 'high'],
};

/** What a service is placed by; null where there is too little data. */
export interface SpeedReliabilityInput {
  deploymentFrequencyTier: DoraTier | null;
  leadTimeTier: DoraTier | null;
  /** Lowest remaining budget fraction across the service's objectives. */
  budgetRemaining: number | null;
  changeFailureRateTier: DoraTier | null;
}

/** A service's placement: each axis is judged on the signals it has, and unknown when it has none. */
export interface SpeedReliabilityPlacement {
  quadrant: SpeedReliabilityQuadrant;
  reading: string;
  /** Null when no delivery signal is known. */
  fast: boolean | null;
  /** Null when no reliability signal is known. */
  reliable: boolean | null;
}

/** True when every known signal passes, null when none is known. */
function judged(signals: Array<boolean | null>): boolean | null {
  const known = signals.filter((s): s is boolean => s !== null);
  return known.length === 0 ? null : known.every(Boolean);
}

const inTiers = (tier: DoraTier | null, tiers: DoraTier[]) => (tier === null ? null : tiers.includes(tier));

/** Places a service: fast and reliable ship with confidence, fast and unreliable fix reliability, and so on. */
export function placeOnSpeedReliability(
  input: SpeedReliabilityInput,
  rule: SpeedReliabilityRule = DEFAULT_SPEED_RELIABILITY_RULE,
): SpeedReliabilityPlacement {
  const fast = judged([
    inTiers(input.deploymentFrequencyTier, rule.fastTiers),
    inTiers(input.leadTimeTier, rule.fastTiers),
  ]);
  const reliable = judged([
    input.budgetRemaining === null ? null : input.budgetRemaining >= rule.budgetRemainingAtLeast,
    inTiers(input.changeFailureRateTier, rule.reliableChangeFailureTiers),
  ]);
  let quadrant: SpeedReliabilityQuadrant = 'unknown';
  if (fast !== null && reliable !== null) {
    if (fast) quadrant = reliable ? 'ship-with-confidence' : 'fix-reliability';
    else quadrant = reliable ? 'ship-more' : 'needs-help';
  }
  return { quadrant, reading: SPEED_RELIABILITY_READINGS[quadrant], fast, reliable };
}

/** How many services sit in each quadrant. */
export function countByQuadrant(
  placements: Array<{ quadrant: SpeedReliabilityQuadrant }>,
): Record<SpeedReliabilityQuadrant, number> {
  const counts: Record<SpeedReliabilityQuadrant, number> = {
    'ship-with-confidence': 0,
    'fix-reliability': 0,
    'ship-more': 0,
    'needs-help': 0,
    unknown: 0,
  };
  placements.forEach(p => counts[p.quadrant]++);
  return counts;
}
