import { Knex } from 'knex';
import { GateDecisionInput, GateDecisionRow, ReleaseExceptionRow } from './DecisionTypes';
import { GateDecisionStore } from './GateDecisionStore';
import { ReleaseExceptionStore } from './ReleaseExceptionStore';

/**
 * A gate check stored in one transaction with the one-release exception it uses up: either both are written or
 * neither, so a grant is never spent on a decision that was not recorded.
 */
export class GateCheckStore {
  constructor(
    private readonly db: Knex,
    private readonly decisions: GateDecisionStore,
    private readonly exceptions: ReleaseExceptionStore,
  ) {}

  /**
   * Records a check. With `useException`, first uses up the entity's oldest active exception (if a concurrent check
   * took the last one, none); `decide` then builds the decision knowing which grant, if any, it got.
   */
  async record(options: {
    entityRef: string;
    nowMs: number;
    caller: string;
    useException: boolean;
    decide: (grant: ReleaseExceptionRow | undefined) => GateDecisionInput;
  }): Promise<{ row: GateDecisionRow; grant?: ReleaseExceptionRow }> {
    return this.db.transaction(async trx => {
      const grant = options.useException
        ? await this.exceptions.consumeOldest(options.entityRef, options.nowMs, options.caller, trx)
        : undefined;
      const row = await this.decisions.record(options.decide(grant), trx);
      return { row, ...(grant ? { grant } : {}) };
    });
  }
}
