import { OncallPageStats } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { OncallStatsQueries } from './OncallStatsQueries';
import { OncallPageRecord, OncallQueryScope } from './OncallTypes';
import { transactionWithRetry } from './transactionWithRetry';

/** Rows per INSERT: SQLite allows at most 500 terms in the compound SELECT knex builds for a multi-row insert. */
const INSERT_CHUNK = 200;

/** The fields a later event of a page may fill while they are empty. */
const FILLABLE = ['acknowledgedAt', 'resolvedAt', 'responderRef', 'source'] as const;

/**
 * The pages of one batch folded by id the way the upsert folds them into stored rows: the first occurrence sets every
 * field, later ones only fill fields it left empty. In id order, so concurrent batches lock rows in one order.
 */
export function foldPages(items: OncallPageRecord[]): OncallPageRecord[] {
  const byId = new Map<string, OncallPageRecord>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (!first) {
      byId.set(item.id, item);
      continue;
    }
    const fills = FILLABLE.filter(field => first[field] === undefined && item[field] !== undefined);
    byId.set(item.id, { ...first, ...Object.fromEntries(fills.map(field => [field, item[field]])) });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : Number(a.id > b.id)));
}

/**
 * On-call pages. Every write is an upsert by the source's id: a retried or later event of a page never counts twice,
 * and a fact once stored (when it was triggered, acknowledged or resolved, who was paged) is never overwritten.
 */
export class OncallRepository {
  private readonly stats: OncallStatsQueries;

  constructor(private readonly db: Knex) {
    this.stats = new OncallStatsQueries(db);
  }

  /** Writes a batch in one transaction (all or nothing) and returns how many distinct pages it wrote. */
  async ingest(items: OncallPageRecord[]): Promise<number> {
    const pages = foldPages(items);
    const now = Date.now();
    const keepStored = (column: string) => this.db.raw(`COALESCE(pulse_oncall_page.${column}, excluded.${column})`);
    await transactionWithRetry(this.db, async trx => {
      for (let i = 0; i < pages.length; i += INSERT_CHUNK) {
        await trx('pulse_oncall_page')
          .insert(
            pages.slice(i, i + INSERT_CHUNK).map(page => ({
              id: page.id,
              entity_ref: page.entityRef,
              triggered_at: page.triggeredAt,
              acknowledged_at: page.acknowledgedAt ?? null,
              resolved_at: page.resolvedAt ?? null,
              urgency: page.urgency,
              responder_ref: page.responderRef ?? null,
              source: page.source ?? null,
              updated_at: now,
            })),
          )
          .onConflict('id')
          .merge({
            acknowledged_at: keepStored('acknowledged_at'),
            resolved_at: keepStored('resolved_at'),
            responder_ref: keepStored('responder_ref'),
            source: keepStored('source'),
            updated_at: trx.raw('excluded.updated_at'),
          });
      }
    });
    return pages.length;
  }

  /** Counts per week and class and the acknowledgement percentiles of the scope's high-urgency pages. */
  async pageStats(scope: OncallQueryScope): Promise<OncallPageStats> {
    return this.stats.pageStats(scope);
  }

  /** Pages per responder, for the fairness figure: the refs must never leave the service. */
  async pagesPerResponder(scope: OncallQueryScope): Promise<Map<string, number>> {
    return this.stats.pagesPerResponder(scope);
  }
}
