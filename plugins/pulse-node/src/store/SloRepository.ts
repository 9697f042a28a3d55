import { Knex } from 'knex';

/** SLO definitions and SLI samples. */
export class SloRepository {
  constructor(private readonly db: Knex) {}

  /** The names of the SLOs defined for an entity. */
  async listSloNames(entityRef: string): Promise<string[]> {
    const rows = await this.db('pulse_slo')
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .orderBy('name')
      .select('name');
    return rows.map(r => r.name);
  }
}
