import {
  DEFAULT_DORA_TIER_THRESHOLDS,
  doraChangeFailureRateTier,
  doraDeploymentFrequencyTier,
  doraLeadTimeTier,
  doraOverallTier,
  doraRecoveryTimeTier,
  doraTierRank,
} from './tiers';

describe('doraDeploymentFrequencyTier', () => {
  it.each([
    [7, 30, 'elite'],
    [5, 20, 'elite'],
    [4.5, 20, 'high'],
    [1, 4, 'high'],
    [0.5, 2, 'medium'],
    [0, 1, 'medium'],
    [0, 0.5, 'low'],
    [0, 0, 'low'],
  ])('%p days/week, %p days/month -> %p', (week, month, tier) => {
    expect(doraDeploymentFrequencyTier(week, month)).toBe(tier);
  });

  it('uses configured thresholds', () => {
    const thresholds = {
      ...DEFAULT_DORA_TIER_THRESHOLDS,
      deploymentFrequency: { eliteDeployDaysPerWeek: 3, highDeployDaysPerWeek: 2, mediumDeployDaysPerMonth: 4 },
    };
    expect(doraDeploymentFrequencyTier(3, 12, thresholds)).toBe('elite');
    expect(doraDeploymentFrequencyTier(1, 4, thresholds)).toBe('medium');
    expect(doraDeploymentFrequencyTier(1, 3, thresholds)).toBe('low');
  });
});

describe('doraLeadTimeTier', () => {
  it.each([
    [0.5, 'elite'],
    [23.99, 'elite'],
    [24, 'high'],
    [167.9, 'high'],
    [168, 'medium'],
    [719, 'medium'],
    [720, 'low'],
    [5000, 'low'],
  ])('%p hours -> %p', (hours, tier) => {
    expect(doraLeadTimeTier(hours)).toBe(tier);
  });
});

describe('doraChangeFailureRateTier', () => {
  it.each([
    [0, 'elite'],
    [5, 'elite'],
    [5.01, 'high'],
    [10, 'high'],
    [15, 'medium'],
    [15.1, 'low'],
    [100, 'low'],
  ])('%p%% -> %p', (percent, tier) => {
    expect(doraChangeFailureRateTier(percent)).toBe(tier);
  });
});

describe('doraRecoveryTimeTier', () => {
  it.each([
    [0.25, 'elite'],
    [1, 'high'],
    [23.9, 'high'],
    [24, 'medium'],
    [167, 'medium'],
    [168, 'low'],
  ])('%p hours -> %p', (hours, tier) => {
    expect(doraRecoveryTimeTier(hours)).toBe(tier);
  });
});

describe('doraOverallTier', () => {
  it('takes the median tier, the worse middle one for an even count', () => {
    expect(doraOverallTier(['elite', 'elite', 'high', 'low'])).toBe('high');
    expect(doraOverallTier(['elite', 'high', 'medium', 'low'])).toBe('medium');
    expect(doraOverallTier(['low', 'elite', 'elite'])).toBe('elite');
    expect(doraOverallTier(['elite', 'low'])).toBe('low');
  });

  it('ignores metrics without a tier and is null when none has one', () => {
    expect(doraOverallTier(['high', null, null, 'high'])).toBe('high');
    expect(doraOverallTier([null, null])).toBeNull();
  });
});

describe('doraTierRank', () => {
  it('orders elite first and no tier last', () => {
    expect([doraTierRank('elite'), doraTierRank('low'), doraTierRank(null)]).toEqual([0, 3, 4]);
  });
});
