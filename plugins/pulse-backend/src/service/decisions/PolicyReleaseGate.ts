import {
  decideUnderErrorBudgetPolicy,
  EntitySloReport,
  EntitySloView,
  ResolvedErrorBudgetPolicy,
  PolicyObservation,
  PolicyReleaseGateResponse,
  policyTransitionNotices,
  sloGatePolicyOf,
} from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';
import { entitySloReport, releaseGateOf } from '../slo/reports';
import { PolicyNotifier } from './PolicyNotifier';
import { PolicyResolver } from './PolicyResolver';

const pageAlertOf = (report: EntitySloReport) =>
  report.slos.some(slo => slo.objectives.some(objective => objective.alert === 'page'));

/**
 * The release gate under each entity's resolved error-budget policy. Evaluating only reads; a check (POST) also stores
 * the decision with its caller; only the transitions job records the policy state and notifies the owning group.
 */
export class PolicyReleaseGate {
  private readonly notifier: PolicyNotifier;

  constructor(
    private readonly ctx: PulseContext,
    private readonly resolver: PolicyResolver,
  ) {
    this.notifier = new PolicyNotifier(ctx);
  }

  private async decide(entityRef: string, options: { reason?: string; nowMs: number; ownerRef?: string | null }) {
    const ownerRef =
      options.ownerRef === undefined
        ? await this.ctx.pulseCatalog.primaryGroupOf(entityRef)
        : (options.ownerRef ?? undefined);
    const [report, { resolved }] = await Promise.all([
      entitySloReport(this.ctx.store, entityRef, options.nowMs, this.ctx.pulseConfig.slo.data),
      this.resolver.resolve(entityRef, ownerRef),
    ]);
    return this.decideOn(report, resolved, ownerRef, options.reason);
  }

  private decideOn(report: EntitySloReport, resolved: ResolvedErrorBudgetPolicy, ownerRef?: string, reason?: string) {
    const gate = releaseGateOf(report, sloGatePolicyOf(resolved.policy, this.ctx.pulseConfig.decisions.insufficientData));
    const outcome = decideUnderErrorBudgetPolicy(gate, resolved.policy, reason);
    const response: PolicyReleaseGateResponse = { ...gate, ...outcome, errorBudgetPolicy: resolved };
    return { response, report, ownerRef };
  }

  /** What the SLO card shows: the entity's report and the gate preview decided on that same report; writes nothing. */
  async view(entityRef: string, nowMs: number): Promise<EntitySloView> {
    const { response, report } = await this.decide(entityRef, { nowMs });
    return { ...report, releaseGate: response };
  }

  /** The gate for an entity; writes nothing. */
  async evaluate(entityRef: string, options: { reason?: string; nowMs: number }): Promise<PolicyReleaseGateResponse> {
    return (await this.decide(entityRef, options)).response;
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

  /**
   * For the transitions job only: evaluates the entity, records its policy state and, when this replica is the first
   * to see a freeze or a page alert start, notifies the owning group once.
   */
  async observe(entityRef: string, options: { nowMs: number; ownerRef: string | null }): Promise<PolicyReleaseGateResponse> {
    const { response, report, ownerRef } = await this.decide(entityRef, options);
    const next: PolicyObservation = { state: response.state, pageAlert: pageAlertOf(report) };
    const previous = await this.ctx.store.decisions.policyStates.observe(entityRef, next, options.nowMs);
    if (previous) {
      for (const notice of policyTransitionNotices(previous, next)) {
        await this.notifier.notify({ entityRef, ownerRef, notice, reasons: response.reasons });
      }
    }
    return response;
  }
}
