import { Knex } from 'knex';
import { EntityPolicyStore } from './EntityPolicyStore';
import { GateDecisionStore } from './GateDecisionStore';
import { IncidentBudgetStore } from './IncidentBudgetStore';
import { PolicyStateStore } from './PolicyStateStore';

/** Decisions made from the SLO and DORA data: policies, the gate audit log, transitions and incident reviews. */
export class DecisionRepository {
  /** Per-entity error-budget policy overrides. */
  readonly policies: EntityPolicyStore;
  /** Every stored release-gate decision. */
  readonly gateDecisions: GateDecisionStore;
  /** The last policy state per entity, for once-per-transition notifications. */
  readonly policyStates: PolicyStateStore;
  /** Incident budget spend, postmortems and the monthly review. */
  readonly incidents: IncidentBudgetStore;

  constructor(db: Knex) {
    this.policies = new EntityPolicyStore(db);
    this.gateDecisions = new GateDecisionStore(db);
    this.policyStates = new PolicyStateStore(db);
    this.incidents = new IncidentBudgetStore(db);
  }
}
