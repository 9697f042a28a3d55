import {
  DoraPeriodStats,
  DoraWindowStats,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { FirstDeployments, TouchedChanges } from './DoraFirstDeployments';
import { DoraStatsQueries } from './DoraStatsQueries';
import { transactionWithRetry } from './transactionWithRetry';
import {
  DoraChangeRecord,
  DoraCountingRules,
  DoraDeploymentRecord,
  DoraEventBatch,
  DoraIncidentRecord,
  DoraQueryScope,
} from './DoraTypes';

/** Rows per INSERT: SQLite allows at most 500 terms in the compound SELECT knex builds for a multi-row insert. */
const INSERT_CHUNK = 200;
function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Ascending ids: every batch takes its row locks in one order, so concurrent batches do not deadlock. */
function byIdOrder<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : Number(a.id > b.id);
}

/** The last occurrence of every id, in id order: a retried event within one batch replaces the earlier one. */
function lastById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map(item => [item.id, item])).values()].sort(byIdOrder);
}

/** The last occurrence of every change (entity and SHA), in key order. */
function lastByKey<T extends { entityRef: string; id: string }>(items: T[]): T[] {
  const key = (item: T) => `${item.entityRef}\u0000${item.id}`;
  return [...new Map(items.map(item => [key(item), item])).values()].sort((a, b) =>
    key(a) < key(b) ? -1 : Number(key(a) > key(b)),
  );
}

/**
 * Incidents of one batch folded by id the way the upsert folds them into stored rows: the earliest createdAt, and
 * the latest value of every optional field that is present (so `detected` then `resolved` make one incident).
 */
function foldIncidents(items: DoraIncidentRecord[]): DoraIncidentRecord[] {
  const byId = new Map<string, DoraIncidentRecord>();
  for (const item of items) {
    const seen = byId.get(item.id);
    byId.set(
      item.id,
      seen
        ? {
            ...seen,
            ...Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)),
            createdAt: Math.min(seen.createdAt, item.createdAt),
          }
        : item,
    );
  }
  return [...byId.values()].sort(byIdOrder);
}

/**
 * Deployments (with the commits they shipped), changes and incidents, and the DORA aggregation over them. Every write
 * is an upsert by the source's id, so a retried webhook never double-counts.
 */
export class DoraRepository {
  private readonly stats: DoraStatsQueries;

  constructor(private readonly db: Knex) {
    this.stats = new DoraStatsQueries(db);
  }

  /** Writes a batch in one transaction (all or nothing) and returns how many distinct items it wrote. */
  async ingest(batch: DoraEventBatch, rules: Pick<DoraCountingRules, 'productionEnvironments'>): Promise<number> {
    const deployments = lastById(batch.deployments ?? []);
    // Changes merged at the same instant reached the default branch in the order the batch lists them.
    const changes = lastByKey((batch.changes ?? []).map((change, index) => ({ ...change, mergeIndex: index })));
    const incidents = foldIncidents(batch.incidents ?? []);
    const now = Date.now();

    const entityRefs = [...new Set([...deployments, ...changes].map(item => item.entityRef))].sort();
    await transactionWithRetry(this.db, async trx => {
      await this.lockEntities(trx, entityRefs);
      const touched = new TouchedChanges();
      changes.forEach(c => touched.addChange(c.entityRef, c.id));
      await this.upsertDeployments(trx, deployments, now, touched);
      await this.upsertChanges(trx, changes, now);
      await this.upsertIncidents(trx, incidents, now);
      await new FirstDeployments(trx, rules.productionEnvironments).update(touched);
    });
    return deployments.length + changes.length + incidents.length;
  }

