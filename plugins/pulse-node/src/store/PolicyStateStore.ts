import { INITIAL_POLICY_OBSERVATION, PolicyObservation } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

/** The last observed policy state per entity, so each transition is acted on once across callers and replicas. */
export class PolicyStateStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records an observation. Returns the previous one when this call changed the stored state, and undefined when
   * nothing changed or a concurrent caller recorded the same change first (the update is conditional on the state
   * read, so exactly one caller wins a transition).
   */
  async observe(entityRef: string, next: PolicyObservation, now: number): Promise<PolicyObservation | undefined> {
    const entity = entityRef.toLocaleLowerCase('en-US');
    await this.db('pulse_policy_state')
      .insert({
        entity_ref: entity,
        state: INITIAL_POLICY_OBSERVATION.state,
        page_alert: INITIAL_POLICY_OBSERVATION.pageAlert,
        changed_at: now,
      })
      .onConflict('entity_ref')
      .ignore();
    const row = await this.db('pulse_policy_state').where('entity_ref', entity).first();
    const previous: PolicyObservation = { state: row.state, pageAlert: Boolean(row.page_alert) };
    if (previous.state === next.state && previous.pageAlert === next.pageAlert) return undefined;
    const changed = await this.db('pulse_policy_state')
      .where({ entity_ref: entity, state: row.state, page_alert: previous.pageAlert })
      .update({ state: next.state, page_alert: next.pageAlert, changed_at: now });
    return changed === 1 ? previous : undefined;
  }

  /** The last observation of an entity, if it was ever observed. */
  async get(entityRef: string): Promise<(PolicyObservation & { changedAt: number }) | undefined> {
    const row = await this.db('pulse_policy_state').where('entity_ref', entityRef.toLocaleLowerCase('en-US')).first();
    return row ? { state: row.state, pageAlert: Boolean(row.page_alert), changedAt: Number(row.changed_at) } : undefined;
  }

  /** Every entity with at least one SLO: the ones the transition job evaluates. */
  async entitiesWithSlos(): Promise<string[]> {
    const rows = await this.db('pulse_slo').distinct('entity_ref').orderBy('entity_ref');
    return rows.map(r => r.entity_ref);
  }
}
