import { IncidentBudgetSpend } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { IncidentReviewRow, IncidentReviewScope, IncidentToAssess } from './DecisionTypes';
import { rawSql, selectRows, sql, SqlFragment } from './DoraSql';

/** The learnings of an incident as stored; `updatedAt` in epoch milliseconds. */
export interface StoredIncidentLearnings {
  text: string;
  updatedBy: string;
  updatedAt: number;
}

/** What a postmortem/learnings edit changes: absent keys stay as they are, null clears. */
export interface IncidentFollowUpChange {
  postmortemUrl?: string | null;
  learnings?: StoredIncidentLearnings | null;
}

/** An incident's postmortem and learnings after an edit. */
export interface IncidentFollowUpRow {
  id: string;
  entityRef: string;
  postmortemUrl: string | null;
  postmortemRequired: boolean;
  learnings: StoredIncidentLearnings | null;
}

/** Ids per IN list. */
const IN_CHUNK = 500;

/** Incidents without an environment count as production ones, as in the DORA metrics. */
const isProductionIncident = (environments: string[]) =>
  sql`(i.environment IS NULL OR LOWER(i.environment) IN ${environments})`;

/**
 * Incidents with their causing deployment: the one the source names, or else (as the DORA change failure rate
 * attributes them) the entity's latest successful production deployment that finished within the attribution window
 * before the incident.
 */
const incidentsWithDeployment = (scope: Omit<IncidentReviewScope, 'from' | 'to'>, where: SqlFragment) => sql`
  SELECT x.*, dep.finished_at AS deployment_finished_at
  FROM (
    SELECT i.id, i.entity_ref, i.description, i.created_at, i.resolved_at, i.deployment_id, i.postmortem_url,
      i.postmortem_required, i.budget_share, i.learnings, i.learnings_updated_by, i.learnings_updated_at,
      (SELECT d.id FROM pulse_deployment d
        WHERE i.deployment_id IS NULL AND d.entity_ref = i.entity_ref AND d.status = 'success'
          AND LOWER(d.environment) IN ${scope.productionEnvironments}
          AND d.finished_at <= i.created_at AND d.finished_at >= i.created_at - ${scope.incidentAttributionWindowMs}
        ORDER BY d.finished_at DESC, d.id DESC LIMIT 1) AS attributed_id
    FROM pulse_incident i
    WHERE ${isProductionIncident(scope.productionEnvironments)} AND ${where}
  ) x
  LEFT JOIN pulse_deployment dep ON dep.id = COALESCE(x.deployment_id, x.attributed_id)
  ORDER BY x.created_at, x.id`;

const optionalNumber = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));

/** The stored learnings of a row, if any were written. */
function learningsOf(row: any): IncidentReviewRow['learnings'] {
  if (row.learnings === null || row.learnings === undefined) return undefined;
  return { text: row.learnings, updatedBy: row.learnings_updated_by, updatedAt: Number(row.learnings_updated_at) };
}

function deploymentOf(row: any): IncidentReviewRow['deployment'] {
  const id = row.deployment_id ?? row.attributed_id;
  if (!id) return undefined;
  const finishedAt = optionalNumber(row.deployment_finished_at);
  return { id, ...(finishedAt !== undefined ? { finishedAt } : {}), linked: row.deployment_id ? 'explicit' : 'attributed' };
}

/** What incidents spent of their SLOs' budgets, their postmortems, and the rows of the monthly review. */
export class IncidentBudgetStore {
  constructor(private readonly db: Knex) {}

  /**
   * Incidents created in [from, to) (of these entities, when given) whose spend is unknown or stale: never computed,
   * computed before the incident was last updated, or still open.
   */
  async incidentsToAssess(filter: { from: number; to: number; entityRefs?: string[] }): Promise<IncidentToAssess[]> {
    const query = this.db('pulse_incident')
      .where('created_at', '>=', filter.from)
      .andWhere('created_at', '<', filter.to)
      .andWhere(q =>
        q
          .whereNull('budget_evaluated_at')
          .orWhereNull('resolved_at')
          .orWhereRaw('budget_evaluated_at < updated_at'),
      )
      .select('id', 'entity_ref', 'created_at', 'resolved_at')
      .orderBy('created_at');
    if (filter.entityRefs) query.whereIn('entity_ref', filter.entityRefs);
    const rows = await query;
    return rows.map(r => ({
      id: r.id,
      entityRef: r.entity_ref,
      createdAt: Number(r.created_at),
      ...(r.resolved_at !== null ? { resolvedAt: Number(r.resolved_at) } : {}),
    }));
  }