  /**
   * On PostgreSQL, serializes batches that write deployments or changes of the same entity: a change and the
   * deployment that covers it, written concurrently, would otherwise each miss the other's uncommitted row and leave
   * the change without its first deployment. SQLite has a single writer already. Locks are taken in entity order.
   */
  private async lockEntities(trx: Knex.Transaction, entityRefs: string[]) {
    if (entityRefs.length === 0 || String(this.db.client.config.client).includes('sqlite')) return;
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(e)) FROM unnest(?::text[]) AS e ORDER BY e', [entityRefs]);
  }

  /**
   * Upserts deployments and replaces their commits. A deployment update that finished before the stored one is an
   * older delivery and leaves the stored row and commits alone. Records what it touched, old and new.
   */
  private async upsertDeployments(
    trx: Knex.Transaction,
    deployments: DoraDeploymentRecord[],
    now: number,
    touched: TouchedChanges,
  ) {
    for (const chunk of chunksOf(deployments, INSERT_CHUNK)) {
      const ids = chunk.map(d => d.id);
      const before = await trx('pulse_deployment').whereIn('id', ids).select('id', 'entity_ref', 'finished_at');
      const previous = await trx('pulse_deployment_commit as dc')
        .join('pulse_deployment as d', 'd.id', 'dc.deployment_id')
        .whereIn('dc.deployment_id', ids)
        .select('d.entity_ref', 'dc.sha');
      before.forEach(row => touched.addDeployment(row.entity_ref, Number(row.finished_at)));
      previous.forEach(row => touched.addCommit(row.entity_ref, row.sha));

      await trx('pulse_deployment')
        .insert(
          chunk.map(d => ({
            id: d.id,
            entity_ref: d.entityRef,
            environment: d.environment,
            started_at: d.startedAt,
            finished_at: d.finishedAt,
            status: d.status,
            rework: d.rework,
            updated_at: now,
          })),
        )
        .onConflict('id')
        .merge()
        .where('pulse_deployment.finished_at', '<=', trx.raw('excluded.finished_at'));

      const stored = await trx('pulse_deployment').whereIn('id', ids).select('id', 'finished_at');
      const storedFinish = new Map(stored.map(row => [row.id, Number(row.finished_at)]));
      const written = chunk.filter(d => storedFinish.get(d.id) === d.finishedAt);
      await trx('pulse_deployment_commit')
        .whereIn(
          'deployment_id',
          written.map(d => d.id),
        )
        .delete();
      const commits = written.flatMap(d => [...new Set(d.commits)].map(sha => ({ deployment_id: d.id, sha })));
      for (const rows of chunksOf(commits, INSERT_CHUNK)) {
        await trx('pulse_deployment_commit').insert(rows);
      }
      for (const d of written) {
        touched.addDeployment(d.entityRef, d.finishedAt);
        d.commits.forEach(sha => touched.addCommit(d.entityRef, sha));
      }
    }
  }

  /**
   * Upserts changes by entity and SHA. The commit time and the merge time keep the earliest any source reported, so a
   * later delivery never moves them (a pull request opened on Monday keeps Monday whatever its merge commit says).
   */
  private async upsertChanges(trx: Knex.Transaction, changes: Array<DoraChangeRecord & { mergeIndex: number }>, now: number) {
    const earlierMerge = 'pulse_change.merged_at IS NULL OR excluded.merged_at < pulse_change.merged_at';
    for (const chunk of chunksOf(changes, INSERT_CHUNK)) {
      await trx('pulse_change')
        .insert(
          chunk.map(c => ({
            entity_ref: c.entityRef,
            id: c.id,
            created_at: c.createdAt,
            merged_at: c.mergedAt ?? null,
            merge_index: c.mergeIndex,
            updated_at: now,
          })),
        )
        .onConflict(['entity_ref', 'id'])
        .merge({
          created_at: trx.raw(
            'CASE WHEN excluded.created_at < pulse_change.created_at THEN excluded.created_at ELSE pulse_change.created_at END',
          ),
          merged_at: trx.raw(`CASE WHEN ${earlierMerge} THEN excluded.merged_at ELSE pulse_change.merged_at END`),
          merge_index: trx.raw(`CASE WHEN ${earlierMerge} THEN excluded.merge_index ELSE pulse_change.merge_index END`),
          updated_at: trx.raw('excluded.updated_at'),
        });
    }
  }

  /** Upserts incidents: createdAt keeps the earliest value, absent optional fields keep the stored one. */
  private async upsertIncidents(trx: Knex.Transaction, incidents: DoraIncidentRecord[], now: number) {
    const keepUnlessGiven = (column: string) =>
      trx.raw(`COALESCE(excluded.${column}, pulse_incident.${column})`);
    for (const chunk of chunksOf(incidents, INSERT_CHUNK)) {
      await trx('pulse_incident')
        .insert(
          chunk.map(i => ({
            id: i.id,
            entity_ref: i.entityRef,
            created_at: i.createdAt,
            resolved_at: i.resolvedAt ?? null,
            deployment_id: i.deploymentId ?? null,
            environment: i.environment ?? null,
            description: i.description ?? null,
            updated_at: now,
          })),
        )
        .onConflict('id')
        .merge({
          entity_ref: trx.raw('excluded.entity_ref'),
          created_at: trx.raw(
            'CASE WHEN excluded.created_at < pulse_incident.created_at THEN excluded.created_at ELSE pulse_incident.created_at END',
          ),
          resolved_at: keepUnlessGiven('resolved_at'),
          deployment_id: keepUnlessGiven('deployment_id'),
          environment: keepUnlessGiven('environment'),
          description: keepUnlessGiven('description'),
          updated_at: trx.raw('excluded.updated_at'),
        });
    }
  }

  /** The pooled stats of entities over a window, with the weekly buckets of the trend. */
  async windowStats(scope: DoraQueryScope): Promise<DoraWindowStats> {
    return this.stats.windowStats(scope);
  }

  /** Each entity's stats over a window, without the trend; entities without events are absent. */
  async statsByEntity(scope: DoraQueryScope): Promise<Map<string, DoraPeriodStats>> {
    return this.stats.statsByEntity(scope);
  }
}
