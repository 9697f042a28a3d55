import { TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('survey participation on %p', databaseId => {
  it('counts the participants of many groups in one query exactly as one count per group', async () => {
    const knex = await databases.init(databaseId);
    const { survey } = await PulseStore.fromClient(knex);
    await survey.templates.create(
      { id: 't', title: 'T', questions: [{ id: 'q', type: 'text', prompt: 'Anything else?', required: false }] },
      0,
    );
    const round = (title: string) =>
      survey.rounds.create({
        templateId: 't',
        templateVersion: 1,
        title,
        targetType: 'components',
        targetRef: null,
        opensAt: 0,
        closesAt: 1,
        audience: 'everyone',
        createdBy: 'user:default/lead',
        createdAt: 0,
      });
    const [first, second] = [await round('first'), await round('second')];
    const answer = (roundId: number, user: string) =>
      survey.responses.submit({
        roundId,
        userRef: `user:default/${user}`,
        entityRef: 'component:default/c',
        groupRef: null,
        answers: [],
      });
    for (const user of ['u1', 'u2', 'u3', 'outsider']) await answer(first.id, user);
    await answer(second.id, 'u4');

    // u2 is in both groups (and listed twice in alpha); u4 took part in the other round only.
    const members = new Map([
      ['group:default/alpha', ['u1', 'u2', 'u2', 'u4'].map(u => `user:default/${u}`)],
      ['group:default/beta', ['u2', 'u3', 'u5'].map(u => `user:default/${u}`)],
      ['group:default/idle', ['user:default/u5']],
      ['group:default/empty', []],
    ]);
    const counts = await survey.responses.participantsByGroup(first.id, members);

    expect(counts).toEqual(new Map([['group:default/alpha', 2], ['group:default/beta', 2]]));
    for (const [groupRef, userRefs] of members) {
      expect(await survey.responses.countParticipants(first.id, userRefs)).toBe(counts.get(groupRef) ?? 0);
    }
    expect(await survey.responses.participantsByGroup(second.id, members)).toEqual(
      new Map([['group:default/alpha', 1]]),
    );
  });

  it('releases a full leaf once, shuffled, even when two releases race for it', async () => {
    const knex = await databases.init(databaseId);
    const { survey } = await PulseStore.fromClient(knex);
    await survey.templates.create({ id: 't', title: 'T', questions: [{ id: 'q', type: 'nps', prompt: 'NPS?', required: true }] }, 0);
    const round = await survey.rounds.create({
      templateId: 't',
      templateVersion: 1,
      title: 'r',
      targetType: 'components',
      targetRef: null,
      opensAt: 0,
      closesAt: 1,
      audience: 'everyone',
      createdBy: 'user:default/lead',
      createdAt: 0,
    });
    const submit = (user: string, entity: string, value: number) =>
      survey.responses.submit({
        roundId: round.id,
        userRef: `user:default/${user}`,
        entityRef: `component:default/${entity}`,
        groupRef: 'group:default/g',
        answers: [{ questionId: 'q', valueNumber: value }],
      });
    // Five on a, two on b: only a's leaf is full.
    for (const [i, user] of ['u1', 'u2', 'u3', 'u4', 'u5'].entries()) await submit(user, 'a', i);
    for (const user of ['u6', 'u7']) await submit(user, 'b', 9);
    const released = await Promise.all([
      survey.responses.release.releaseFullLeaves(round.id, 5),
      survey.responses.release.releaseFullLeaves(round.id, 5),
    ]);
    expect(released.sort()).toEqual([0, 5]);
    expect(await survey.responses.release.pendingCount(round.id)).toBe(2);
    expect(await knex('pulse_survey_response').where('round_id', round.id).pluck('entity_ref')).toEqual(Array(5).fill('component:default/a'));
    // Participation was written apart and is untouched by a release.
    const [{ n }] = await knex('pulse_survey_participation').where('round_id', round.id).count({ n: '*' });
    expect(Number(n)).toBe(7);

    // The close releases b's two with a's five, all under new ids.
    const idsBefore = await knex('pulse_survey_response').pluck('id');
    expect(await survey.responses.release.releaseAll(round.id)).toBe(2);
    const idsAfter = await knex('pulse_survey_response').pluck('id');
    expect(idsAfter).toHaveLength(7);
    expect(idsAfter.filter(id => idsBefore.includes(id))).toEqual([]);
    expect(await survey.responses.release.lateCounts([round.id])).toEqual([
      { roundId: round.id, entityRef: 'component:default/b', groupRef: 'group:default/g', respondents: 2 },
    ]);
  });
});
