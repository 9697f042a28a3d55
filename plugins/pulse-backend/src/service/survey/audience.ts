import {
  SurveyAudienceNode,
  SURVEY_ROUND_NODE,
  surveyAudienceTree,
  surveyEntityVisibility,
  SurveyRespondentCount,
  SurveyQuestion,
  SurveyScope,
  SurveyVisibility,
  surveyVisibility,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';

type SurveyAggregateScope = Parameters<SurveyRepository['aggregates']['questionAggregates']>[1];

interface RoundAudience {
  /** The round's group tree: frozen when the round was created (the catalog's for older rounds). */
  parents: Map<string, string | undefined>;
  counts: SurveyRespondentCount[];
  respondents: Map<string, number>;
  visibility: Map<string, SurveyVisibility>;
  textVisibility: Map<string, SurveyVisibility>;
  /**
   * Answers per leaf for each question (loaded on demand: see `loadQuestionCounts`), and the tree rules run on them
   * (computed when first asked, per minimum).
   */
  questionCounts?: Map<string, SurveyRespondentCount[]>;
  questionVisibility: Map<string, Map<string, SurveyVisibility>>;
}

const noResponses: SurveyVisibility = { hidden: true, cause: 'below-minimum' };

const emptyAudience = (): RoundAudience => ({
  parents: new Map(),
  counts: [],
  respondents: new Map(),
  visibility: new Map(),
  textVisibility: new Map(),
  questionVisibility: new Map(),
});

/**
 * Hides every node whose count grew at close by a number of answers the anonymity rules would not show on its own:
 * the tree rules (minimum, subtraction guard) run on the answers released at close, and a node they hide is hidden in
 * the final results too. Nodes that did not grow are untouched.
 */
function withoutSmallGrowth(
  visibility: Map<string, SurveyVisibility>,
  lateTree: SurveyAudienceNode[],
  thresholds: SurveyThresholds,
): Map<string, SurveyVisibility> {
  const grown = lateTree.filter(node => node.respondents > 0);
  if (grown.length === 0) return visibility;
  const lateVisibility = surveyVisibility(lateTree, thresholds.minRespondents);
  const result = new Map(visibility);
  for (const node of grown) {
    if (lateVisibility.get(node.id)?.hidden && !result.get(node.id)?.hidden) {
      result.set(node.id, { hidden: true, cause: 'subtraction' });
    }
  }
  return result;
}

/**
 * Who answered where in some rounds (counts by entity and owning group, in each round's frozen group tree) and what
 * each scope may show under the anonymity rules, for respondents and for each question's answers.
 */
export class SurveyAudiences {
  private constructor(
    private readonly repository: SurveyRepository,
    private readonly byRound: Map<number, RoundAudience>,
    private readonly thresholds: SurveyThresholds,
  ) {}

  static async load(
    repository: SurveyRepository,
    catalog: SurveyCatalog,
    thresholds: SurveyThresholds,
    roundIds: number[],
  ): Promise<SurveyAudiences> {
    const counts = await repository.aggregates.respondentCounts(roundIds);
    const trees = await repository.rounds.groupTrees(roundIds);
    // Batched results showed each batch: answers released at close must not show as a small difference. Applied in
    // either mode, since a round may have shown batches before the mode was switched to `closed`.
    const late = await repository.responses.release.lateCounts(roundIds);
    // Rounds created before snapshots existed read today's catalog tree.
    const unfrozen = counts.filter(c => !trees.has(c.roundId) && c.groupRef).map(c => c.groupRef!);
    const catalogParents = unfrozen.length > 0 ? await catalog.groupParents(unfrozen) : new Map();
    const byRound = new Map<number, RoundAudience>();
    for (const roundId of roundIds) {
      const frozen = trees.get(roundId);
      const parents: Map<string, string | undefined> = frozen
        ? new Map([...frozen].map(([groupRef, parentRef]) => [groupRef, parentRef ?? undefined]))
        : catalogParents;
      const roundCounts = counts.filter(c => c.roundId === roundId);
      const tree = surveyAudienceTree(roundCounts, ref => parents.get(ref));
      const lateTree = surveyAudienceTree(
        late.filter(c => c.roundId === roundId),
        ref => parents.get(ref),
      );
      byRound.set(roundId, {
        parents,
        counts: roundCounts,
        respondents: new Map(tree.map(n => [n.id, n.respondents])),
        visibility: withoutSmallGrowth(surveyVisibility(tree, thresholds.minRespondents), lateTree, thresholds),
        textVisibility: withoutSmallGrowth(surveyVisibility(tree, thresholds.minTextRespondents), lateTree, thresholds),
        questionVisibility: new Map(),
      });
    }
    return new SurveyAudiences(repository, byRound, thresholds);
  }

  /**
   * Loads the answer counts per leaf and question of some rounds (one GROUP BY), for the optional questions' rules.
   * Required questions are answered by every response, so their counts are the respondents'.
   */
  async loadQuestionCounts(roundIds: number[]): Promise<void> {
    const wanted = roundIds.filter(id => this.byRound.has(id) && !this.byRound.get(id)!.questionCounts);
    const counts = await this.repository.aggregates.questionCountsByLeaf(wanted);
    for (const roundId of wanted) {
      const perQuestion = new Map<string, SurveyRespondentCount[]>();
      for (const c of counts.filter(q => q.roundId === roundId)) {
        const list = perQuestion.get(c.questionId) ?? [];
        list.push(c);
        perQuestion.set(c.questionId, list);
      }
      this.byRound.get(roundId)!.questionCounts = perQuestion;
    }
  }

  private audience(roundId: number): RoundAudience {
    return this.byRound.get(roundId) ?? emptyAudience();
  }

  private nodeVisibility(
    visibility: Map<string, SurveyVisibility>,
    counts: SurveyRespondentCount[],
    scope: SurveyScope,
  ): SurveyVisibility {
    if (scope.type === 'entity') return surveyEntityVisibility(visibility, counts, scope.entityRef);
    return visibility.get(scope.type === 'group' ? scope.groupRef : SURVEY_ROUND_NODE) ?? noResponses;
  }

  /** Whether the scope's results (or, with `text`, its free-text answers) may show in a round. */
  visibilityOf(roundId: number, scope: SurveyScope, text = false): SurveyVisibility {
    const audience = this.audience(roundId);
    return this.nodeVisibility(text ? audience.textVisibility : audience.visibility, audience.counts, scope);
  }

  /**
   * Whether one question's answers may show in a scope: the tree rules (minimum, subtraction guard, hidden below a
   * hidden parent) run on that question's answer counts in every node, and the scope itself must show.
   */
  questionVisibilityOf(roundId: number, scope: SurveyScope, question: SurveyQuestion, text = false): SurveyVisibility {
    const scopeVisibility = this.visibilityOf(roundId, scope, text);
    if (scopeVisibility.hidden || question.required) return scopeVisibility;
    const audience = this.audience(roundId);
    // Not loaded: withheld rather than guessed.
    if (!audience.questionCounts) return { hidden: true, cause: 'below-minimum' };
    const counts = audience.questionCounts.get(question.id) ?? [];
    const key = `${text ? 'text' : 'answers'}:${question.id}`;
    let visibility = audience.questionVisibility.get(key);
    if (!visibility) {
      const tree = surveyAudienceTree(counts, ref => audience.parents.get(ref));
      visibility = surveyVisibility(tree, text ? this.thresholds.minTextRespondents : this.thresholds.minRespondents);
      audience.questionVisibility.set(key, visibility);
    }
    return this.nodeVisibility(visibility, counts, scope);
  }

  /** Responses in the scope in a round. */
  respondentsOf(roundId: number, scope: SurveyScope): number {
    const audience = this.audience(roundId);
    if (scope.type === 'entity') {
      return audience.counts.filter(c => c.entityRef === scope.entityRef).reduce((sum, c) => sum + c.respondents, 0);
    }
    return audience.respondents.get(scope.type === 'group' ? scope.groupRef : SURVEY_ROUND_NODE) ?? 0;
  }

  /** The owning group of an entity's responses in a round, if any. */
  ownerInRound(roundId: number, entityRef: string): string | undefined {
    return this.audience(roundId).counts.find(c => c.entityRef === entityRef && c.groupRef)?.groupRef ?? undefined;
  }

  /** Every group with responses in a round, with their ancestors. */
  groupsOf(roundId: number): string[] {
    const audience = this.audience(roundId);
    return [...audience.respondents.keys()].filter(id => audience.parents.has(id) || audience.counts.some(c => c.groupRef === id));
  }

  /** Every entity with responses in a round, with the owning group of its responses. */
  entitiesOf(roundId: number): SurveyRespondentCount[] {
    return this.audience(roundId).counts;
  }

  /** What the store filters on for a scope: a group covers itself and every group below it in the round's tree. */
  aggregateScope(roundId: number, scope: SurveyScope): SurveyAggregateScope {
    if (scope.type === 'entity') return { entityRef: scope.entityRef };
    if (scope.type === 'round') return {};
    const { parents } = this.audience(roundId);
    const inSubtree = (ref: string, seen = new Set<string>()): boolean => {
      if (ref === scope.groupRef) return true;
      const parent = parents.get(ref);
      return !!parent && !seen.has(parent) && inSubtree(parent, new Set([...seen, ref]));
    };
    return { groupRefs: [scope.groupRef, ...[...parents.keys()].filter(ref => ref !== scope.groupRef && inSubtree(ref))] };
  }
}
