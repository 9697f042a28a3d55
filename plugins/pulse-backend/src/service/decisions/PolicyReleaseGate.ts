import {
  decideUnderErrorBudgetPolicy,
  EntitySloReport,
  PolicyObservation,
  PolicyReleaseGateResponse,
  policyTransitionNotices,
  sloGatePolicyOf,
} from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';
import { entitySloReport, releaseGateOf } from '../slo/reports';
import { DecisionsConfig } from './config';
import { EntityOwners } from './EntityOwners';
import { PolicyNotifier } from './PolicyNotifier';
import { PolicyResolver } from './PolicyResolver';

const pageAlertOf = (report: EntitySloReport) =>
  report.slos.some(slo => slo.objectives.some(objective => objective.alert === 'page'));

/**
 * The release gate under each entity's resolved error-budget policy. A preview only answers; a check also stores the
 * decision with its caller; both record the policy state, and whoever changes it first notifies the owning group.
 */
export class PolicyReleaseGate {
  private readonly owners: EntityOwners;
  private readonly resolver: PolicyResolver;
  private readonly notifier: PolicyNotifier;

  constructor(
    private readonly ctx: PulseContext,
    private readonly config: DecisionsConfig,
  ) {
    this.owners = new EntityOwners(ctx);
    this.resolver = new PolicyResolver(ctx.store, config);
    this.notifier = new PolicyNotifier(ctx);
  }

  /** The gate for an entity, its state recorded; the owner is looked up unless given (the job passes it). */
  async evaluate(
    entityRef: string,
    options: { reason?: string; nowMs: number; ownerRef?: string | null },
  ): Promise<PolicyReleaseGateResponse> {
    const ownerRef =
      options.ownerRef === undefined ? await this.owners.ownerOf(entityRef) : (options.ownerRef ?? undefined);
    const [report, { resolved }] = await Promise.all([
      entitySloReport(this.ctx.store, entityRef, options.nowMs),
      this.resolver.resolve(entityRef, ownerRef),
    ]);
    const gate = releaseGateOf(report, sloGatePolicyOf(resolved.policy, this.config.insufficientData));
    const outcome = decideUnderErrorBudgetPolicy(gate, resolved.policy, options.reason);
    await this.observe(entityRef, ownerRef, { state: outcome.state, pageAlert: pageAlertOf(report) }, gate.reasons, options.nowMs);
    return { ...gate, ...outcome, errorBudgetPolicy: resolved };
  }

  /** A gate check: evaluated, then stored with the caller. */
  async check(entityRef: string, options: { reason?: string; caller: string; nowMs: number }) {
    const response = await this.evaluate(entityRef, options);
    const recorded = await this.ctx.store.decisions.gateDecisions.record({
      entityRef,
      decidedAt: options.nowMs,
      decision: response.decision,
      state: response.state,
      reasons: response.reasons,
      exception: response.exception,
      caller: options.caller,
    });
    return { ...response, recorded: { id: recorded.id, caller: recorded.caller } };
  }

  private async observe(
    entityRef: string,
    ownerRef: string | undefined,
    next: PolicyObservation,
    reasons: string[],
    nowMs: number,
  ): Promise<void> {
    const previous = await this.ctx.store.decisions.policyStates.observe(entityRef, next, nowMs);
    if (!previous) return;
    for (const notice of policyTransitionNotices(previous, next)) {
      await this.notifier.notify({ entityRef, ownerRef, notice, reasons });
    }
  }
}
