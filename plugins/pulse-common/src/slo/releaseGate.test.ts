import { SloDataReport } from './dataQuality';
import { DEFAULT_SLO_RELEASE_GATE_POLICY, SloGateObjectiveInput, decideSloReleaseGate } from './releaseGate';

/** The data report of an objective with these issues; 3 hours covered, newest sample 7 hours old. */
const data = (...issues: SloDataReport['issues']): SloDataReport => ({
  samples: 10,
  firstSampleAt: '2026-11-29T09:00:00.000Z',
  lastSampleAt: '2026-11-29T05:00:00.000Z',
  coveredSeconds: 10_800,
  newestSampleAgeSeconds: 25_200,
  issues,
});

const objective = (overrides: Partial<SloGateObjectiveInput>): SloGateObjectiveInput => ({
  slo: 'checkout-availability',
  objective: '99.9%',
  status: 'OK',
  remainingFraction: 0.8,
  alert: 'none',
  ...overrides,
});

describe('decideSloReleaseGate', () => {
  it('allows when there is nothing to check, and says so', () => {
    expect(decideSloReleaseGate([])).toEqual({
      decision: 'allow',
      reasons: ['No SLOs are defined for this entity: nothing to check'],
      slos: [],
    });
  });

  it('allows healthy objectives with a reason', () => {
    const gate = decideSloReleaseGate([objective({}), objective({ slo: 'latency' })]);
    expect(gate.decision).toBe('allow');
    expect(gate.reasons).toEqual([
      'All 2 objective(s) are within their error budget policy and no page or ticket alert blocks a release',
    ]);
    expect(gate.slos.map(s => s.decision)).toEqual(['allow', 'allow']);
  });

  it('blocks an exhausted budget (remaining <= 0: the target met exactly leaves nothing to spend)', () => {
    const gate = decideSloReleaseGate([objective({ remainingFraction: 0, status: 'WARNING' })]);
    expect(gate.decision).toBe('block');
    expect(gate.reasons).toEqual(['checkout-availability / 99.9%: error budget exhausted (0.0% remaining)']);
  });

  it('blocks while a page alert fires, even with budget left', () => {
    const gate = decideSloReleaseGate([objective({ alert: 'page' })]);
    expect(gate.decision).toBe('block');
    expect(gate.reasons).toEqual(['checkout-availability / 99.9%: page alert firing (fast burn)']);
  });

  it('warns below 25% remaining and on a ticket alert', () => {
    expect(decideSloReleaseGate([objective({ remainingFraction: 0.249 })])).toMatchObject({
      decision: 'warn',
      reasons: ['checkout-availability / 99.9%: 24.9% of the error budget remaining, below 25.0%'],
    });
    expect(decideSloReleaseGate([objective({ remainingFraction: 0.25 })]).decision).toBe('allow');
    expect(decideSloReleaseGate([objective({ alert: 'ticket' })])).toMatchObject({
      decision: 'warn',
      reasons: ['checkout-availability / 99.9%: ticket alert firing (slow burn)'],
    });
  });

  it('takes the most severe objective and lists every finding', () => {
    const gate = decideSloReleaseGate([
      objective({ alert: 'ticket' }),
      objective({ slo: 'payments', remainingFraction: -0.5, alert: 'page' }),
    ]);
    expect(gate.decision).toBe('block');
    expect(gate.reasons).toEqual([
      'checkout-availability / 99.9%: ticket alert firing (slow burn)',
      'payments / 99.9%: error budget exhausted (-50.0% remaining)',
      'payments / 99.9%: page alert firing (fast burn)',
    ]);
    expect(gate.slos.map(s => s.decision)).toEqual(['warn', 'block']);
  });

  it('follows the policy: stricter thresholds, alerts ignored, missing data blocked', () => {
    const policy = {
      ...DEFAULT_SLO_RELEASE_GATE_POLICY,
      blockWhenRemainingAtMost: 0.1,
      blockOnPageAlert: false,
      warnOnTicketAlert: false,
      insufficientData: 'block' as const,
    };
    expect(decideSloReleaseGate([objective({ remainingFraction: 0.05 })], policy).decision).toBe('block');
    expect(decideSloReleaseGate([objective({ alert: 'page' })], policy).decision).toBe('allow');
    expect(decideSloReleaseGate([objective({ alert: 'ticket' })], policy).decision).toBe('allow');
    expect(
      decideSloReleaseGate([objective({ remainingFraction: null, status: 'INSUFFICIENT_DATA' })], policy),
    ).toMatchObject({
      decision: 'block',
      reasons: ['checkout-availability / 99.9%: no data: no SLI samples in the window'],
    });
  });

  it('warns on an objective without data by default: a dead SLI exporter does not pass', () => {
    const gate = decideSloReleaseGate([
      objective({ remainingFraction: null, status: 'INSUFFICIENT_DATA', data: data('no data') }),
    ]);
    expect(gate).toMatchObject({
      decision: 'warn',
      reasons: ['checkout-availability / 99.9%: no data: no SLI samples in the window'],
    });
  });

  it('warns on stale data even when the last known budget is healthy', () => {
    expect(decideSloReleaseGate([objective({ data: data('stale data') })])).toMatchObject({
      decision: 'warn',
      reasons: ['checkout-availability / 99.9%: stale data: the newest sample is 7.0h old'],
    });
  });

  it('warns instead of blocking while the window holds less than the minimum data, and says why', () => {
    // A new SLO three hours old with its budget overspent and a page alert: both findings would block.
    const gate = decideSloReleaseGate([
      objective({ remainingFraction: -4, status: 'INSUFFICIENT_DATA', alert: 'page', data: data('insufficient data') }),
    ]);
    expect(gate).toMatchObject({
      decision: 'warn',
      reasons: [
        'checkout-availability / 99.9%: error budget exhausted (-400.0% remaining)',
        'checkout-availability / 99.9%: page alert firing (fast burn)',
        'checkout-availability / 99.9%: insufficient data: 3.0h of data in the window, less than the minimum; findings warn instead of block',
      ],
    });
    // Healthy and young: allowed, the reason noted.
    const young = decideSloReleaseGate([objective({ status: 'INSUFFICIENT_DATA', data: data('insufficient data') })]);
    expect(young.decision).toBe('allow');
    expect(young.reasons[1]).toContain('insufficient data');
  });
});
