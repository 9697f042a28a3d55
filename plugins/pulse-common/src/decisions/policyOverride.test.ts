import { SloGateOutcome } from '../slo/releaseGate';
import { DEFAULT_ERROR_BUDGET_POLICY } from './policy';
import { decideUnderErrorBudgetPolicy } from './policyGate';
import { forcedStateReason, instantText, overrideIsActive } from './policyOverride';
import { releaseExceptionStatus } from './releaseException';

const UNTIL = Date.parse('2026-12-10T00:00:00Z');
const healthy: SloGateOutcome = { decision: 'allow', reasons: ['checkout / 99%: 80.0% of the error budget remaining'], slos: [] };
const exhausted: SloGateOutcome = {
  decision: 'block',
  reasons: ['checkout / 99%: error budget exhausted (-20.0% remaining)'],
  slos: [],
};
const lowBudget: SloGateOutcome = { decision: 'warn', reasons: ['checkout / 99%: 10.0% left'], slos: [] };
const frozenByAda = { state: 'freeze' as const, reason: 'audit week', setBy: 'user:default/ada', expiresAt: UNTIL };
const grant = { id: 7, grantedBy: 'user:default/pia', reason: 'hotfix for INC-9', expiresAt: UNTIL };

describe('a forced policy state', () => {
  it('applies until its instant, and one without an instant always', () => {
    // Expiry is exclusive: at 2026-12-10T00:00:00Z itself the override no longer applies.
    expect(overrideIsActive(UNTIL, UNTIL - 1)).toBe(true);
    expect(overrideIsActive(UNTIL, UNTIL)).toBe(false);
    expect(overrideIsActive(undefined, UNTIL)).toBe(true);
    expect(overrideIsActive(null, UNTIL)).toBe(true);
  });

  it('names who forced it, until when (whole seconds without milliseconds) and why', () => {
    expect(instantText(UNTIL)).toBe('2026-12-10T00:00:00Z');
    expect(instantText(UNTIL + 250)).toBe('2026-12-10T00:00:00.250Z');
    expect(forcedStateReason(frozenByAda)).toBe('Frozen by user:default/ada until 2026-12-10T00:00:00Z: audit week');
    expect(forcedStateReason({ ...frozenByAda, state: 'caution' })).toBe(
      'Set to caution by user:default/ada until 2026-12-10T00:00:00Z: audit week',
    );
  });

  it('freezes a healthy entity: the override reason first, then the policy, then the objectives', () => {
    expect(decideUnderErrorBudgetPolicy(healthy, DEFAULT_ERROR_BUDGET_POLICY, undefined, { forced: frozenByAda })).toEqual({
      decision: 'block',
      state: 'freeze',
      reasons: [
        'Frozen by user:default/ada until 2026-12-10T00:00:00Z: audit week',
        'Error-budget freeze: releases are blocked except for: security, incident-fix',
        'checkout / 99%: 80.0% of the error budget remaining',
      ],
      exception: null,
    });
  });

  it('lets an exhausted entity release when forced to normal, and warns when forced to caution', () => {
    const normal = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      forced: { ...frozenByAda, state: 'normal' },
    });
    expect(normal).toMatchObject({ decision: 'allow', state: 'normal' });
    // The objectives' own finding stays listed after the override's reason.
    expect(normal.reasons).toEqual([
      'Set to normal by user:default/ada until 2026-12-10T00:00:00Z: audit week',
      'checkout / 99%: error budget exhausted (-20.0% remaining)',
    ]);
    const caution = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      forced: { ...frozenByAda, state: 'caution' },
    });
    expect(caution).toMatchObject({ decision: 'warn', state: 'caution' });
  });

  it('still lets a policy exception through a forced freeze', () => {
    const result = decideUnderErrorBudgetPolicy(healthy, DEFAULT_ERROR_BUDGET_POLICY, 'security', { forced: frozenByAda });
    expect(result).toMatchObject({ decision: 'allow', exception: { requested: 'security', used: true } });
    expect(result.reasons[1]).toBe("Error-budget freeze, released under the policy exception 'security'");
  });
});

describe('a one-release exception', () => {
  it('releases a blocking freeze; allow unless the objectives themselves only warn', () => {
    const released = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      grant: { grant, mode: 'check' },
    });
    expect(released).toEqual({
      decision: 'allow',
      state: 'freeze',
      reasons: [
        'Error-budget freeze, released under the one-release exception granted by user:default/pia: hotfix for INC-9',
        'checkout / 99%: error budget exhausted (-20.0% remaining)',
      ],
      exception: null,
    });
    // Forced freeze over a budget at 10%: the objectives warn, so the released check warns too.
    const overLowBudget = decideUnderErrorBudgetPolicy(lowBudget, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      forced: frozenByAda,
      grant: { grant, mode: 'check' },
    });
    expect(overLowBudget.decision).toBe('warn');
    expect(overLowBudget.reasons.slice(0, 2)).toEqual([
      'Frozen by user:default/ada until 2026-12-10T00:00:00Z: audit week',
      'Error-budget freeze, released under the one-release exception granted by user:default/pia: hotfix for INC-9',
    ]);
  });

  it('on a preview only says a check would use it', () => {
    const preview = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      grant: { grant, mode: 'preview' },
    });
    expect(preview.reasons[0]).toBe(
      'Error-budget freeze: a gate check now would be released under the one-release exception granted by ' +
        'user:default/pia: hotfix for INC-9 (the check uses it up)',
    );
  });

  it('is not what passes when the policy exception does, nor when nothing blocks', () => {
    const byPolicy = decideUnderErrorBudgetPolicy(exhausted, DEFAULT_ERROR_BUDGET_POLICY, 'security', {
      grant: { grant, mode: 'check' },
    });
    expect(byPolicy.reasons[0]).toBe("Error-budget freeze, released under the policy exception 'security'");
    const notBlocked = decideUnderErrorBudgetPolicy(lowBudget, DEFAULT_ERROR_BUDGET_POLICY, undefined, {
      grant: { grant, mode: 'check' },
    });
    expect(notBlocked.reasons).toEqual(['checkout / 99%: 10.0% left']);
  });

  it('is active until it expires or is used', () => {
    expect(releaseExceptionStatus({ usedAt: null, expiresAt: UNTIL }, UNTIL - 1)).toBe('active');
    expect(releaseExceptionStatus({ usedAt: null, expiresAt: UNTIL }, UNTIL)).toBe('expired');
    // Used before it expired: it stays "used" after its expiry too.
    expect(releaseExceptionStatus({ usedAt: UNTIL - 5, expiresAt: UNTIL }, UNTIL + 1)).toBe('used');
  });
});
