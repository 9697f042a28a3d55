import { DEFAULT_SLO_RELEASE_GATE_POLICY } from '../slo/releaseGate';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  errorBudgetPolicyStateOf,
  resolveErrorBudgetPolicy,
  sloGatePolicyOf,
} from './policy';

describe('resolveErrorBudgetPolicy', () => {
  it('is the portal default when nothing overrides it', () => {
    expect(resolveErrorBudgetPolicy({ portal: DEFAULT_ERROR_BUDGET_POLICY })).toEqual({
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      sources: ['portal'],
    });
  });

  it('layers the group override, then the entity override, key by key', () => {
    const resolved = resolveErrorBudgetPolicy({
      portal: DEFAULT_ERROR_BUDGET_POLICY,
      group: { groupRef: 'group:default/payments', override: { caution: { remainingBelow: 0.5 }, exceptions: ['security'] } },
      entity: { caution: { onTicketAlert: false }, freeze: { blocksReleases: false } },
    });
    expect(resolved).toEqual({
      policy: {
        caution: { remainingBelow: 0.5, onTicketAlert: false },
        freeze: { remainingAtOrBelow: 0, onPageAlert: true, blocksReleases: false },
        exceptions: ['security'],
      },
      sources: ['portal', 'group', 'entity'],
      groupRef: 'group:default/payments',
    });
  });

  it('lets an entity clear the exceptions with an empty list', () => {
    const resolved = resolveErrorBudgetPolicy({ portal: DEFAULT_ERROR_BUDGET_POLICY, entity: { exceptions: [] } });
    expect(resolved.policy.exceptions).toEqual([]);
    expect(resolved.sources).toEqual(['portal', 'entity']);
  });
});

describe('sloGatePolicyOf', () => {
  it('maps the default policy onto the default release-gate thresholds (no data warns by default)', () => {
    expect(sloGatePolicyOf(DEFAULT_ERROR_BUDGET_POLICY, 'warn')).toEqual(DEFAULT_SLO_RELEASE_GATE_POLICY);
  });

  it('blocks at the freeze line and warns at the caution line', () => {
    const policy = {
      caution: { remainingBelow: 0.4, onTicketAlert: false },
      freeze: { remainingAtOrBelow: 0.1, onPageAlert: false, blocksReleases: true },
      exceptions: [],
    };
    expect(sloGatePolicyOf(policy, 'warn')).toEqual({
      blockWhenRemainingAtMost: 0.1,
      blockOnPageAlert: false,
      warnWhenRemainingBelow: 0.4,
      warnOnTicketAlert: false,
      insufficientData: 'warn',
    });
  });
});

describe('errorBudgetPolicyStateOf', () => {
  it('reads block as freeze, warn as caution and allow as normal', () => {
    expect(errorBudgetPolicyStateOf('block')).toBe('freeze');
    expect(errorBudgetPolicyStateOf('warn')).toBe('caution');
    expect(errorBudgetPolicyStateOf('allow')).toBe('normal');
  });
});
