import { SloGateOutcome } from '../slo/releaseGate';
import { DEFAULT_ERROR_BUDGET_POLICY } from './policy';
import { decideUnderErrorBudgetPolicy } from './policyGate';

const outcome = (decision: SloGateOutcome['decision'], reasons: string[]): SloGateOutcome => ({
  decision,
  reasons,
  slos: [],
});
const exhausted = outcome('block', ['checkout / 99%: error budget exhausted (-20.0% remaining)']);

describe('decideUnderErrorBudgetPolicy', () => {
  it('blocks a frozen release and names the exceptions that would pass', () => {
    expect(decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY)).toEqual({
      decision: 'block',
      state: 'freeze',
      reasons: [
        'Error-budget freeze: releases are blocked except for: security, incident-fix',
        'checkout / 99%: error budget exhausted (-20.0% remaining)',
      ],
      exception: null,
    });
  });

  it('allows a frozen release with an exception the policy lists, and marks it used', () => {
    const result = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, 'security');
    expect(result.decision).toBe('allow');
    expect(result.state).toBe('freeze');
    expect(result.exception).toEqual({ requested: 'security', used: true });
    expect(result.reasons[0]).toBe("Error-budget freeze, released under the policy exception 'security'");
  });

  it('still blocks with an exception the policy does not list', () => {
    const result = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, 'friday-deploy');
    expect(result.decision).toBe('block');
    expect(result.exception).toEqual({ requested: 'friday-deploy', used: false });
    expect(result.reasons[0]).toBe(
      "Error-budget freeze: exception 'friday-deploy' is not one this policy allows (allowed: security, incident-fix)",
    );
  });

  it('only warns when the freeze is advisory', () => {
    const policy = { ...DEFAULT_ERROR_BUDGET_POLICY, freeze: { ...DEFAULT_ERROR_BUDGET_POLICY.freeze, blocksReleases: false } };
    const result = decideUnderErrorBudgetPolicy(exhausted, policy);
    expect(result.decision).toBe('warn');
    expect(result.state).toBe('freeze');
    expect(result.exception).toBeNull();
  });

  it('keeps a caution or normal decision and records an unneeded exception as unused', () => {
    const caution = outcome('warn', ['checkout / 99%: 10.0% of the error budget remaining, below 25.0%']);
    const result = decideUnderErrorBudgetPolicy(caution, DEFAULT_ERROR_BUDGET_POLICY, 'security');
    expect(result).toEqual({
      decision: 'warn',
      state: 'caution',
      reasons: [
        "Exception 'security' not needed: the entity is not frozen (state caution)",
        'checkout / 99%: 10.0% of the error budget remaining, below 25.0%',
      ],
      exception: { requested: 'security', used: false },
    });
    expect(decideUnderErrorBudgetPolicy(outcome('allow', ['fine']), DEFAULT_ERROR_BUDGET_POLICY).state).toBe('normal');
  });
});