  /** Replaces what an incident spent and whether it needs a postmortem. */
  async saveAssessment(
    incidentId: string,
    assessment: { spends: IncidentBudgetSpend[]; postmortemRequired: boolean; now: number },
  ): Promise<void> {
    const { spends, postmortemRequired, now } = assessment;
    await this.db.transaction(async trx => {
      await trx('pulse_incident_budget').where('incident_id', incidentId).delete();
      if (spends.length > 0) {
        await trx('pulse_incident_budget').insert(
          spends.map(s => ({ incident_id: incidentId, slo_name: s.slo, objective: s.objective, share: s.share })),
        );
      }
      await trx('pulse_incident')
        .where('id', incidentId)
        .update({
          budget_share: spends.length > 0 ? Math.max(...spends.map(s => s.share)) : null,
          postmortem_required: postmortemRequired,
          budget_evaluated_at: now,
        });
    });
  }

  /** The entity an incident belongs to, or undefined when there is no such incident (who may link its postmortem). */
  async entityRefOf(incidentId: string): Promise<string | undefined> {
    const row = await this.db('pulse_incident').where('id', incidentId).first('entity_ref');
    return row?.entity_ref;
  }

  /**
   * Links or unlinks a postmortem and writes or clears the learnings, whichever the change names (null clears);
   * undefined when there is no such incident. Only this writes these columns: ingestion leaves them alone.
   */
  async updateFollowUp(incidentId: string, change: IncidentFollowUpChange): Promise<IncidentFollowUpRow | undefined> {
    const columns: Record<string, unknown> = {};
    if (change.postmortemUrl !== undefined) columns.postmortem_url = change.postmortemUrl;
    if (change.learnings !== undefined) {
      columns.learnings = change.learnings?.text ?? null;
      columns.learnings_updated_by = change.learnings?.updatedBy ?? null;
      columns.learnings_updated_at = change.learnings?.updatedAt ?? null;
    }
    if (Object.keys(columns).length > 0) await this.db('pulse_incident').where('id', incidentId).update(columns);
    const row = await this.db('pulse_incident').where('id', incidentId).first(
      'id',
      'entity_ref',
      'postmortem_url',
      'postmortem_required',
      'learnings',
      'learnings_updated_by',
      'learnings_updated_at',
    );
    if (!row) return undefined;
    const learnings = learningsOf(row);
    return {
      id: row.id,
      entityRef: row.entity_ref,
      postmortemUrl: row.postmortem_url ?? null,
      postmortemRequired: Boolean(row.postmortem_required),
      learnings: learnings ?? null,
    };
  }

  /** The production incidents created in the scope's window, oldest first. */
  async review(scope: IncidentReviewScope): Promise<IncidentReviewRow[]> {
    const entities = scope.entityRefs ? sql` AND i.entity_ref IN ${scope.entityRefs}` : rawSql('');
    return this.reviewRows(scope, sql`i.created_at >= ${scope.from} AND i.created_at < ${scope.to}${entities}`);
  }

  /** An entity's required postmortems not yet linked, oldest first. */
  async outstanding(
    entityRef: string,
    rules: Omit<IncidentReviewScope, 'from' | 'to' | 'entityRefs'>,
  ): Promise<IncidentReviewRow[]> {
    return this.reviewRows(
      rules,
      sql`i.entity_ref = ${entityRef.toLocaleLowerCase('en-US')} AND i.postmortem_required = TRUE AND i.postmortem_url IS NULL`,
    );
  }

  private async reviewRows(
    rules: Omit<IncidentReviewScope, 'from' | 'to'>,
    where: SqlFragment,
  ): Promise<IncidentReviewRow[]> {
    const rows = await selectRows<any>(this.db, incidentsWithDeployment(rules, where));
    const spends = await this.spendsOf(rows.map(r => r.id));
    return rows.map(row => {
      const resolvedAt = optionalNumber(row.resolved_at);
      const deployment = deploymentOf(row);
      const learnings = learningsOf(row);
      return {
        id: row.id,
        entityRef: row.entity_ref,
        ...(row.description ? { description: row.description } : {}),
        createdAt: Number(row.created_at),
        ...(resolvedAt !== undefined ? { resolvedAt } : {}),
        ...(deployment ? { deployment } : {}),
        ...(row.postmortem_url ? { postmortemUrl: row.postmortem_url } : {}),
        postmortemRequired: Boolean(row.postmortem_required),
        budgetShare: optionalNumber(row.budget_share) ?? null,
        budgetSpent: spends.get(row.id) ?? [],
        ...(learnings ? { learnings } : {}),
      };
    });
  }

  private async spendsOf(incidentIds: string[]): Promise<Map<string, IncidentBudgetSpend[]>> {
    const spends = new Map<string, IncidentBudgetSpend[]>();
    for (let i = 0; i < incidentIds.length; i += IN_CHUNK) {
      const rows = await this.db('pulse_incident_budget')
        .whereIn('incident_id', incidentIds.slice(i, i + IN_CHUNK))
        .orderBy([{ column: 'share', order: 'desc' }, 'slo_name', 'objective']);
      for (const row of rows) {
        const list = spends.get(row.incident_id) ?? [];
        list.push({ slo: row.slo_name, objective: row.objective, share: Number(row.share) });
        spends.set(row.incident_id, list);
      }
    }
    return spends;
  }
}
