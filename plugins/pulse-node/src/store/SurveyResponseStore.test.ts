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
});
