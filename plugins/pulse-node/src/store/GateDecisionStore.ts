import { Knex } from 'knex';
import { GateDecisionInput, GateDecisionRow } from './DecisionTypes';

function toRow(row: any): GateDecisionRow {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    decidedAt: Number(row.decided_at),
    decision: row.decision,
    state: row.state,
    reasons: JSON.parse(row.reasons),
    exception: row.exception_requested
      ? { requested: row.exception_requested, used: Boolean(row.exception_used) }
      : null,
    releaseException:
      row.release_exception_id === null || row.release_exception_id === undefined
        ? null
        : {
            id: Number(row.release_exception_id),
            grantedBy: row.release_exception_granted_by,
            reason: row.release_exception_reason,
          },
    caller: row.caller,
  };
}

/** The audit log of release-gate checks. */
export class GateDecisionStore {
  constructor(private readonly db: Knex) {}

  /** Stores one decision; `db` is the transaction of a check that also used up a one-release exception. */
  async record(input: GateDecisionInput, db: Knex = this.db): Promise<GateDecisionRow> {
    const [row] = await db('pulse_gate_decision')
      .insert({
        entity_ref: input.entityRef.toLocaleLowerCase('en-US'),
        decided_at: input.decidedAt,
        decision: input.decision,
        state: input.state,
        reasons: JSON.stringify(input.reasons),
        exception_requested: input.exception?.requested ?? null,
        exception_used: input.exception?.used ?? false,
        release_exception_id: input.releaseException?.id ?? null,
        release_exception_granted_by: input.releaseException?.grantedBy ?? null,
        release_exception_reason: input.releaseException?.reason ?? null,
        caller: input.caller,
      })
      .returning('*');
    return toRow(row);
  }

  /** An entity's decisions, newest first. */
  async list(entityRef: string, limit: number): Promise<GateDecisionRow[]> {
    const rows = await this.db('pulse_gate_decision')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .orderBy([
        { column: 'decided_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toRow);
  }
}
