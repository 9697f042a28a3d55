import { Knex } from 'knex';
import { sql } from './DoraSql';

/** Values per IN list. */
const IN_CHUNK = 500;

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What one ingested batch touched, per entity: changes it wrote, SHAs its deployments list(ed) and their finishes. */
export class TouchedChanges {
  readonly byEntity = new Map<string, { changes: Set<string>; shas: Set<string>; earliestDeployment: number }>();

  private of(entityRef: string) {
    let entry = this.byEntity.get(entityRef);
    if (!entry) {
      entry = { changes: new Set(), shas: new Set(), earliestDeployment: Infinity };
      this.byEntity.set(entityRef, entry);
    }
    return entry;
  }

  addChange(entityRef: string, sha: string) {
    this.of(entityRef).changes.add(sha);
    this.of(entityRef).shas.add(sha);
  }

  addCommit(entityRef: string, sha: string) {
    this.of(entityRef).shas.add(sha);
  }

  addDeployment(entityRef: string, finishedAt: number) {
    const entry = this.of(entityRef);
    entry.earliestDeployment = Math.min(entry.earliestDeployment, finishedAt);
  }
}

/**
 * Keeps `first_deployed_at` of changes up to date: the finish of the first successful production deployment of the
 * same entity after the change's commit time that covers it. A deployment covers the SHAs it lists and every change of its entity that
 * reached the default branch no later than one of them (by merge time, then by position in its push): what
 * `git log previous..current` would list since the previous deployment. Stored on the change so that lead time is one
 * indexed range query.
 */
export class FirstDeployments {
  constructor(
    private readonly trx: Knex.Transaction,
    private readonly productionEnvironments: string[],
  ) {}

  /**
   * The first covering deployment's finish, for the change row `pulse_change` of the UPDATE: deployments of the entity
   * that finished after the change's commit time are walked in finish order (their index) until one lists the change or
   * a change of the entity merged no earlier, so the walk usually stops at the first or second deployment.
   */
  private firstCoveringDeployment() {
    const covering = sql`(SELECT d.finished_at FROM pulse_deployment d
      WHERE d.entity_ref = pulse_change.entity_ref AND d.finished_at > pulse_change.created_at
        AND d.status = 'success' AND LOWER(d.environment) IN ${this.productionEnvironments}
        AND EXISTS (
          SELECT 1 FROM pulse_deployment_commit dc
          LEFT JOIN pulse_change h ON h.entity_ref = d.entity_ref AND h.id = dc.sha
          WHERE dc.deployment_id = d.id AND (dc.sha = pulse_change.id OR (
            pulse_change.merged_at IS NOT NULL AND h.merged_at IS NOT NULL AND (
              h.merged_at > pulse_change.merged_at
              OR (h.merged_at = pulse_change.merged_at AND h.merge_index >= pulse_change.merge_index)))))
      ORDER BY d.finished_at LIMIT 1)`;
    return this.trx.raw(covering.text, covering.values);
  }

  /**
   * Recomputes the changes a batch can have moved: the ones it wrote or whose SHA a written deployment lists, and the
   * earlier changes of the same entity those cover. Of the earlier ones only those without a first deployment or with
   * one no earlier than the batch's earliest deployment (old or new) can change, which keeps this cheap on a long history.
   */
  async update(touched: TouchedChanges): Promise<void> {
    for (const [entityRef, entry] of [...touched.byEntity].sort(([a], [b]) => (a < b ? -1 : Number(a > b)))) {
      const shas = [...entry.shas].sort();
      const earliest = Math.min(entry.earliestDeployment, await this.earliestListing(entityRef, [...entry.changes]));
      let latestMerge: number | null = null;
      for (const chunk of chunksOf(shas, IN_CHUNK)) {
        const [row] = await this.trx('pulse_change')
          .where('entity_ref', entityRef)
          .whereIn('id', chunk)
          .max({ merged: 'merged_at' });
        if (row?.merged !== null && row?.merged !== undefined) {
          latestMerge = Math.max(latestMerge ?? -Infinity, Number(row.merged));
        }
        await this.trx('pulse_change')
          .where('entity_ref', entityRef)
          .whereIn('id', chunk)
          .update({ first_deployed_at: this.firstCoveringDeployment() });
      }
      if (latestMerge === null) continue;
      await this.trx('pulse_change')
        .where('entity_ref', entityRef)
        .andWhere('merged_at', '<=', latestMerge)
        .andWhere(q => {
          q.whereNull('first_deployed_at');
          if (Number.isFinite(earliest)) q.orWhere('first_deployed_at', '>=', earliest);
        })
        .update({ first_deployed_at: this.firstCoveringDeployment() });
    }
  }

  /** The earliest finish of a stored deployment of the entity that lists one of these SHAs (Infinity if none). */
  private async earliestListing(entityRef: string, shas: string[]): Promise<number> {
    let earliest = Infinity;
    for (const chunk of chunksOf(shas.sort(), IN_CHUNK)) {
      const [row] = await this.trx('pulse_deployment as d')
        .join('pulse_deployment_commit as dc', 'dc.deployment_id', 'd.id')
        .where('d.entity_ref', entityRef)
        .whereIn('dc.sha', chunk)
        .min({ finished: 'd.finished_at' });
      if (row?.finished !== null && row?.finished !== undefined) earliest = Math.min(earliest, Number(row.finished));
    }
    return earliest;
  }
}
