import { randomInt, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import type { SurveyAnswerRecord } from './SurveyResponseStore';
import { transactionWithRetry } from './transactionWithRetry';

type Row = Record<string, any>;

/** A response on its way into the response tables: where it was given and what it says. */
interface ReleasedResponse {
  entityRef: string;
  groupRef: string | null;
  answers: SurveyAnswerRecord[];
}

/** Rows per INSERT: well under every bind-parameter limit. */
const CHUNK = 300;

/** Fisher-Yates with a cryptographic source: the order of a batch says nothing about the order of answering. */
function shuffled<T>(items: T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

const leafKey = (entityRef: string, groupRef: string | null) => `${entityRef}\u0000${groupRef ?? ''}`;

/**
 * Moves answers from the pending pool into the response tables. Every release is one transaction that writes no
 * participation row; responses get fresh random ids (not the pending ids) and are inserted in a random order.
 *
 * - While a round is open, the pending answers of a leaf of the audience tree (an entity under its owning group) are
 *   released once there are at least `minimum` of them, so every shown count moves by a batch, never by one answer.
 * - When a round closes, the remainder is released together with every response released before, all rewritten
 *   under new ids in one shuffled batch: on PostgreSQL they then share one `xmin`, on SQLite their keys are random.
 */
export class SurveyReleaseStore {
  constructor(private readonly db: Knex) {}

  private get isSqlite(): boolean {
    return String(this.db.client.config.client).includes('sqlite');
  }

  /** On SQLite, deleted pending answers and participation rows are overwritten with zeros, not left in free pages. */
  async secureDelete(tx: Knex): Promise<void> {
    if (this.isSqlite) await tx.raw('PRAGMA secure_delete = ON');
  }

  /** Pending answers of a round, for tests and for the operator: how many wait in the pool. */
  async pendingCount(roundId: number): Promise<number> {
    const row = await this.db('pulse_survey_pending').where('round_id', roundId).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  /**
   * Puts one answer in the pending pool and rewrites the answers already waiting in its leaf with it, in one
   * transaction and in a random order under fresh ids. Inserted one by one, pending rows would carry the write order
   * of participation (on PostgreSQL consecutive `xmin`s and heap positions), so a backup taken while the round is
   * open would pair each waiting answer with its author; rewritten, the leaf's waiting answers share one `xmin` and
   * their physical order is random. The rows of the leaf are locked, so concurrent answers on it take turns.
   */
  async addPending(leaf: { roundId: number; entityRef: string; groupRef: string | null }, answers: string): Promise<void> {
    await transactionWithRetry(this.db, async tx => {
      const query = tx('pulse_survey_pending')
        .where({ round_id: leaf.roundId, entity_ref: leaf.entityRef })
        .where(q => (leaf.groupRef === null ? q.whereNull('group_ref') : q.where('group_ref', leaf.groupRef)))
        .orderBy('id') // one locking order for concurrent answers on the leaf: no deadlock between them
        .select('id', 'answers');
      const waiting: Row[] = this.isSqlite ? await query : await query.forUpdate();
      await this.takePending(tx, waiting);
      const rows = shuffled([...waiting.map(row => row.answers as string), answers]).map(text => ({
        id: randomUUID(),
        round_id: leaf.roundId,
        entity_ref: leaf.entityRef,
        group_ref: leaf.groupRef,
        answers: text,
      }));
      for (let i = 0; i < rows.length; i += CHUNK) await tx('pulse_survey_pending').insert(rows.slice(i, i + CHUNK));
    });
  }

  /** Releases every leaf of the round that holds at least `minimum` pending answers; returns how many were released. */
  async releaseFullLeaves(roundId: number, minimum: number): Promise<number> {
    // A cheap look first: most answers complete no leaf.
    const full = await this.db('pulse_survey_pending')
      .where('round_id', roundId)
      .groupBy('entity_ref', 'group_ref')
      .havingRaw('count(*) >= ?', [minimum])
      .select('entity_ref');
    if (full.length === 0) return 0;
    return transactionWithRetry(this.db, async tx => {
      // Counted again under the lock: a concurrent release may have taken some of the rows meanwhile.
      const byLeaf = new Map<string, Row[]>();
      for (const row of await this.lockedPending(tx, roundId)) {
        const key = leafKey(row.entity_ref, row.group_ref ?? null);
        byLeaf.set(key, [...(byLeaf.get(key) ?? []), row]);
      }
      const pending = [...byLeaf.values()].filter(leaf => leaf.length >= minimum).flat();
      await this.takePending(tx, pending);
      await this.insertResponses(tx, roundId, pending.map(toReleased));
      return pending.length;
    });
  }

  /**
   * Releases the rest of a closed round's pending answers, shuffled with everything released before: the round's
   * responses are rewritten in one transaction under new ids and in a random order.
   */
  async releaseAll(roundId: number): Promise<number> {
    return transactionWithRetry(this.db, async tx => {
      const pending = await this.lockedPending(tx, roundId);
      await this.takePending(tx, pending);
      await this.countLate(tx, roundId, pending);
      const released: Row[] = await tx('pulse_survey_response').where('round_id', roundId).select('id', 'entity_ref', 'group_ref');
      const answers: Row[] = await tx('pulse_survey_answer')
        .whereIn('response_id', tx('pulse_survey_response').where('round_id', roundId).select('id'))
        .select('response_id', 'question_id', 'value_number', 'choice', 'value_text');
      const answersOf = new Map<string, SurveyAnswerRecord[]>();
      for (const a of answers) {
        const list = answersOf.get(a.response_id) ?? [];
        list.push({
          questionId: a.question_id,
          ...(a.value_number !== null ? { valueNumber: Number(a.value_number) } : {}),
          ...(a.choice !== null ? { choice: a.choice } : {}),
          ...(a.value_text !== null ? { valueText: a.value_text } : {}),
        });
        answersOf.set(a.response_id, list);
      }
      await tx('pulse_survey_answer')
        .whereIn('response_id', tx('pulse_survey_response').where('round_id', roundId).select('id'))
        .delete();
      await tx('pulse_survey_response').where('round_id', roundId).delete();
      const all = [
        ...released.map(r => ({ entityRef: r.entity_ref, groupRef: r.group_ref ?? null, answers: answersOf.get(r.id) ?? [] })),
        ...pending.map(toReleased),
      ];
      await this.insertResponses(tx, roundId, all);
      return pending.length;
    });
  }

  /** Counts the answers released at close per leaf (a rerun finds the pool empty and counts nothing). */
  private async countLate(tx: Knex.Transaction, roundId: number, pending: Row[]): Promise<void> {
    const late = new Map<string, { entity_ref: string; group_ref: string; answers: number }>();
    for (const row of pending) {
      const key = leafKey(row.entity_ref, row.group_ref ?? null);
      const leaf = late.get(key) ?? { entity_ref: row.entity_ref, group_ref: row.group_ref ?? '', answers: 0 };
      leaf.answers++;
      late.set(key, leaf);
    }
    const rows = [...late.values()].map(leaf => ({ round_id: roundId, ...leaf }));
    for (let i = 0; i < rows.length; i += CHUNK) await tx('pulse_survey_late').insert(rows.slice(i, i + CHUNK));
  }

  /** Answers released at close, per round and leaf. */
  async lateCounts(roundIds: number[]): Promise<Array<{ roundId: number; entityRef: string; groupRef: string | null; respondents: number }>> {
    if (roundIds.length === 0) return [];
    const rows: Row[] = await this.db('pulse_survey_late').whereIn('round_id', roundIds);
    return rows.map(r => ({
      roundId: Number(r.round_id),
      entityRef: r.entity_ref,
      groupRef: r.group_ref === '' ? null : r.group_ref,
      respondents: Number(r.answers),
    }));
  }

  /** The round's pending rows, locked against a concurrent release on PostgreSQL (SQLite serializes writers). */
  private async lockedPending(tx: Knex.Transaction, roundId: number): Promise<Row[]> {
    // Locked in id order, as addPending locks a leaf's rows: concurrent answers and releases cannot deadlock.
    const query = tx('pulse_survey_pending')
      .where('round_id', roundId)
      .orderBy('id')
      .select('id', 'entity_ref', 'group_ref', 'answers');
    return this.isSqlite ? query : query.forUpdate();
  }

  /** Deletes the pending rows being released; a concurrent release that took them first aborts this one. */
  private async takePending(tx: Knex.Transaction, pending: Row[]): Promise<void> {
    await this.secureDelete(tx);
    let deleted = 0;
    for (let i = 0; i < pending.length; i += CHUNK) {
      deleted += await tx('pulse_survey_pending')
        .whereIn('id', pending.slice(i, i + CHUNK).map(row => row.id))
        .delete();
    }
    if (deleted !== pending.length) throw new Error('Survey answers were released concurrently; try again');
  }

  private async insertResponses(tx: Knex.Transaction, roundId: number, responses: ReleasedResponse[]): Promise<void> {
    const rows = shuffled(responses).map(response => ({ id: randomUUID(), response }));
    const responseRows = rows.map(({ id, response }) => ({
      id,
      round_id: roundId,
      entity_ref: response.entityRef,
      group_ref: response.groupRef,
    }));
    const answerRows = rows.flatMap(({ id, response }) => {
      const seqOf = new Map<string, number>();
      return response.answers.map(a => {
        const seq = seqOf.get(a.questionId) ?? 0;
        seqOf.set(a.questionId, seq + 1);
        return {
          response_id: id,
          question_id: a.questionId,
          seq,
          value_number: a.valueNumber ?? null,
          choice: a.choice ?? null,
          value_text: a.valueText ?? null,
        };
      });
    });
    for (let i = 0; i < responseRows.length; i += CHUNK) {
      await tx('pulse_survey_response').insert(responseRows.slice(i, i + CHUNK));
    }
    for (let i = 0; i < answerRows.length; i += CHUNK) {
      await tx('pulse_survey_answer').insert(answerRows.slice(i, i + CHUNK));
    }
  }
}

function toReleased(row: Row): ReleasedResponse {
  return { entityRef: row.entity_ref, groupRef: row.group_ref ?? null, answers: JSON.parse(row.answers) };
}
