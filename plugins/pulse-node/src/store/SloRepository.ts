import { ConflictError } from '@backstage/errors';
import {
  SLO_SHARED_SAMPLES_KEY,
  SloDefinition,
  SloSampleForm,
  SloSource,
  isCompositeSlo,
  sloObjectiveKey,
  sloObjectiveSampleForm,
  sloSampleForm,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { SloRollupRepository } from './SloRollupRepository';
import { SloSumsRepository } from './SloSumsRepository';

/** A stored SLO definition with its row id (the key of its samples). */
export interface SloRecord {
  id: number;
  entityRef: string;
  name: string;
  description?: string;
  source: SloSource;
  sourceLocation?: string;
  createdAt: number;
  updatedAt: number;
  definition: SloDefinition;
}

/** One raw SLI sample: event counts for the interval starting at `ts` (epoch ms). */
export interface SliSampleRow {
  sloId: number;
  /** Composite SLOs: the objective's key (`sloObjectiveKey`); omitted for other SLOs. */
  objective?: string;
  ts: number;
  good: number;
  total: number;
}

/** One raw threshold SLI value measured at `ts` (epoch ms); its objective decides whether it is good. */
export interface SliValueRow {
  sloId: number;
  /** Composite SLOs: the objective's key (`sloObjectiveKey`); omitted for other SLOs. */
  objective?: string;
  ts: number;
  value: number;
}

/** Rows per INSERT: knex writes a SQLite multi-row insert as a compound SELECT, which SQLite caps at 500 terms. */
const SAMPLE_CHUNK = 500;

/** (entity, name) pairs per lookup: two bindings each, well within both databases' parameter limits. */
const LOOKUP_CHUNK = 1000;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Code-unit order, the same in every locale (the lock order of writes). */
const compareText = (a: string, b: string) => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};

function toRecord(row: any): SloRecord {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    source: row.source,
    ...(row.source_location ? { sourceLocation: row.source_location } : {}),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    definition: JSON.parse(row.definition),
  };
}

/** SLO definitions and SLI samples; the window sums and the roll-up live in their own repositories. */
export class SloRepository {
  /** Sums of samples over windows, lookbacks, days and time slices. */
  readonly sums: SloSumsRepository;
  /** Hourly and daily roll-up of old samples. */
  readonly rollup: SloRollupRepository;

  constructor(private readonly db: Knex) {
    this.sums = new SloSumsRepository(db);
    this.rollup = new SloRollupRepository(db);
  }

  /** The names of the SLOs defined for an entity. */
  async listSloNames(entityRef: string): Promise<string[]> {
    const rows = await this.db('pulse_slo').where({ entity_ref: lower(entityRef) }).orderBy('name').select('name');
    return rows.map(r => r.name);
  }

  /** The SLOs of an entity, by name. */
  async listSlos(entityRef: string): Promise<SloRecord[]> {
    const rows = await this.db('pulse_slo').where({ entity_ref: lower(entityRef) }).orderBy('name');
    return rows.map(toRecord);
  }

  /** Every SLO's id and definition (the roll-up job needs the longest window in use). */
  async listAllDefinitions(): Promise<Array<{ id: number; definition: SloDefinition }>> {
    const rows = await this.db('pulse_slo').select('id', 'definition').orderBy('id');
    return rows.map(r => ({ id: Number(r.id), definition: JSON.parse(r.definition) }));
  }

