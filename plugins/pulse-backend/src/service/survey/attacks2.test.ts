import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { Knex, startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';
import { defaultAnswers, testComponent, testGroup, testUser } from './testFixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/**
 * Team `big` (12 members) owns c1; team `small` (6 members) owns c2; both under department d, which owns c0 and has
 * one direct member, `boss`.
 */
const big = Array.from({ length: 12 }, (_, i) => `b${String(i).padStart(2, '0')}`);
const small = ['s1', 's2', 's3', 's4', 's5', 's6'];
const entities = [
  testGroup('d', { type: 'department' }),
  testGroup('big', { parent: 'd' }),
  testGroup('small', { parent: 'd' }),
  testComponent('c1', 'big'),
  testComponent('c2', 'small'),
  testComponent('c0', 'd'),
  testUser('boss', 'd'),
  ...big.map(u => testUser(u, 'big')),
  ...small.map(u => testUser(u, 'small')),
];

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);
const closedMode = { pulse: { surveys: { openResults: 'closed' } } };
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

const get = async (server: TestServer, path: string, user?: string) => {
  const req = request(server).get(`/api/pulse/surveys${path}`);
  const res = await (user ? req.set('Authorization', as(user)) : req);
  expect(res.status).toBe(200);
  return path.includes('.csv') ? res.text : res.body;
};

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
      ? await rows<{ answers: string }>(
          knex,
          'SELECT answers FROM pulse_survey_pending WHERE round_id = ? ORDER BY xmin::text::bigint, ctid',
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
    // PostgreSQL: every pending answer of the leaf was rewritten by the last answer's transaction, so one xmin for all
    // of them, none shared with a participation row. (SQLite has no xmin: one empty set, none shared.)
    const xminsOf = async (table: string) =>
      isPostgres(knex)
        ? new Set((await rows<{ x: string }>(knex, `SELECT xmin::text AS x FROM ${table} WHERE round_id = ?`, [id])).map(r => r.x))
        : new Set(['none']);
    const poolXmins = await xminsOf('pulse_survey_pending');
    const participationXmins = await xminsOf('pulse_survey_participation');
    expect(poolXmins.size).toBe(1);
    expect(isPostgres(knex) ? [...participationXmins].filter(x => poolXmins.has(x)) : []).toEqual([]);
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

  it('switching to closed mode while a round is open does not lift the rule on answers released at close', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    for (const user of small.slice(0, 5)) expect((await answer(server, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    // In batched mode the released batch shows: 5 answers of satisfaction 4.
    expect(await get(server, `/rounds/${id}/results?entityRef=component:default/c2`)).toMatchObject({
      hidden: false,
      respondents: 5,
      satisfaction: { mean: 4 },
    });
    // Pulse restarts in closed mode; s6 answers 1 and the round is closed there. Had c2 shown 6 answers of mean 3.5,
    // 6 x 3.5 - 5 x 4 = 1 would be s6's satisfaction.
    const restarted = await startPulseTestBackend(knex, { entities, config: closedMode });
    expect((await answer(restarted, id, 's6', 'c2', defaultAnswers(1, 0))).status).toBe(201);
    await request(restarted).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    for (const reader of [restarted, server]) {
      for (const scope of ['?entityRef=component:default/c2', '?groupRef=group:default/small', '?groupRef=group:default/d', '']) {
        expect(await get(reader, `/rounds/${id}/results${scope}`)).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
      }
    }
  });

  it('in closed mode nothing is released before the close, and no list, trend or CSV tells when a batch was', async () => {
    const closed = await startPulseTestBackend(knex, { entities, config: closedMode });
    const id = await openRound(closed);
    for (const user of small.slice(0, 5)) expect((await answer(closed, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    // All 5 wait: the close releases every answer at once.
    expect(await knex('pulse_survey_pending').where('round_id', id)).toHaveLength(5);
    expect(await knex('pulse_survey_response').where('round_id', id)).toEqual([]);

    // A round that was batched before the switch to closed mode does hold released batches while open.
    const batched = await startPulseTestBackend(knex, { entities });
    const other = await openRound(batched, { title: 'Q2' });
    const read = async () => ({
      overview: await get(closed, `/overview?roundId=${other}`),
      csv: await get(closed, `/overview.csv?roundId=${other}`),
      trends: [
        await get(closed, '/trends?groupRef=group:default/big'),
        await get(closed, '/trends?entityRef=component:default/c1'),
        await get(closed, '/trends'),
      ],
      // s1 is not asked about c1 (audience owners): the tab shows them c1's results, not the round.
      tab: await get(closed, '/entities/component/default/c1', 's1'),
      results: await get(closed, `/rounds/${other}/results?entityRef=component:default/c1`),
    });
    for (const user of big.slice(0, 4)) expect((await answer(batched, other, user, 'c1', defaultAnswers(4, 9))).status).toBe(201);
    const four = await read();
    // b04's answer completes c1's batch: released into the response tables, and nothing a closed-mode reader gets changes.
    expect((await answer(batched, other, 'b04', 'c1', defaultAnswers(4, 9))).status).toBe(201);
    expect(await knex('pulse_survey_response').where('round_id', other)).toHaveLength(5);
    expect(await read()).toEqual(four);
    expect(four.overview.entities).toEqual([]);
    expect(four.overview.teams.map((t: { reason: string }) => t.reason)).toEqual([
      'Results show when the round closes',
      'Results show when the round closes',
    ]);
    // Once closed, everything shows at once: small's 5 answers and its trend point.
    await request(closed).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    expect(await get(closed, `/rounds/${id}/results?groupRef=group:default/small`)).toMatchObject({ hidden: false, respondents: 5 });
    expect((await get(closed, '/trends?groupRef=group:default/small')).points).toMatchObject([{ roundId: id, hidden: false, respondents: 5 }]);
  });

  it('participation does not tell whether the one member of a group took part', async () => {
    const server = await startPulseTestBackend(knex, { entities, config: closedMode });
    const id = await openRound(server);
    for (const user of small.slice(0, 5)) expect((await answer(server, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    expect((await answer(server, id, 'boss', 'c0', defaultAnswers(2, 5))).status).toBe(201);
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    // d: 6 responses (small 5 + boss's 1 on c0), shown; small hides (d minus small would be boss's answer). d's only
    // direct member is boss: a participation of 1 of 1 would say that boss answered.
    const d = await get(server, `/rounds/${id}/results?groupRef=group:default/d`);
    expect(d).toMatchObject({ hidden: false, respondents: 6 });
    expect(d).not.toHaveProperty('participation');
    const overview = await get(server, `/overview?roundId=${id}`);
    expect(overview.teams.find((t: { ref: string }) => t.ref === 'group:default/d')).not.toHaveProperty('participation');
    // small has 6 members, 5 of whom took part: shown where small shows (here it is hidden by subtraction).
    expect(await get(server, `/rounds/${id}/results?groupRef=group:default/small`)).toMatchObject({ hidden: true });
  });

  it('failed attacks: ref spellings, the 201 body, and small releases at close seen through every read', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    // An outsider cannot push a known answer into c2 by spelling its ref differently.
    for (const ref of ['Component:Default/C2', 'c2', 'default/c2', ' component:default/c2']) {
      expect([400, 403]).toContain((await answer(server, id, 'b00', ref, defaultAnswers(1, 0))).status);
    }
    expect(await knex('pulse_survey_participation').where('round_id', id)).toEqual([]);
    // The answer that completes a batch gets the same 201 body as one that waits.
    const bodies = [];
    for (const user of small.slice(0, 5)) {
      const res = await answer(server, id, user, 'c2', defaultAnswers(4, 9));
      expect(res.status).toBe(201);
      bodies.push(res.body);
    }
    expect(new Set(bodies.map(b => JSON.stringify(b))).size).toBe(1);
    // A scope spelt differently reads the same node.
    expect(await get(server, `/rounds/${id}/results?entityRef=COMPONENT:default/C2`)).toEqual(
      await get(server, `/rounds/${id}/results?entityRef=component:default/c2`).then(r => ({
        ...r,
        scope: { type: 'entity', entityRef: 'component:default/c2' },
      })),
    );
    // s6's answer comes out alone at close: no read shows c2, small, d or the round with it.
    expect((await answer(server, id, 's6', 'c2', defaultAnswers(1, 0))).status).toBe(201);
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    const overview = await get(server, `/overview?roundId=${id}`);
    const shownRows = [overview.overall, ...overview.teams, ...overview.entities].filter((r: { hidden: boolean }) => !r.hidden);
    expect(shownRows).toEqual([]);
    const csv: string = await get(server, `/overview.csv?roundId=${id}`);
    // Every data row has an empty respondents column (the fifth).
    expect(csv.trim().split('\n').slice(1).map(line => line.split(',')[4])).toEqual(['', '', '', '', '']);
    for (const scope of ['?groupRef=group:default/small', '?groupRef=group:default/d', '?entityRef=component:default/c2', '']) {
      expect((await get(server, `/trends${scope}`)).points).toMatchObject([{ roundId: id, hidden: true }]);
    }
    expect((await get(server, '/entities/component/default/c2', 's1')).results).toMatchObject({ hidden: true });
  });

  it('comments of a required text question do not grow batch by batch below the free-text minimum', async () => {
    // Batches of 3, free text from 6: two batches would show 6 comments, a third 9, and the 3 new ones would be
    // told apart by comparing the lists.
    const config = { pulse: { surveys: { minRespondents: 3, minTextRespondents: 6 } } };
    const server = await startPulseTestBackend(knex, { entities, config });
    const template = {
      id: 'retro',
      title: 'Retro',
      questions: [
        { id: 'mood', type: 'scale', prompt: 'Mood?', min: 1, max: 5 },
        { id: 'why', type: 'text', prompt: 'Why?' },
      ],
    };
    await request(server).post('/api/pulse/surveys/templates').send(template).expect(201);
    const id = await openRound(server, { templateId: 'retro' });
    const why = async () =>
      (await get(server, `/rounds/${id}/results?entityRef=component:default/c1`)).questions.find(
        (q: { questionId: string }) => q.questionId === 'why',
      );
    for (const user of big.slice(0, 6)) {
      expect((await answer(server, id, user, 'c1', { mood: 4, why: `comment of ${user}` })).status).toBe(201);
    }
    const six = await why();
    expect(six).toEqual(expect.objectContaining({ commentsHiddenReason: 'Free-text answers show when the round closes' }));
    expect(six).not.toHaveProperty('comments');
    for (const user of big.slice(6, 9)) {
      expect((await answer(server, id, user, 'c1', { mood: 4, why: `comment of ${user}` })).status).toBe(201);
    }
    expect(await get(server, `/rounds/${id}/results?entityRef=component:default/c1`)).toMatchObject({ respondents: 9 });
    // Only the count of answers moves, by the batch of 3 (as every count does); still no comment.
    expect(await why()).toEqual({ ...six, count: 9 });
    // At the close all 9 show at once (nothing came out at the close: three full batches).
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    expect((await why()).comments).toEqual(big.slice(0, 9).map(u => `comment of ${u}`));
  });

  it('erasure overwrites the erased answers on SQLite, also on a connection that never released anything', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    for (const user of small.slice(0, 3)) expect((await answer(server, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    // As after a restart: a fresh connection has secure_delete off until something turns it on.
    const secureDelete = async () =>
      isPostgres(knex) ? 'n/a' : Number((await knex.raw('PRAGMA secure_delete'))[0].secure_delete);
    if (!isPostgres(knex)) await knex.raw('PRAGMA secure_delete = OFF');
    await request(server).delete(`/api/pulse/surveys/rounds/${id}`).expect(204);
    expect(await secureDelete()).toBe(isPostgres(knex) ? 'n/a' : 1);
    for (const table of ['pulse_survey_pending', 'pulse_survey_participation']) {
      expect(await knex(table).where('round_id', id)).toEqual([]);
    }
  });
});
