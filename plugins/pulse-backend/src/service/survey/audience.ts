import {
  SURVEY_ROUND_NODE,
  surveyAudienceTree,
  surveyEntityVisibility,
  SurveyRespondentCount,
  SurveyScope,
  SurveyVisibility,
  surveyVisibility,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';

type SurveyAggregateScope = Parameters<SurveyRepository['aggregates']['questionAggregates']>[1];

interface RoundAudience {
  counts: SurveyRespondentCount[];
  respondents: Map<string, number>;
  visibility: Map<string, SurveyVisibility>;
  textVisibility: Map<string, SurveyVisibility>;
}

const noResponses: SurveyVisibility = { hidden: true, cause: 'below-minimum' };

/**
 * Who answered where in some rounds (counts by entity and owning group, with the catalog's group tree) and what each
 * scope may show under the anonymity rules.
 */
export class SurveyAudiences {
  private constructor(
    private readonly parents: Map<string, string | undefined>,
    private readonly byRound: Map<number, RoundAudience>,
  ) {}

  static async load(
    repository: SurveyRepository,
    catalog: SurveyCatalog,
    thresholds: SurveyThresholds,
    roundIds: number[],
  ): Promise<SurveyAudiences> {
    const counts = await repository.aggregates.respondentCounts(roundIds);
    const groups = counts.flatMap(c => (c.groupRef ? [c.groupRef] : []));
    const parents = await catalog.groupParents(groups);
    const parentOf = (ref: string) => parents.get(ref);
    const byRound = new Map<number, RoundAudience>();
    for (const roundId of roundIds) {
      const roundCounts = counts.filter(c => c.roundId === roundId);
      const tree = surveyAudienceTree(roundCounts, parentOf);
      byRound.set(roundId, {
        counts: roundCounts,
        respondents: new Map(tree.map(n => [n.id, n.respondents])),
        visibility: surveyVisibility(tree, thresholds.minRespondents),
        textVisibility: surveyVisibility(tree, thresholds.minTextRespondents),
      });
    }
    return new SurveyAudiences(parents, byRound);
  }

  private audience(roundId: number): RoundAudience {
    return this.byRound.get(roundId) ?? { counts: [], respondents: new Map(), visibility: new Map(), textVisibility: new Map() };
  }

  /** Whether the scope's results (or, with `text`, its free-text answers) may show in a round. */
  visibilityOf(roundId: number, scope: SurveyScope, text = false): SurveyVisibility {
    const audience = this.audience(roundId);
    const visibility = text ? audience.textVisibility : audience.visibility;
    if (scope.type === 'entity') return surveyEntityVisibility(visibility, audience.counts, scope.entityRef);
    return visibility.get(scope.type === 'group' ? scope.groupRef : SURVEY_ROUND_NODE) ?? noResponses;
  }

  /** Responses in the scope in a round. */
  respondentsOf(roundId: number, scope: SurveyScope): number {
    const audience = this.audience(roundId);
    if (scope.type === 'entity') {
      return audience.counts.filter(c => c.entityRef === scope.entityRef).reduce((sum, c) => sum + c.respondents, 0);
    }
    return audience.respondents.get(scope.type === 'group' ? scope.groupRef : SURVEY_ROUND_NODE) ?? 0;
  }

  /** The owning group of an entity's responses in a round (the latest seen), if any. */
  ownerInRound(roundId: number, entityRef: string): string | undefined {
    return this.audience(roundId).counts.find(c => c.entityRef === entityRef && c.groupRef)?.groupRef ?? undefined;
  }

  /** Every group with responses in a round, with their ancestors. */
  groupsOf(roundId: number): string[] {
    return [...this.audience(roundId).respondents.keys()].filter(id => this.parents.has(id));
  }

  /** Every entity with responses in a round, with the owning group of its responses. */
  entitiesOf(roundId: number): SurveyRespondentCount[] {
    return this.audience(roundId).counts;
  }

  parentOf(groupRef: string): string | undefined {
    return this.parents.get(groupRef);
  }

  /** What the store filters on for a scope: a group covers itself and every group below it in the catalog. */
  aggregateScope(scope: SurveyScope): SurveyAggregateScope {
    if (scope.type === 'entity') return { entityRef: scope.entityRef };
    if (scope.type === 'round') return {};
    const inSubtree = (ref: string, seen = new Set<string>()): boolean => {
      if (ref === scope.groupRef) return true;
      const parent = this.parents.get(ref);
      return !!parent && !seen.has(parent) && inSubtree(parent, new Set([...seen, ref]));
    };
    return { groupRefs: [scope.groupRef, ...[...this.parents.keys()].filter(ref => ref !== scope.groupRef && inSubtree(ref))] };
  }
}
