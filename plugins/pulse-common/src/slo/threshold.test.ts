import { sloSampleForm, sloThresholdHolds, sloThresholdStatement } from './threshold';
import { SloDefinition } from './types';

describe('sloThresholdHolds', () => {
  it('compares the value with the threshold by the OpenSLO operator, the boundary included only by lte and gte', () => {
    expect([sloThresholdHolds(499, 'lt', 500), sloThresholdHolds(500, 'lt', 500)]).toEqual([true, false]);
    expect([sloThresholdHolds(500, 'lte', 500), sloThresholdHolds(501, 'lte', 500)]).toEqual([true, false]);
    expect([sloThresholdHolds(501, 'gt', 500), sloThresholdHolds(500, 'gt', 500)]).toEqual([true, false]);
    expect([sloThresholdHolds(500, 'gte', 500), sloThresholdHolds(499, 'gte', 500)]).toEqual([true, false]);
  });
});

describe('sloSampleForm', () => {
  const base = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'x' },
    spec: { timeWindow: [{ duration: '28d', isRolling: true }], budgetingMethod: 'Occurrences', objectives: [] },
  } as unknown as SloDefinition;
  const source = { metricSource: { type: 'Prometheus', spec: { query: 'q' } } };

  it('takes values for a threshold indicator and counts for a ratio indicator', () => {
    const threshold = { ...base, spec: { ...base.spec, indicator: { spec: { thresholdMetric: source } } } };
    const ratio = { ...base, spec: { ...base.spec, indicator: { spec: { ratioMetric: { good: source, total: source } } } } };
    expect(sloSampleForm(threshold)).toBe('value');
    expect(sloSampleForm(ratio)).toBe('counts');
  });
});

describe('sloThresholdStatement', () => {
  it('says what is measured, the bound, and the share of slices or samples that must meet it', () => {
    const latency = { indicatorName: 'p99 latency', op: 'lt', value: 500, unit: 'ms', target: 0.99 } as const;
    expect(sloThresholdStatement({ ...latency, budgetingMethod: 'Timeslices', timeSliceWindow: '1m' })).toBe(
      'p99 latency under 500 ms in 99% of minutes',
    );
    expect(sloThresholdStatement({ ...latency, budgetingMethod: 'Timeslices', timeSliceWindow: '5m' })).toBe(
      'p99 latency under 500 ms in 99% of 5-minute slices',
    );
    expect(
      sloThresholdStatement({ ...latency, op: 'gte', unit: undefined, target: 0.999, budgetingMethod: 'Occurrences' }),
    ).toBe('p99 latency at least 500 in 99.9% of samples');
  });
});
