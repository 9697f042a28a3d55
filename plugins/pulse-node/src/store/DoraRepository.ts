import {
  DoraPeriodStats,
  DoraWindowStats,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { sql } from './DoraSql';
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
/** Values per IN list. */
const IN_CHUNK = 500;

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
  async ingest(batch: DoraEventBatch, rules: DoraCountingRules): Promise<number> {
    const deployments = lastById(batch.deployments ?? []);
    const changes = lastById(batch.changes ?? []);
    const incidents = foldIncidents(batch.incidents ?? []);
    const now = Date.now();

    await transactionWithRetry(this.db, async trx => {
      const touchedShas = new Set<string>(changes.map(c => c.id));
      for (const sha of await this.upsertDeployments(trx, deployments, now)) touchedShas.add(sha);
      await this.upsertChanges(trx, changes, now);
      await this.upsertIncidents(trx, incidents, now);
      await this.updateFirstDeployments(trx, [...touchedShas].sort(), rules.productionEnvironments);
    });
    return deployments.length + changes.length + incidents.length;
  }

  /** Upserts deployments and replaces their commits; returns every SHA they ship now or shipped before. */
  private async upsertDeployments(trx: Knex.Transaction, deployments: DoraDeploymentRecord[], now: number) {
    const shas = new Set<string>();
    for (const chunk of chunksOf(deployments, INSERT_CHUNK)) {
      const ids = chunk.map(d => d.id);
      const previous = await trx('pulse_deployment_commit').whereIn('deployment_id', ids).select('sha');
      previous.forEach(row => shas.add(row.sha));

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
        .merge();
      await trx('pulse_deployment_commit').whereIn('deployment_id', ids).delete();

      const commits = chunk.flatMap(d => [...new Set(d.commits)].map(sha => ({ deployment_id: d.id, sha })));
      commits.forEach(c => shas.add(c.sha));
      for (const rows of chunksOf(commits, INSERT_CHUNK)) {
        await trx('pulse_deployment_commit').insert(rows);
      }
    }
    return shas;
  }

  private async upsertChanges(trx: Knex.Transaction, changes: DoraChangeRecord[], now: number) {
    for (const chunk of chunksOf(changes, INSERT_CHUNK)) {
      await trx('pulse_change')
        .insert(
          chunk.map(c => ({
            id: c.id,
            entity_ref: c.entityRef,
            created_at: c.createdAt,
            merged_at: c.mergedAt ?? null,
            updated_at: now,
          })),
        )
        .onConflict('id')
        .merge(['entity_ref', 'created_at', 'merged_at', 'updated_at']);
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

  /**
   * Recomputes when each of these changes first reached production: the earliest successful production deployment of
   * the same entity that lists its SHA. Stored on the change so lead time is one indexed range query.
   */
  private async updateFirstDeployments(trx: Knex.Transaction, shas: string[], productionEnvironments: string[]) {
    const isProduction = sql`LOWER(d.environment) IN ${productionEnvironments}`;
    for (const chunk of chunksOf(shas, IN_CHUNK)) {
      const firstDeployment = trx('pulse_deployment_commit as dc')
        .join('pulse_deployment as d', 'd.id', 'dc.deployment_id')
        .whereRaw('dc.sha = pulse_change.id')
        .andWhereRaw('d.entity_ref = pulse_change.entity_ref')
        .andWhere('d.status', 'success')
        .andWhereRaw(isProduction.text, isProduction.values)
        .min('d.finished_at');
      await trx('pulse_change').whereIn('id', chunk).update({ first_deployed_at: firstDeployment });
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
