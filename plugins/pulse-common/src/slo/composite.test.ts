import { SloBurnRates } from './burnRate';
import { SloCompositePart, evaluateSloComposite, sloObjectiveKey } from './composite';
import { SloDataReport } from './dataQuality';
import { SloDefinition } from './types';

const DAY = 86_400_000;

const data = (overrides: Partial<SloDataReport> = {}): SloDataReport => ({
  samples: 10,
  firstSampleAt: '2026-11-28T12:00:00.000Z',
  lastSampleAt: '2026-11-29T11:55:00.000Z',
  coveredSeconds: 86_400,
  newestSampleAgeSeconds: 300,
  issues: [],
  ...overrides,
});

const rates = (r: number | null): SloBurnRates => ({ '5m': r, '30m': r, '1h': r, '6h': r, '1d': r, '3d': r });

const part = (overrides: Partial<SloCompositePart>): SloCompositePart => ({
  displayName: 'x',
  weight: 1,
  remainingFraction: 1,
  burnRates: rates(0),
  data: data(),
  history: [],
  ...overrides,
});

describe('evaluateSloComposite', () => {
  it("follows the specification's RatioTimeslices example: two objectives at 95% make a composite at 90%", () => {
    // Target 0.9 for both: a mean slice ratio of 0.95 spends 0.05 / 0.1 = half of each budget (remaining 0.5).
    // Composite: 1 - (1 x 0.5 + 1 x 0.5) = 0: the 10% missing of a 90% composite, its whole budget.
    const composite = evaluateSloComposite({
      windowLengthMs: 30 * DAY,
      parts: [part({ remainingFraction: 0.5 }), part({ remainingFraction: 0.5 })],
    });
    expect(composite.remainingFraction).toBe(0);
    expect(composite.met).toBe(true);
  });

  it('multiplies each objective burn by its weight and leaves out objectives without data', () => {
    // 1 x (1 - 0.9) + 3 x (1 - 0.8) = 0.1 + 0.6 = 0.7 consumed: 0.3 left. The third objective has no data.
    // Burn rates: 1 x 2 + 3 x 1 = 5 (the null one adds nothing). 30-day window: page threshold 14.4, 6h 6, 3d 1:
    // 5 fires only the ticket pair. Time to exhaustion 0.3 x 30 days / 5 = 155,520 s.
    const composite = evaluateSloComposite({
      windowLengthMs: 30 * DAY,
      parts: [
        part({ remainingFraction: 0.9, burnRates: rates(2) }),
        part({ weight: 3, remainingFraction: 0.8, burnRates: rates(1) }),
        part({ remainingFraction: null, burnRates: rates(null), data: data({ samples: 0, issues: ['no data'] }) }),
      ],
    });
    expect(composite.remainingFraction).toBe(0.3);
    expect(composite.burnRates['1h']).toBe(5);
    expect(composite.alert).toBe('ticket');
    expect(composite.timeToExhaustion).toBe(155_520);
    // One objective without data makes the composite's numbers incomplete: INSUFFICIENT_DATA, issue listed.
    expect(composite.data.issues).toEqual(['no data']);
    expect(composite.status).toBe('INSUFFICIENT_DATA');
    expect(composite.objectives.map(o => o.weightedConsumedFraction)).toEqual([0.1, 0.6, null]);
  });

  it('is null without any objective with data', () => {
    const none = part({ remainingFraction: null, burnRates: rates(null), data: data({ samples: 0, issues: ['no data'] }) });
    const composite = evaluateSloComposite({ windowLengthMs: DAY, parts: [none, none] });
    expect(composite.remainingFraction).toBeNull();
    expect(composite.burnRates['1h']).toBeNull();
    expect(composite.status).toBe('INSUFFICIENT_DATA');
  });
});

describe('sloObjectiveKey', () => {
  it('is the displayName, else objective-<index>, in a composite SLO; the shared empty key otherwise', () => {
    const indicator = { spec: { ratioMetric: {} } };
    const definition = (objectives: SloDefinition['spec']['objectives']): SloDefinition => ({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'journey' },
      spec: { timeWindow: [{ duration: '1d', isRolling: true }], budgetingMethod: 'Occurrences', objectives },
    });
    const composite = definition([{ displayName: 'Pay', target: 0.9, indicator }, { target: 0.9, indicator }]);
    expect([0, 1].map(i => sloObjectiveKey(composite, i))).toEqual(['Pay', 'objective-1']);
    expect(sloObjectiveKey(definition([{ displayName: 'Pay', target: 0.9 }]), 0)).toBe('');
  });
});
