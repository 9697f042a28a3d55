import {
  SURVEY_ROUND_NODE,
  surveyAudienceTree,
  surveyEntityNodeId,
  surveyEntityVisibility,
  surveyHiddenReason,
  surveyVisibility,
} from './anonymity';

const shown = { hidden: false };
const below = { hidden: true, cause: 'below-minimum' };
const subtraction = { hidden: true, cause: 'subtraction' };

/** Visibility by node id for a tree given as [id, parentId, respondents]. */
function decide(nodes: Array<[string, string | null, number]>, min = 5) {
  const v = surveyVisibility(nodes.map(([id, parentId, respondents]) => ({ id, parentId, respondents })), min);
  return Object.fromEntries([...v.entries()]);
}

describe('surveyVisibility', () => {
  it('hides a group of 4 and shows a group of 5 under a parent of 9 that hides to protect the 4', () => {
    // Under a shown parent the 5 would reveal the 4 (9 - 5); the round has no parent, so the round hides.
    expect(decide([['round', null, 9], ['a', 'round', 4], ['b', 'round', 5]])).toEqual({
      round: subtraction,
      a: below,
      b: shown,
    });
  });

  it('hides a team whose parent minus the team falls below the minimum', () => {
    // dept 12 = a 8 + b 4: b below; dept - a = 4 would reveal b, so a hides too.
    expect(
      decide([['round', null, 12], ['dept', 'round', 12], ['a', 'dept', 8], ['b', 'dept', 4]]),
    ).toEqual({ round: shown, dept: shown, a: subtraction, b: below });
  });

  it('hides the smallest shown siblings until the hidden remainder reaches the minimum', () => {
    // dept 17 = a 8 + b 5 + c 4: c below (4); hiding b (5) makes the remainder 9; a stays (17 - 8 = 9).
    expect(
      decide([['round', null, 17], ['dept', 'round', 17], ['a', 'dept', 8], ['b', 'dept', 5], ['c', 'dept', 4]]),
    ).toEqual({ round: shown, dept: shown, a: shown, b: subtraction, c: below });
  });

  it('treats responses in no child as part of the hidden remainder', () => {
    // dept 13 with 3 responses of its own: a (10) would reveal those 3.
    expect(decide([['round', null, 13], ['dept', 'round', 13], ['a', 'dept', 10]])).toEqual({
      round: shown,
      dept: shown,
      a: subtraction,
    });
    // With 5 of its own, the remainder is large enough.
    expect(decide([['round', null, 15], ['dept', 'round', 15], ['a', 'dept', 10]]).a).toEqual(shown);
  });

  it('shows a single child equal to its parent (nothing to subtract)', () => {
    expect(decide([['round', null, 6], ['team', 'round', 6], ['svc', 'team', 6]])).toEqual({
      round: shown,
      team: shown,
      svc: shown,
    });
  });

  it('hides everything below a group hidden by subtraction', () => {
    // dept 10 = a 6 (one entity of 6) + b 4: a hides for b; a's entity must hide too, or dept - entity = b.
    expect(
      decide([['round', null, 10], ['dept', 'round', 10], ['a', 'dept', 6], ['b', 'dept', 4], ['e', 'a', 6]]),
    ).toEqual({ round: shown, dept: shown, a: subtraction, b: below, e: subtraction });
  });

  it('shows teams on their own under a round that hid itself', () => {
    expect(
      decide([['round', null, 14], ['a', 'round', 4], ['b', 'round', 10], ['e1', 'b', 6], ['e2', 'b', 4]]),
    ).toEqual({ round: subtraction, a: below, b: shown, e1: subtraction, e2: below });
  });

  it('hides everything below the minimum, whatever the minimum', () => {
    expect(decide([['round', null, 2], ['a', 'round', 2]], 3)).toEqual({ round: below, a: below });
    expect(decide([['round', null, 3], ['a', 'round', 3]], 3)).toEqual({ round: shown, a: shown });
  });
});

describe('surveyAudienceTree', () => {
  it('sums entities into their groups and groups into their catalog ancestors', () => {
    const parents: Record<string, string> = { 'group:default/a': 'group:default/eng', 'group:default/b': 'group:default/eng' };
    const nodes = surveyAudienceTree(
      [
        { entityRef: 'component:default/x', groupRef: 'group:default/a', respondents: 3 },
        { entityRef: 'component:default/y', groupRef: 'group:default/a', respondents: 4 },
        { entityRef: 'component:default/z', groupRef: 'group:default/b', respondents: 5 },
        { entityRef: 'component:default/w', groupRef: null, respondents: 2 },
      ],
      ref => parents[ref],
    );
    const byId = Object.fromEntries(nodes.map(n => [n.id, [n.parentId, n.respondents]]));
    expect(byId).toEqual({
      [SURVEY_ROUND_NODE]: [null, 14],
      'group:default/eng': [SURVEY_ROUND_NODE, 12],
      'group:default/a': ['group:default/eng', 7],
      'group:default/b': ['group:default/eng', 5],
      'component:default/x@group:default/a': ['group:default/a', 3],
      'component:default/y@group:default/a': ['group:default/a', 4],
      'component:default/z@group:default/b': ['group:default/b', 5],
      'component:default/w@': [SURVEY_ROUND_NODE, 2],
    });
  });

  it('survives a cycle in the catalog parents', () => {
    const parents: Record<string, string> = { 'group:default/a': 'group:default/b', 'group:default/b': 'group:default/a' };
    const nodes = surveyAudienceTree(
      [{ entityRef: 'component:default/x', groupRef: 'group:default/a', respondents: 5 }],
      ref => parents[ref],
    );
    expect(nodes.find(n => n.id === SURVEY_ROUND_NODE)!.respondents).toBe(5);
    expect(nodes.find(n => n.id === 'group:default/a')!.respondents).toBe(5);
  });
});

describe('surveyEntityVisibility', () => {
  it('is hidden when any of the entity nodes is hidden or it has none', () => {
    const counts = [
      { entityRef: 'e', groupRef: 'g1', respondents: 6 },
      { entityRef: 'e', groupRef: 'g2', respondents: 2 },
    ];
    const visibility = new Map([
      [surveyEntityNodeId('e', 'g1'), { hidden: false } as const],
      [surveyEntityNodeId('e', 'g2'), { hidden: true, cause: 'below-minimum' } as const],
    ]);
    expect(surveyEntityVisibility(visibility, counts, 'e')).toEqual(below);
    expect(surveyEntityVisibility(visibility, counts.slice(0, 1), 'e')).toEqual(shown);
    expect(surveyEntityVisibility(visibility, counts, 'other')).toEqual(below);
  });
});

describe('surveyHiddenReason', () => {
  it('names the minimum', () => {
    expect(surveyHiddenReason('below-minimum', 5)).toMatch(/^Fewer than 5 responses/);
    expect(surveyHiddenReason('subtraction', 5)).toContain('subtract');
  });
});
