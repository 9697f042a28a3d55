import { Knex } from 'knex';
import { EntityPolicyInput, EntityPolicyRow } from './DecisionTypes';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Per-entity error-budget policy overrides: thresholds, and a forced state with its reason and expiry. */
export class EntityPolicyStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<EntityPolicyRow | undefined> {
    const row = await this.db('pulse_entity_policy').where('entity_ref', lower(entityRef)).first();
    return row
      ? {
          entityRef: row.entity_ref,
          override: JSON.parse(row.policy),
          ...(row.state ? { state: row.state } : {}),
          ...(row.reason ? { reason: row.reason } : {}),
          ...(row.expires_at === null || row.expires_at === undefined ? {} : { expiresAt: Number(row.expires_at) }),
          updatedBy: row.updated_by,
          updatedAt: Number(row.updated_at),
        }
      : undefined;
  }

  /** Replaces the entity's override as a whole: keys left out of `input` are cleared. */
  async put(entityRef: string, input: EntityPolicyInput, updatedBy: string, now: number): Promise<void> {
    await this.db('pulse_entity_policy')
      .insert({
        entity_ref: lower(entityRef),
        policy: JSON.stringify(input.override),
        state: input.state ?? null,
        reason: input.reason ?? null,
        expires_at: input.expiresAt ?? null,
        updated_by: updatedBy,
        updated_at: now,
      })
      .onConflict('entity_ref')
      .merge();
  }

  /** False when the entity had no override. */
  async delete(entityRef: string): Promise<boolean> {
    return (await this.db('pulse_entity_policy').where('entity_ref', lower(entityRef)).delete()) > 0;
  }
}
