import { countByQuadrant, placeOnSpeedReliability } from './quadrant';

describe('placeOnSpeedReliability', () => {
  it('places the four corners', () => {
    const fast = { deploymentFrequencyTier: 'elite', leadTimeTier: 'high' } as const;
    const slow = { deploymentFrequencyTier: 'medium', leadTimeTier: 'high' } as const;
    const reliable = { budgetRemaining: 0.6, changeFailureRateTier: 'elite' } as const;
    const unreliable = { budgetRemaining: 0.1, changeFailureRateTier: 'elite' } as const;
    expect(placeOnSpeedReliability({ ...fast, ...reliable })).toEqual({
      quadrant: 'ship-with-confidence',
      reading: 'Ship with confidence',
      fast: true,
      reliable: true,
    });
    expect(placeOnSpeedReliability({ ...fast, ...unreliable }).reading).toBe('Slow down and fix reliability');
    expect(placeOnSpeedReliability({ ...slow, ...reliable }).reading).toBe('Spend the spare budget (ship more)');
    expect(placeOnSpeedReliability({ ...slow, ...unreliable }).quadrant).toBe('needs-help');
  });

  it('counts a failure rate outside the reliable tiers against reliability even with budget left', () => {
    expect(
      placeOnSpeedReliability({
        deploymentFrequencyTier: 'elite',
        leadTimeTier: 'elite',
        budgetRemaining: 0.9,
        changeFailureRateTier: 'medium',
      }).quadrant,
    ).toBe('fix-reliability');
  });

  it('judges each axis on the signals it has; the budget line is inclusive', () => {
    expect(
      placeOnSpeedReliability({
        deploymentFrequencyTier: 'high',
        leadTimeTier: null,
        budgetRemaining: 0.25,
        changeFailureRateTier: null,
      }).quadrant,
    ).toBe('ship-with-confidence');
  });

  it('is unknown when an axis has no signal at all', () => {
    expect(
      placeOnSpeedReliability({
        deploymentFrequencyTier: null,
        leadTimeTier: null,
        budgetRemaining: 0.9,
        changeFailureRateTier: 'elite',
      }),
    ).toEqual({ quadrant: 'unknown', reading: 'Not enough data to place', fast: null, reliable: true });
  });

  it('follows a custom rule', () => {
    const rule = { fastTiers: ['elite' as const], budgetRemainingAtLeast: 0.5, reliableChangeFailureTiers: ['elite' as const] };
    expect(
      placeOnSpeedReliability(
        { deploymentFrequencyTier: 'high', leadTimeTier: 'elite', budgetRemaining: 0.6, changeFailureRateTier: 'elite' },
        rule,
      ).quadrant,
    ).toBe('ship-more');
  });
});

describe('countByQuadrant', () => {
  it('counts every quadrant, zero included', () => {
    expect(countByQuadrant([{ quadrant: 'ship-more' }, { quadrant: 'ship-more' }, { quadrant: 'unknown' }])).toEqual({
      'ship-with-confidence': 0,
      'fix-reliability': 0,
      'ship-more': 2,
      'needs-help': 0,
      unknown: 1,
    });
  });
});