  /** One SLO of an entity, or undefined. */
  async getSlo(entityRef: string, name: string): Promise<SloRecord | undefined> {
    const row = await this.db('pulse_slo').where({ entity_ref: lower(entityRef), name }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Creates or replaces an entity's SLO by `metadata.name`; the row (and so its samples) survives a replace. */
  async upsertSlo(options: {
    entityRef: string;
    definition: SloDefinition;
    source: SloSource;
    sourceLocation?: string;
    now: number;
  }): Promise<{ slo: SloRecord; created: boolean }> {
    const entityRef = lower(options.entityRef);
    const name = options.definition.metadata.name;
    return this.db.transaction(async trx => {
      const existing = await trx('pulse_slo').where({ entity_ref: entityRef, name }).first('id');
      const values = {
        description: options.definition.spec.description ?? null,
        definition: JSON.stringify(options.definition),
        source: options.source,
        source_location: options.sourceLocation ?? null,
        updated_at: options.now,
      };
      await trx('pulse_slo')
        .insert({ entity_ref: entityRef, name, created_at: options.now, ...values })
        .onConflict(['entity_ref', 'name'])
        .merge(Object.keys(values));
      const row = await trx('pulse_slo').where({ entity_ref: entityRef, name }).first();
      return { slo: toRecord(row), created: !existing };
    });
  }

  /** Deletes an SLO with its samples and roll-ups; false when there was none. */
  async deleteSlo(entityRef: string, name: string): Promise<boolean> {
    return this.db.transaction(async trx => {
      const row = await trx('pulse_slo').where({ entity_ref: lower(entityRef), name }).first('id');
      if (!row) return false;
      await this.deleteById(trx, [Number(row.id)]);
      return true;
    });
  }

  /** Deletes an entity's SLOs of one source except the named ones (annotation discovery prunes with this). */
  async deleteSlosExcept(entityRef: string, source: SloSource, keepNames: string[]): Promise<string[]> {
    return this.db.transaction(async trx => {
      const rows = await trx('pulse_slo')
        .where({ entity_ref: lower(entityRef), source })
        .whereNotIn('name', keepNames)
        .select('id', 'name');
      await this.deleteById(trx, rows.map(r => Number(r.id)));
      return rows.map(r => r.name);
    });
  }

  /** The ids of (entity, SLO name) pairs that exist, keyed by `sloKey(entityRef, name)`. */
  async findSloIds(pairs: Array<{ entityRef: string; name: string }>): Promise<Map<string, number>> {
    const unique = [...new Map(pairs.map(p => [sloKey(p.entityRef, p.name), [lower(p.entityRef), p.name]])).values()];
    const ids = new Map<string, number>();
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const rows = await this.db('pulse_slo')
        .whereIn(['entity_ref', 'name'], unique.slice(i, i + LOOKUP_CHUNK))
        .select('id', 'entity_ref', 'name');
      for (const row of rows) ids.set(sloKey(row.entity_ref, row.name), Number(row.id));
    }
    return ids;
  }

  /**
   * The ids of (entity, SLO name) pairs that exist with what their samples carry, keyed like `findSloIds`; for a
   * composite SLO also what each objective's samples carry, by objective key.
   */
  async findSloSampleForms(
    pairs: Array<{ entityRef: string; name: string }>,
  ): Promise<Map<string, SloSampleForms>> {
    const unique = [...new Map(pairs.map(p => [sloKey(p.entityRef, p.name), [lower(p.entityRef), p.name]])).values()];
    const found = new Map<string, SloSampleForms>();
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const rows = await this.db('pulse_slo')
        .whereIn(['entity_ref', 'name'], unique.slice(i, i + LOOKUP_CHUNK))
        .select('id', 'entity_ref', 'name', 'definition');
      for (const row of rows) {
        found.set(sloKey(row.entity_ref, row.name), sampleFormsOf(Number(row.id), JSON.parse(row.definition)));
      }
    }
    return found;
  }

  /** The start of each SLO's latest raw sample (SLI sources resume there); SLOs without samples are absent. */
  async latestSampleTimes(sloIds: number[]): Promise<Map<number, number>> {
    const latest = new Map<number, number>();
    for (let i = 0; i < sloIds.length; i += LOOKUP_CHUNK) {
      for (const table of ['pulse_sli_sample', 'pulse_sli_value']) {
        const rows = await this.db(table)
          .whereIn('slo_id', sloIds.slice(i, i + LOOKUP_CHUNK))
          .groupBy('slo_id')
          .select('slo_id', this.db.raw('MAX(ts) as latest'));
        for (const row of rows) latest.set(Number(row.slo_id), Math.max(Number(row.latest), latest.get(Number(row.slo_id)) ?? -Infinity));
      }
    }
    return latest;
  }

  /**
   * The start of each objective's latest raw sample, per SLO and objective key (a composite SLO's objectives are
   * filled one by one; other SLOs have the one key SLO_SHARED_SAMPLES_KEY).
   */
  async latestObjectiveSampleTimes(sloIds: number[]): Promise<Map<number, Map<string, number>>> {
    const latest = new Map<number, Map<string, number>>();
    for (let i = 0; i < sloIds.length; i += LOOKUP_CHUNK) {
      for (const table of ['pulse_sli_sample', 'pulse_sli_value']) {
        const rows = await this.db(table)
          .whereIn('slo_id', sloIds.slice(i, i + LOOKUP_CHUNK))
          .groupBy('slo_id', 'objective')
          .select('slo_id', 'objective', this.db.raw('MAX(ts) as latest'));
        for (const row of rows) {
          const perSlo = latest.get(Number(row.slo_id)) ?? new Map<string, number>();
          perSlo.set(row.objective, Math.max(Number(row.latest), perSlo.get(row.objective) ?? -Infinity));
          latest.set(Number(row.slo_id), perSlo);
        }
      }
    }
    return latest;
  }

