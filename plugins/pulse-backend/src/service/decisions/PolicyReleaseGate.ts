import {
  decideUnderErrorBudgetPolicy,
  EntitySloReport,
  EntitySloView,
  PolicyObservation,
  PolicyReleaseGateResponse,
  policyTransitionNotices,
  ReleaseExceptionGrant,
  releaseExceptionReason,
  SloReleaseGateResponse,
  sloGatePolicyOf,
} from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';
import { entitySloReport, releaseGateOf } from '../slo/reports';
import { PolicyNotifier } from './PolicyNotifier';
import { EntityPolicy, PolicyResolver } from './PolicyResolver';

/** One evaluation of an entity: the objectives' verdict and the policy it is decided under. */
interface Evaluation {
  gate: SloReleaseGateResponse;
  entityPolicy: EntityPolicy;
  report: EntitySloReport;
  ownerRef?: string;
  reason?: string;
}

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
    const [report, entityPolicy] = await Promise.all([
      entitySloReport(this.ctx.store, entityRef, options.nowMs, this.ctx.pulseConfig.slo.data),
      this.resolver.resolve(entityRef, ownerRef, options.nowMs),
    ]);
    const gate = releaseGateOf(
      report,
      sloGatePolicyOf(entityPolicy.resolved.policy, this.ctx.pulseConfig.decisions.insufficientData),
    );
    return { gate, entityPolicy, report, ownerRef, reason: options.reason };
  }

  /** The answer for one evaluation, with a one-release exception applied when one is given. */
  private respond(
    { gate, entityPolicy, reason }: Evaluation,
    grant?: { grant: ReleaseExceptionGrant; mode: 'check' | 'preview' },
  ): PolicyReleaseGateResponse {
    const outcome = decideUnderErrorBudgetPolicy(gate, entityPolicy.resolved.policy, reason, {
      forced: entityPolicy.forced,
      grant,
    });
    const used = grant && outcome.reasons.includes(releaseExceptionReason(grant.grant, grant.mode));
    return {
      ...gate,
      ...outcome,
      errorBudgetPolicy: entityPolicy.resolved,
      releaseException: used
        ? {
            id: grant.grant.id,
            grantedBy: grant.grant.grantedBy,
            reason: grant.grant.reason,
            expiresAt: new Date(grant.grant.expiresAt).toISOString(),
            consumed: grant.mode === 'check',
          }
        : null,
    };
  }

  /** A preview: a blocked release says which active exception a check would use up; nothing is used or written. */
  private async preview(entityRef: string, evaluation: Evaluation, nowMs: number) {
    const response = this.respond(evaluation);
    if (response.decision !== 'block') return response;
    const grant = await this.ctx.store.decisions.releaseExceptions.oldestActive(entityRef, nowMs);
    return grant ? this.respond(evaluation, { grant, mode: 'preview' }) : response;
  }

  /** What the SLO card shows: the entity's report and the gate preview decided on that same report; writes nothing. */
  async view(entityRef: string, nowMs: number): Promise<EntitySloView> {
    const evaluation = await this.decide(entityRef, { nowMs });
    return { ...evaluation.report, releaseGate: await this.preview(entityRef, evaluation, nowMs) };
  }

  /** The gate for an entity; writes nothing. */
  async evaluate(entityRef: string, options: { reason?: string; nowMs: number }): Promise<PolicyReleaseGateResponse> {
    return this.preview(entityRef, await this.decide(entityRef, options), options.nowMs);
  }

  /**
   * A gate check: evaluated, then stored with the caller. A check the policy would block uses up the entity's oldest
   * active one-release exception, in the same transaction as the stored decision, when the caller `mayUseException`
   * (see WriteAccess.mayUseReleaseException; a check that does not say uses none); a check that passes uses none.
   */
  async check(entityRef: string, options: { reason?: string; caller: string; mayUseException?: boolean; nowMs: number }) {
    const evaluation = await this.decide(entityRef, options);
    const blocked = this.respond(evaluation);
    let response = blocked;
    const { row } = await this.ctx.store.decisions.gateChecks.record({
      entityRef,
      nowMs: options.nowMs,
      caller: options.caller,
      useException: blocked.decision === 'block' && options.mayUseException === true,
      decide: grant => {
        response = grant ? this.respond(evaluation, { grant, mode: 'check' }) : blocked;
        return {
          entityRef,
          decidedAt: options.nowMs,
          decision: response.decision,
          state: response.state,
          reasons: response.reasons,
          exception: response.exception,
          releaseException: grant ? { id: grant.id, grantedBy: grant.grantedBy, reason: grant.reason } : null,
          caller: options.caller,
        };
      },
    });
    return { ...response, recorded: { id: row.id, caller: row.caller } };
  }

  /**
   * For the transitions job only: evaluates the entity, records its policy state and, when this replica is the first
   * to see a freeze or a page alert start, notifies the owning group once.
   */
  async observe(entityRef: string, options: { nowMs: number; ownerRef: string | null }): Promise<PolicyReleaseGateResponse> {
    const evaluation = await this.decide(entityRef, options);
    const { report, ownerRef } = evaluation;
    const response = this.respond(evaluation);
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
