import { SloAlertSeverity } from './burnRate';
import { SloDataReport } from './dataQuality';
import { SloStatus } from './status';

/** What the gate answers: go, go with care, or stop. */
export type SloGateDecision = 'allow' | 'warn' | 'block';

/** The error-budget policy the gate applies (app-config `pulse.slo.releaseGate`). */
export interface SloReleaseGatePolicy {
  /** Block when an objective's remaining budget fraction is at or below this (default 0: exhausted). */
  blockWhenRemainingAtMost: number;
  /** Block while a page alert fires (default true). */
  blockOnPageAlert: boolean;
  /** Warn when the remaining budget fraction is below this (default 0.25). */
  warnWhenRemainingBelow: number;
  /** Warn while a ticket alert fires (default true). */
  warnOnTicketAlert: boolean;
  /**
   * What an objective without samples in its window decides (default warn: a dead SLI exporter must not pass
   * silently). Stale data always warns; while a window holds less than the minimum data, blocks become warnings.
   */
  insufficientData: SloGateDecision;
}

/** The Workbook policy: halt releases once the budget is spent; warn as it runs low. */
export const DEFAULT_SLO_RELEASE_GATE_POLICY: SloReleaseGatePolicy = {
  blockWhenRemainingAtMost: 0,
  blockOnPageAlert: true,
  warnWhenRemainingBelow: 0.25,
  warnOnTicketAlert: true,
  insufficientData: 'warn',
};

/** What the gate knows about one objective. */
export interface SloGateObjectiveInput {
  slo: string;
  objective: string;
  status: SloStatus;
  remainingFraction: number | null;
  alert: SloAlertSeverity;
  /** The objective's samples and their issues; without it the data is taken as sufficient. */
  data?: SloDataReport;
}

/** One objective's verdict, with the reasons behind it. */
export interface SloGateObjectiveResult extends SloGateObjectiveInput {
  decision: SloGateDecision;
  reasons: string[];
}

/** One check of the policy: a finding against an objective, or nothing. */
export type SloGateRule = (
  objective: SloGateObjectiveInput,
  policy: SloReleaseGatePolicy,
) => { decision: SloGateDecision; reason: string } | undefined;

/** The outcome of the gate. */
export interface SloGateOutcome {
  decision: SloGateDecision;
  reasons: string[];
  slos: SloGateObjectiveResult[];
}

/** `GET /slo/entities/:kind/:namespace/:name/release-gate`. */
export interface SloReleaseGateResponse extends SloGateOutcome {
  entityRef: string;
  evaluatedAt: string;
  policy: SloReleaseGatePolicy;
}

const severity: Record<SloGateDecision, number> = { allow: 0, warn: 1, block: 2 };

const mostSevere = (decisions: SloGateDecision[]): SloGateDecision =>
  decisions.reduce<SloGateDecision>((a, b) => (severity[b] > severity[a] ? b : a), 'allow');

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

const hours = (seconds: number | null) => `${((seconds ?? 0) / 3600).toFixed(1)}h`;

const hasIssue = (o: SloGateObjectiveInput, issue: string) => o.data?.issues.some(i => i === issue) ?? false;

/** The default checks, in the order their reasons are listed. */
export const SLO_RELEASE_GATE_RULES: SloGateRule[] = [
  (o, policy) =>
    o.remainingFraction !== null && o.remainingFraction <= policy.blockWhenRemainingAtMost
      ? { decision: 'block', reason: `error budget exhausted (${percent(o.remainingFraction)} remaining)` }
      : undefined,
  (o, policy) =>
    policy.blockOnPageAlert && o.alert === 'page'
      ? { decision: 'block', reason: 'page alert firing (fast burn)' }
      : undefined,
  (o, policy) =>
    o.remainingFraction !== null &&
    o.remainingFraction > policy.blockWhenRemainingAtMost &&
    o.remainingFraction < policy.warnWhenRemainingBelow
      ? {
          decision: 'warn',
          reason: `${percent(o.remainingFraction)} of the error budget remaining, below ${percent(policy.warnWhenRemainingBelow)}`,
        }
      : undefined,
  (o, policy) =>
    policy.warnOnTicketAlert && o.alert === 'ticket'
      ? { decision: 'warn', reason: 'ticket alert firing (slow burn)' }
      : undefined,
  (o, policy) =>
    o.remainingFraction === null || hasIssue(o, 'no data')
      ? { decision: policy.insufficientData, reason: 'no data: no SLI samples in the window' }
      : undefined,
  o =>
    hasIssue(o, 'stale data')
      ? { decision: 'warn', reason: `stale data: the newest sample is ${hours(o.data!.newestSampleAgeSeconds)} old` }
      : undefined,
  o =>
    hasIssue(o, 'insufficient data')
      ? {
          decision: 'allow',
          reason: `insufficient data: ${hours(o.data!.coveredSeconds)} of data in the window, less than the minimum; findings warn instead of block`,
        }
      : undefined,
];

/** While a window holds less than the minimum data, what would block only warns (the reasons say why). */
const capped = (o: SloGateObjectiveInput, decision: SloGateDecision): SloGateDecision =>
  decision === 'block' && hasIssue(o, 'insufficient data') ? 'warn' : decision;

/**
 * Applies the policy to every objective: the gate takes the most severe finding. Reasons name the SLO and objective
 * (`checkout-availability / 99.9%: ticket alert firing (slow burn)`); an allow always says why.
 */
export function decideSloReleaseGate(
  objectives: SloGateObjectiveInput[],
  policy: SloReleaseGatePolicy = DEFAULT_SLO_RELEASE_GATE_POLICY,
  rules: SloGateRule[] = SLO_RELEASE_GATE_RULES,
): SloGateOutcome {
  if (objectives.length === 0) {
    return { decision: 'allow', reasons: ['No SLOs are defined for this entity: nothing to check'], slos: [] };
  }
  const slos = objectives.map(objective => {
    const findings = rules.flatMap(rule => rule(objective, policy) ?? []);
    return {
      ...objective,
      decision: mostSevere(findings.map(f => capped(objective, f.decision))),
      reasons: findings.map(f => `${objective.slo} / ${objective.objective}: ${f.reason}`),
    };
  });
  const decision = mostSevere(slos.map(s => s.decision));
  const reasons = slos.flatMap(s => s.reasons);
  if (decision === 'allow') {
    reasons.unshift(
      `All ${objectives.length} objective(s) are within their error budget policy and no page or ticket alert blocks a release`,
    );
  }
  return { decision, reasons, slos };
}
