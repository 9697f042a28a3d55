import { TestDatabases } from '@backstage/backend-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { Knex, startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';
import { defaultAnswers, testComponent, testGroup, testUser } from './testFixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** Team `big` (12 members) owns c1; team `small` (6 members) owns c2; both under department d. */
const big = Array.from({ length: 12 }, (_, i) => `b${String(i).padStart(2, '0')}`);
const small = ['s1', 's2', 's3', 's4', 's5', 's6'];
const entities = [
  testGroup('d', { type: 'department' }),
  testGroup('big', { parent: 'd' }),
  testGroup('small', { parent: 'd' }),
  testComponent('c1', 'big'),
  testComponent('c2', 'small'),
  ...big.map(u => testUser(u, 'big')),
  ...small.map(u => testUser(u, 'small')),
];

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);
const isPostgres = (knex: Knex) => !String(knex.client.config.client).includes('sqlite');

async function openRound(server: TestServer, extra: object = {}): Promise<number> {
  const res = await request(server)
    .post('/api/pulse/surveys/rounds')
    .send({ title: 'Q1', target: { type: 'components' }, opensAt: iso(-hour), closesAt: iso(24 * hour), ...extra });
  expect(res.status).toBe(201);
  return res.body.id;
}

const answer = (server: TestServer, roundId: number, user: string, entity: string, answers: object) =>
  request(server)
    .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
    .set('Authorization', as(user))
    .send({ entityRef: entity.includes(':') ? entity : `component:default/${entity}`, answers });

async function rows<T>(knex: Knex, sql: string, bindings: unknown[] = []): Promise<T[]> {
  const result = await knex.raw(sql, bindings as any);
  return Array.isArray(result) ? result : result.rows;
}

describe.each(databases.eachSupportedId())('survey anonymity attacks, second pass, on %p', databaseId => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  it('a backup taken while a round is open cannot pair pending answers with participation rows', async () => {
    // A large minimum keeps all 12 answers of `big` in the pending pool, as in a backup taken mid-round.
    const server = await startPulseTestBackend(knex, { entities, config: { pulse: { surveys: { minRespondents: 20 } } } });
    const id = await openRound(server);
    // b00..b11 answer in this order with NPS 0..10 and then 10 again (satisfaction 1 marks the last one).
    for (const [i, user] of big.entries()) {
      const res = await answer(server, id, user, 'c1', defaultAnswers(i === 11 ? 1 : 3, Math.min(i, 10)));
      expect(res.status).toBe(201);
    }
    const pending = await knex('pulse_survey_pending').where('round_id', id);
    expect(pending).toHaveLength(12);

    // The reader's attack: order participation by its write order (xmin on PostgreSQL, rowid on SQLite), order the
    // pending rows likewise (xmin, then physical position ctid; SQLite: the table's own order), and pair them up.
    const answeringOrder = big.map((_, i) => `${i === 11 ? 1 : 3}/${Math.min(i, 10)}`);
    const participants = isPostgres(knex)
      ? await rows<{ user_ref: string }>(knex, 'SELECT user_ref FROM pulse_survey_participation WHERE round_id = ? ORDER BY xmin::text::bigint', [id])
      : await rows<{ user_ref: string }>(knex, 'SELECT user_ref FROM pulse_survey_participation WHERE round_id = ? ORDER BY rowid', [id]);
    expect(participants.map(p => p.user_ref)).toEqual(big.map(u => `user:default/${u}`));
    const pool = isPostgres(knex)
      ? await rows<{ answers: string; x: string }>(
          knex,
          'SELECT answers, xmin::text AS x FROM pulse_survey_pending WHERE round_id = ? ORDER BY xmin::text::bigint, ctid',
          [id],
        )
      : await rows<{ answers: string }>(knex, 'SELECT answers FROM pulse_survey_pending WHERE round_id = ?', [id]);
    const paired = pool.map(row => {
      const answers: Array<{ questionId: string; valueNumber?: number }> = JSON.parse(row.answers);
      const value = (q: string) => answers.find(a => a.questionId === q)?.valueNumber;
      return `${value('satisfaction')}/${value('nps')}`;
    });
    expect([...paired].sort()).toEqual([...answeringOrder].sort());
    // Learns nothing: the pool's order is not the order of answering (a 1 in 12! chance to fail).
    expect(paired).not.toEqual(answeringOrder);
    if (isPostgres(knex)) {
      // Every pending answer of the leaf was rewritten by the last answer's transaction: one xmin for all of them,
      // none shared with a participation row.
      const xmins = new Set(pool.map(r => (r as { x: string }).x));
      expect(xmins.size).toBe(1);
      const participationXmins = await rows<{ x: string }>(knex, 'SELECT xmin::text AS x FROM pulse_survey_participation WHERE round_id = ?', [id]);
      expect(participationXmins.filter(p => xmins.has(p.x))).toEqual([]);
    }
    // The pool is released as usual at close: 12 responses, nothing waits.
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    expect(await knex('pulse_survey_pending').where('round_id', id)).toEqual([]);
    expect(await knex('pulse_survey_response').where('round_id', id)).toHaveLength(12);
  });

  it('answers racing on one leaf are all kept: the rewrite of the pool loses and duplicates nothing', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    // 12 answers on c1 at once with minimum 5: some released in batches of 5 or more, the rest waiting.
    const statuses = await Promise.all(big.map((user, i) => answer(server, id, user, 'c1', defaultAnswers(3, i % 11))));
    expect(statuses.map(r => r.status)).toEqual(big.map(() => 201));
    const released = await knex('pulse_survey_response').where('round_id', id);
    const waiting = await knex('pulse_survey_pending').where('round_id', id);
    expect(released.length + waiting.length).toBe(12);
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    // NPS i % 11 for i = 0..11: 0..10 once each and 0 again, so 12 answers summing to 55.
    const nps = await knex('pulse_survey_answer').where('question_id', 'nps').select('value_number');
    expect(nps).toHaveLength(12);
    expect(nps.reduce((sum, r) => sum + Number(r.value_number), 0)).toBe(55);
  });
});
