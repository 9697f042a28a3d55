import { ErrorBudgetPolicyOverride } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { EntityPolicyRow } from './DecisionTypes';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Per-entity error-budget policy overrides. */
export class EntityPolicyStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<EntityPolicyRow | undefined> {
    const row = await this.db('pulse_entity_policy').where('entity_ref', lower(entityRef)).first();
    return row
      ? {
          entityRef: row.entity_ref,
          override: JSON.parse(row.policy),
          updatedBy: row.updated_by,
          updatedAt: Number(row.updated_at),
        }
      : undefined;
  }

  async put(entityRef: string, override: ErrorBudgetPolicyOverride, updatedBy: string, now: number): Promise<void> {
    await this.db('pulse_entity_policy')
      .insert({ entity_ref: lower(entityRef), policy: JSON.stringify(override), updated_by: updatedBy, updated_at: now })
      .onConflict('entity_ref')
      .merge();
  }

  /** False when the entity had no override. */
  async delete(entityRef: string): Promise<boolean> {
    return (await this.db('pulse_entity_policy').where('entity_ref', lower(entityRef)).delete()) > 0;
  }
}