  /**
   * Writes samples in one transaction (all or nothing). The same (SLO, ts) replaces the stored sample, and within
   * one call the last one wins. A sample in an hour already rolled up could no longer replace what was summed, so
   * it fails the whole call with a ConflictError. Threshold SLI values (`values`) are written alike, in the same
   * transaction.
   */
  async writeSamples(samples: SliSampleRow[], values: SliValueRow[] = []): Promise<number> {
    const byKey = <T extends { slo_id: number; objective: string; ts: number }>(items: T[]) =>
      [...new Map(items.map(r => [JSON.stringify([r.slo_id, r.objective, r.ts]), r])).values()].sort(
        // one lock order, so concurrent batches cannot deadlock
        (a, b) => a.slo_id - b.slo_id || compareText(a.objective, b.objective) || a.ts - b.ts,
      );
    const objective = (row: { objective?: string }) => row.objective ?? SLO_SHARED_SAMPLES_KEY;
    const rows = byKey(
      samples.map(s => ({ slo_id: s.sloId, objective: objective(s), ts: s.ts, good: s.good, total: s.total })),
    );
    const valueRows = byKey(values.map(v => ({ slo_id: v.sloId, objective: objective(v), ts: v.ts, value: v.value })));
    await this.db.transaction(async trx => {
      const written = [...rows, ...valueRows];
      const rolledUpUntil = await this.rollup.rolledUpUntil(trx, [...new Set(written.map(r => r.slo_id))].sort((a, b) => a - b));
      const closed = written.filter(r => r.ts < (rolledUpUntil.get(r.slo_id) ?? -Infinity));
      if (closed.length > 0) {
        const until = new Date(rolledUpUntil.get(closed[0].slo_id)!).toISOString();
        throw new ConflictError(
          `${closed.length} sample(s) fall before ${until}, where the SLO's samples are already rolled up into ` +
            'hourly sums and can no longer be replaced',
        );
      }
      for (let i = 0; i < rows.length; i += SAMPLE_CHUNK) {
        await trx('pulse_sli_sample')
          .insert(rows.slice(i, i + SAMPLE_CHUNK))
          .onConflict(['slo_id', 'objective', 'ts'])
          .merge(['good', 'total']);
      }
      for (let i = 0; i < valueRows.length; i += SAMPLE_CHUNK) {
        await trx('pulse_sli_value')
          .insert(valueRows.slice(i, i + SAMPLE_CHUNK))
          .onConflict(['slo_id', 'objective', 'ts'])
          .merge(['value']);
      }
    });
    return rows.length + valueRows.length;
  }

  private async deleteById(trx: Knex.Transaction, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    // Explicit, as SQLite enforces ON DELETE CASCADE only with foreign keys switched on.
    await trx('pulse_sli_sample').whereIn('slo_id', ids).delete();
    await trx('pulse_sli_value').whereIn('slo_id', ids).delete();
    await trx('pulse_sli_rollup').whereIn('slo_id', ids).delete();
    await trx('pulse_slo').whereIn('id', ids).delete();
  }
}

/** An SLO's id and what its samples carry; `objectives` (form by objective key) only for a composite SLO. */
export interface SloSampleForms {
  id: number;
  form: SloSampleForm;
  objectives?: Map<string, SloSampleForm>;
}

function sampleFormsOf(id: number, definition: SloDefinition): SloSampleForms {
  if (!isCompositeSlo(definition)) return { id, form: sloSampleForm(definition) };
  const objectives = new Map(
    definition.spec.objectives.map((o, i) => [sloObjectiveKey(definition, i), sloObjectiveSampleForm(definition, o)]),
  );
  return { id, form: sloSampleForm(definition), objectives };
}

/** The key `findSloIds` answers with. */
export function sloKey(entityRef: string, name: string): string {
  return `${lower(entityRef)}\n${name}`;
}
