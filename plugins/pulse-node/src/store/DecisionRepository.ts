import { Knex } from 'knex';
import { EntityPolicyStore } from './EntityPolicyStore';
import { GateCheckStore } from './GateCheckStore';
import { GateDecisionStore } from './GateDecisionStore';
import { IncidentBudgetStore } from './IncidentBudgetStore';
import { PolicyStateStore } from './PolicyStateStore';
import { ReleaseExceptionStore } from './ReleaseExceptionStore';

/** Decisions made from the SLO and DORA data: policies, the gate audit log, transitions and incident reviews. */
export class DecisionRepository {
  /** Per-entity error-budget policy overrides. */
  readonly policies: EntityPolicyStore;
  /** Every stored release-gate decision. */
  readonly gateDecisions: GateDecisionStore;
  /** One-release exceptions granted by owners. */
  readonly releaseExceptions: ReleaseExceptionStore;
  /** A gate check stored together with the exception it uses up. */
  readonly gateChecks: GateCheckStore;
  /** The last policy state per entity, for once-per-transition notifications. */
  readonly policyStates: PolicyStateStore;
  /** Incident budget spend, postmortems and the monthly review. */
  readonly incidents: IncidentBudgetStore;

  constructor(db: Knex) {
    this.policies = new EntityPolicyStore(db);
    this.gateDecisions = new GateDecisionStore(db);
    this.releaseExceptions = new ReleaseExceptionStore(db);
    this.gateChecks = new GateCheckStore(db, this.gateDecisions, this.releaseExceptions);
    this.policyStates = new PolicyStateStore(db);
    this.incidents = new IncidentBudgetStore(db);
  }
}
