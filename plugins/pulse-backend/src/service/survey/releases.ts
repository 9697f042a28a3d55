import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';
import { SurveyRoundRecord } from './rounds';

/**
 * Moves answers out of the pending pool, and ends a closed round's per-person records.
 *
 * - After each answer, in `batched` mode: every leaf (entity under its owning group) holding at least
 *   `minRespondents` pending answers is released in one shuffled batch.
 * - When a round has closed: the rest are released, shuffled with everything released before, then who took part is
 *   reduced to members and participants per group and the per-person rows are deleted.
 */
export class SurveyReleases {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly catalog: SurveyCatalog,
    private readonly thresholds: SurveyThresholds,
  ) {}

  /**
   * Releases the round's full leaves in `batched` mode; returns how many answers were released. In `closed` mode
   * every answer waits for the close: all of them then come out together, so the rule on answers released at close
   * (which holds in either mode, whatever the mode was while the round was open) hides nothing that did not show.
   */
  async releaseFullLeaves(roundId: number): Promise<number> {
    if (this.thresholds.openResults === 'closed') return 0;
    return this.repository.responses.release.releaseFullLeaves(roundId, this.thresholds.minRespondents);
  }

  /** Finalizes a closed round: the rest of its answers, then participation reduced to counts per group. */
  async finalize(round: SurveyRoundRecord, now: number): Promise<void> {
    await this.repository.responses.release.releaseAll(round.id);
    const tree = (await this.repository.rounds.groupTrees([round.id])).get(round.id);
    const groups = tree
      ? [...tree.keys()]
      : (await this.repository.aggregates.respondentCounts([round.id])).flatMap(c => (c.groupRef ? [c.groupRef] : []));
    const parents = tree ? new Map<string, string | undefined>() : await this.catalog.groupParents(groups);
    const members = await this.catalog.membersOfGroups([...new Set([...groups, ...parents.keys()])]);
    await this.repository.responses.reduceParticipation(round.id, members);
    await this.repository.rounds.markFinalized(round.id, now);
  }

  /** Finalizes every round past its close that is not finalized yet; returns how many. */
  async finalizeDue(now: number): Promise<number> {
    const due = await this.repository.rounds.dueForFinalization(now);
    for (const round of due) await this.finalize(round, now);
    return due.length;
  }
}
