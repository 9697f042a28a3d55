import { Knex } from 'knex';

/** Deployments, changes and incidents. */
export class DoraRepository {
  constructor(private readonly db: Knex) {}

  /** How many deployments are stored for an entity. */
  async countDeployments(entityRef: string): Promise<number> {
    const row = await this.db('pulse_deployment')
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }
}
