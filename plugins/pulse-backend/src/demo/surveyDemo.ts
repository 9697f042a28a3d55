import { defaultSurveyTemplate, SurveyAnswerValue } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../service/context';
import { surveyAnswerRows } from '../service/survey/answerRows';
import { seededRandom } from './seededRandom';

const day = 86_400_000;

/** The example teams (examples/org.yaml), the components they own, the one their members answer on, and their mood. */
const teams = [
  { group: 'platform', entity: 'identity', owns: ['identity', 'deploy-pipeline'], members: ['ada', 'brian', 'chen', 'dara', 'elif', 'femi', 'gita'], mood: 3.4 },
  { group: 'payments', entity: 'checkout', owns: ['checkout', 'payments-api'], members: ['hana', 'ivan', 'jonas', 'kemi', 'lucia', 'marek', 'noor', 'omar'], mood: 3.9 },
  { group: 'discovery', entity: 'search-api', owns: ['search-api', 'recommendations'], members: ['priya', 'quinn', 'rafael', 'sofia', 'tomas', 'uma'], mood: 3.1 },
  { group: 'mobile', entity: 'mobile-app', owns: ['mobile-app', 'mobile-bff'], members: ['vera', 'wei', 'xavi', 'yusuf', 'zoe'], mood: 2.8 },
];

/** What a round of the example catalog freezes: the teams under engineering, and the components they own. */
const snapshot = {
  groups: [
    { groupRef: 'group:default/engineering', parentRef: null },
    ...teams.map(t => ({ groupRef: `group:default/${t.group}`, parentRef: 'group:default/engineering' })),
  ],
  owners: teams.flatMap(t => t.owns.map(name => ({ entityRef: `component:default/${name}`, groupRef: `group:default/${t.group}` }))),
};

/** Each team's members, and everyone under engineering. */
const membersByGroup = new Map([
  ...teams.map(t => [`group:default/${t.group}`, t.members.map(m => `user:default/${m}`)] as const),
  ['group:default/engineering', []],
]);

/** Three closed rounds of history; in the second, only 4 of mobile's 5 answer, so mobile's result is hidden. */
const history = [
  { title: 'Developer experience, round 1', daysAgo: 90, lift: 0, absent: { mobile: 0 } },
  { title: 'Developer experience, round 2', daysAgo: 60, lift: 0.2, absent: { mobile: 1 } },
  { title: 'Developer experience, round 3', daysAgo: 30, lift: 0.4, absent: { mobile: 0 } },
];

/** How likely each pain point is picked, per round: slow builds fade as CI improves, review waits grow. */
const painPointOdds: Array<Record<string, number>> = [
  { 'slow-builds': 0.7, 'flaky-tests': 0.5, 'missing-docs': 0.4, interruptions: 0.3, 'code-review-wait': 0.15 },
  { 'slow-builds': 0.45, 'flaky-tests': 0.55, 'missing-docs': 0.35, interruptions: 0.3, 'code-review-wait': 0.3 },
  { 'slow-builds': 0.25, 'flaky-tests': 0.35, 'missing-docs': 0.3, interruptions: 0.35, 'code-review-wait': 0.5 },
  { 'slow-builds': 0.2, 'flaky-tests': 0.3, 'missing-docs': 0.3, interruptions: 0.4, 'code-review-wait': 0.55 },
];

const comments = [
  'Faster CI on pull requests',
  'Fewer meetings on Wednesdays',
  'A runbook for the payment retries',
  'Quicker code reviews',
  'Fix the flaky end-to-end tests',
  'Local setup in one command',
];

function answersOf(random: () => number, mood: number, odds: Record<string, number>) {
  const point = (min: number, max: number, center: number) =>
    Math.min(max, Math.max(min, Math.round(center + (random() - 0.5) * 2.4)));
  const answers: Record<string, SurveyAnswerValue> = {};
  for (const question of defaultSurveyTemplate.questions) {
    if (question.type === 'scale') answers[question.id] = point(1, 5, mood);
    if (question.type === 'nps') answers[question.id] = point(0, 10, mood * 2.2);
  }
  answers['pain-points'] = Object.keys(odds).filter(choice => random() < odds[choice]);
  if (random() < 0.4) answers['one-change'] = comments[Math.floor(random() * comments.length)];
  return answers;
}

/**
 * Demo survey data: three closed (and finalized) rounds 90, 60 and 30 days ago for every Component, answered by the
 * owning teams, and one open round (three days in, open to everyone) where four of payments have answered on checkout
 * and wait in the pending pool, so the guest user's answer makes a batch of five and shows results.
 */
export async function seedSurveyDemo(ctx: PulseContext, now: Date): Promise<void> {
  const { templates, rounds, responses } = ctx.store.survey;
  const random = seededRandom(5);
  const at = now.getTime();
  const templateVersion = await templates.upsert(defaultSurveyTemplate, at);

  const allRounds = [
    ...history.map((r, index) => ({ ...r, closesAt: at - (r.daysAgo - 14) * day, odds: painPointOdds[index] })),
    { title: 'Developer experience, round 4', daysAgo: 3, lift: 0.5, absent: {}, closesAt: at + 11 * day, odds: painPointOdds[3] },
  ];
  for (const [index, round] of allRounds.entries()) {
    const isOpen = index === allRounds.length - 1;
    const { id } = await rounds.create(
      {
      templateId: defaultSurveyTemplate.id,
      templateVersion,
      title: round.title,
      targetType: 'components',
      targetRef: null,
      opensAt: at - round.daysAgo * day,
      closesAt: round.closesAt,
      audience: isOpen ? 'everyone' : 'owners',
      createdBy: 'user:default/ada',
      createdAt: at - round.daysAgo * day,
      },
      snapshot,
    );
    for (const team of teams) {
      const absent = (round.absent as Record<string, number>)[team.group] ?? 0;
      const openAnswering = team.group === 'payments' ? team.members.slice(0, 4) : [];
      const answering = isOpen ? openAnswering : team.members.slice(absent);
      for (const member of answering) {
        await responses.submit({
          roundId: id,
          userRef: `user:default/${member}`,
          entityRef: `component:default/${team.entity}`,
          groupRef: `group:default/${team.group}`,
          answers: surveyAnswerRows(Object.entries(answersOf(random, team.mood + round.lift, round.odds))),
        });
      }
    }
    if (!isOpen) {
      await responses.release.releaseAll(id);
      await responses.reduceParticipation(id, membersByGroup);
      await rounds.markFinalized(id, round.closesAt);
    }
  }
  ctx.logger.info(`Pulse demo data: ${allRounds.length} survey rounds`);
}
