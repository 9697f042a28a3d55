/** A node of the audience tree of one round: the round, a group (with its sub-groups) or an entity. */
export interface SurveyAudienceNode {
  id: string;
  /** The enclosing node; null for the round itself. */
  parentId: string | null;
  /** Responses in this node and everything below it. */
  respondents: number;
}

/** Why a result is withheld. */
export type SurveyHiddenCause = 'below-minimum' | 'subtraction';

export type SurveyVisibility = { hidden: false } | { hidden: true; cause: SurveyHiddenCause };

/** Id of the root node: every response of the round. */
export const SURVEY_ROUND_NODE = 'round';

/** The user-facing reason for a hidden result. */
export function surveyHiddenReason(cause: SurveyHiddenCause, minRespondents: number): string {
  return cause === 'below-minimum'
    ? `Fewer than ${minRespondents} responses: results are hidden to keep answers anonymous`
    : `Hidden so that a smaller group's answers cannot be worked out by subtracting this result from its parent's`;
}

/**
 * Decides which nodes of a round's audience tree may show results, so that no result is shown for fewer than
 * `minRespondents` people, either directly or by subtraction:
 *
 * 1. A node with fewer than `minRespondents` responses is hidden (`below-minimum`).
 * 2. Under a shown node, the responses not shown in any child (hidden children plus responses in no child) must be
 *    none or at least `minRespondents`; otherwise the smallest shown children are hidden too (`subtraction`) until
 *    they are. So a team is hidden when its parent minus the team would fall below the minimum.
 * 3. Under a hidden group, every node is hidden (`subtraction`): its total is not shown, so its parts must not be.
 * 4. The round itself has no parent: rather than hiding a team, the round-wide result is hidden when rule 2 fails
 *    for its children; teams below it are then shown on their own.
 */
export function surveyVisibility(
  nodes: SurveyAudienceNode[],
  minRespondents: number,
): Map<string, SurveyVisibility> {
  const childrenOf = new Map<string | null, SurveyAudienceNode[]>();
  for (const node of nodes) {
    const siblings = childrenOf.get(node.parentId) ?? [];
    siblings.push(node);
    childrenOf.set(node.parentId, siblings);
  }
  const visibility = new Map<string, SurveyVisibility>();
  const ids = new Set(nodes.map(n => n.id));
  const isUnsafe = (remainder: number) => remainder > 0 && remainder < minRespondents;
  const unshownRemainder = (node: SurveyAudienceNode, children: SurveyAudienceNode[]) =>
    Math.max(0, node.respondents - children.reduce((sum, c) => sum + c.respondents, 0)) +
    children
      .filter(c => visibility.get(c.id)?.hidden ?? c.respondents < minRespondents)
      .reduce((sum, c) => sum + c.respondents, 0);

  const decideChildren = (parent: SurveyAudienceNode, parentShown: boolean, cascade: boolean) => {
    const children = [...(childrenOf.get(parent.id) ?? [])]
      .filter(c => !visibility.has(c.id))
      .sort((a, b) => a.respondents - b.respondents || a.id.localeCompare(b.id));
    for (const child of children) {
      if (child.respondents < minRespondents) visibility.set(child.id, { hidden: true, cause: 'below-minimum' });
      else if (cascade) visibility.set(child.id, { hidden: true, cause: 'subtraction' });
      else visibility.set(child.id, { hidden: false });
    }
    if (parentShown) {
      let remainder = unshownRemainder(parent, children);
      for (const child of children) {
        if (!isUnsafe(remainder)) break;
        if (visibility.get(child.id)?.hidden) continue;
        visibility.set(child.id, { hidden: true, cause: 'subtraction' });
        remainder += child.respondents;
      }
    }
    for (const child of children) {
      const hidden = visibility.get(child.id)?.hidden ?? true;
      decideChildren(child, !hidden, hidden);
    }
  };

  for (const root of nodes.filter(n => n.parentId === null || !ids.has(n.parentId))) {
    if (visibility.has(root.id)) continue;
    const children = childrenOf.get(root.id) ?? [];
    if (root.respondents < minRespondents) {
      visibility.set(root.id, { hidden: true, cause: 'below-minimum' });
    } else {
      visibility.set(
        root.id,
        isUnsafe(unshownRemainder(root, children)) ? { hidden: true, cause: 'subtraction' } : { hidden: false },
      );
    }
    decideChildren(root, !visibility.get(root.id)!.hidden, false);
  }
  return visibility;
}

/** Responses of one round counted by entity and by the entity's owning group at the time of answering. */
export interface SurveyRespondentCount {
  entityRef: string;
  groupRef: string | null;
  respondents: number;
}

/** The id of the node of an entity's responses under one owning group. */
export const surveyEntityNodeId = (entityRef: string, groupRef: string | null) =>
  `${entityRef}@${groupRef ?? ''}`;

/**
 * Builds a round's audience tree: the round, the owning groups and their catalog ancestors (a group counts everything
 * below it), and under each group the entities answered on.
 */
export function surveyAudienceTree(
  counts: SurveyRespondentCount[],
  parentOf: (groupRef: string) => string | undefined,
): SurveyAudienceNode[] {
  const nodes = new Map<string, SurveyAudienceNode>();
  const round: SurveyAudienceNode = { id: SURVEY_ROUND_NODE, parentId: null, respondents: 0 };
  nodes.set(round.id, round);
  const groupNode = (groupRef: string, seen: Set<string>): SurveyAudienceNode => {
    const existing = nodes.get(groupRef);
    if (existing) return existing;
    const parentRef = parentOf(groupRef);
    const usable = parentRef && !seen.has(parentRef) ? parentRef : undefined;
    const node: SurveyAudienceNode = {
      id: groupRef,
      parentId: usable ? groupNode(usable, new Set([...seen, groupRef])).id : SURVEY_ROUND_NODE,
      respondents: 0,
    };
    nodes.set(groupRef, node);
    return node;
  };
  for (const count of counts) {
    const parentId = count.groupRef ? groupNode(count.groupRef, new Set([count.groupRef])).id : SURVEY_ROUND_NODE;
    const id = surveyEntityNodeId(count.entityRef, count.groupRef);
    nodes.set(id, { id, parentId, respondents: count.respondents });
    for (let node: SurveyAudienceNode | undefined = nodes.get(parentId); node; ) {
      node.respondents += count.respondents;
      node = node.parentId ? nodes.get(node.parentId) : undefined;
    }
  }
  return [...nodes.values()];
}

/** The visibility of an entity's results: hidden when any of its nodes is hidden or it has no responses. */
export function surveyEntityVisibility(
  visibility: Map<string, SurveyVisibility>,
  counts: SurveyRespondentCount[],
  entityRef: string,
): SurveyVisibility {
  const nodes = counts.filter(c => c.entityRef === entityRef);
  if (nodes.length === 0) return { hidden: true, cause: 'below-minimum' };
  for (const node of nodes) {
    const v = visibility.get(surveyEntityNodeId(node.entityRef, node.groupRef));
    if (!v || v.hidden) return v ?? { hidden: true, cause: 'below-minimum' };
  }
  return { hidden: false };
}
