import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import request from 'supertest';
import { Knex, startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';
import { pulsePlugin } from '../../plugin';
import { defaultAnswers, testComponent, testGroup, testUser } from './testFixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/**
 * Group g holds teams t1 (6 members) and t2 (5 members); c1 is t1's, c2 is t2's, c0 is g's. mallory is in another
 * group: an outsider to all three.
 */
const t1 = ['t1a', 't1b', 't1c', 't1d', 't1e', 't1f'];
const t2 = ['t2a', 't2b', 't2c', 't2d', 't2e'];
const entities = [
  testGroup('g', { type: 'department' }),
  testGroup('t1', { parent: 'g' }),
  testGroup('t2', { parent: 'g' }),
  testGroup('outsiders'),
  testComponent('c0', 'g'),
  testComponent('c1', 't1'),
  testComponent('c2', 't2'),
  ...t1.map(u => testUser(u, 't1')),
  ...t2.map(u => testUser(u, 't2')),
  testUser('mallory', 'outsiders'),
];

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);
const fewerThan5 = 'Fewer than 5 responses: results are hidden to keep answers anonymous';
const closedMode = { pulse: { surveys: { openResults: 'closed' } } };

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
    .send({ entityRef: `component:default/${entity}`, answers });

const results = async (server: TestServer, roundId: number, scope = '') =>
  (await request(server).get(`/api/pulse/surveys/rounds/${roundId}/results${scope}`).expect(200)).body;

const question = (body: { questions: Array<{ questionId: string }> }, id: string) =>
  body.questions.find(q => q.questionId === id);

const isPostgres = (knex: Knex) => !String(knex.client.config.client).includes('sqlite');

async function rows<T>(knex: Knex, sql: string, bindings: unknown[] = []): Promise<T[]> {
  const result = await knex.raw(sql, bindings as any);
  return Array.isArray(result) ? result : result.rows;
}

const RESPONSE_TABLES = ['pulse_survey_response', 'pulse_survey_answer', 'pulse_survey_pending'];

/** What a database reader sees of released responses: PostgreSQL xmins; SQLite rowids and secure_delete. */
async function readerView(knex: Knex, roundId: number) {
  if (isPostgres(knex)) {
    const sql = (table: string) => `SELECT DISTINCT xmin::text AS x FROM ${table} WHERE round_id = ?`;
    const participation = new Set((await rows<{ x: string }>(knex, sql('pulse_survey_participation'), [roundId])).map(r => r.x));
    const batches = (await rows<{ x: string }>(knex, sql('pulse_survey_response'), [roundId])).map(r => r.x);
    return { batches: batches.length, sharedWithParticipation: batches.filter(x => participation.has(x)) };
  }
  const rowids: string[] = [];
  for (const table of RESPONSE_TABLES) {
    rowids.push(await knex.raw(`SELECT rowid FROM ${table}`).then(() => 'readable', (error: Error) => error.message));
  }
  const [pragma] = await knex.raw('PRAGMA secure_delete');
  return { rowids, secureDelete: pragma.secure_delete };
}

/** How many transactions wrote a round's responses (PostgreSQL only). */
async function distinctXmins(knex: Knex, roundId: number): Promise<number | undefined> {
  if (!isPostgres(knex)) return undefined;
  return (await rows(knex, 'SELECT DISTINCT xmin::text FROM pulse_survey_response WHERE round_id = ?', [roundId])).length;
}

describe.each(databases.eachSupportedId())('survey anonymity attacks on %p', databaseId => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  it('a database reader finds no rowid, shared xmin, order or time that lines responses up with participation', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    // t1a..t1e on c1, then t2a..t2e on c2, in this order, with NPS 0..9: the order a reader would try to recover.
    const order = [...t1.slice(0, 5).map(u => [u, 'c1']), ...t2.map(u => [u, 'c2'])];
    for (const [nps, [user, entity]] of order.entries()) {
      expect((await answer(server, id, user, entity, defaultAnswers(3, nps))).status).toBe(201);
    }
    // Two leaves of 5: both released in their own batch, nothing waits.
    expect(await knex('pulse_survey_pending').where('round_id', id)).toEqual([]);

    for (const table of RESPONSE_TABLES) {
      const columns = Object.keys(await knex(table).columnInfo());
      expect(columns.filter(c => /user|_by$|_at$|time|ts$|seq_no|created/.test(c))).toEqual([]);
    }
    // PostgreSQL: one transaction per batch, none of them a participation transaction. SQLite: no rowid to count
    // along, and deleted pending answers are overwritten.
    const noRowid = expect.stringContaining('no such column: rowid');
    expect(await readerView(knex, id)).toEqual(
      isPostgres(knex)
        ? { batches: 2, sharedWithParticipation: [] }
        : { rowids: [noRowid, noRowid, noRowid], secureDelete: 1 },
    );

    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    // Who took part is reduced to counts per group: 5 of t1's 6 members and all 5 of t2's.
    expect(await knex('pulse_survey_participation').where('round_id', id)).toEqual([]);
    const counts = await knex('pulse_survey_participation_count').where('round_id', id).whereIn('group_ref', ['group:default/t1', 'group:default/t2']).orderBy('group_ref');
    expect(counts.map(c => [c.group_ref, Number(c.members), Number(c.participants)])).toEqual([
      ['group:default/t1', 6, 5],
      ['group:default/t2', 5, 5],
    ]);
    // Physical order and key order of the stored answers are not the order of answering (a 2 in 10! chance to fail).
    const stored = (await knex('pulse_survey_answer').where('question_id', 'nps').select('value_number')).map(r => Number(r.value_number));
    const byKey = (
      await knex('pulse_survey_answer').where('question_id', 'nps').orderBy('response_id').select('value_number')
    ).map(r => Number(r.value_number));
    const answeringOrder = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect([...stored].sort((a, b) => a - b)).toEqual(answeringOrder);
    expect(stored).not.toEqual(answeringOrder);
    expect(byKey).not.toEqual(answeringOrder);
    // PostgreSQL: at close every response of the round is rewritten in one transaction, so one xmin for all of them.
    expect(await distinctXmins(knex, id)).toBe(isPostgres(knex) ? 1 : undefined);
  });

  it('a stopwatch learns nothing: one more answer changes no result of an open round', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    for (const user of t1.slice(0, 5)) expect((await answer(server, id, user, 'c1', defaultAnswers(4, 9))).status).toBe(201);
    const read = async () => ({
      entity: await results(server, id, '?entityRef=component:default/c1'),
      team: await results(server, id, '?groupRef=group:default/t1'),
      round: await results(server, id),
      overview: (await request(server).get(`/api/pulse/surveys/overview?roundId=${id}`)).body,
      trend: (await request(server).get('/api/pulse/surveys/trends?groupRef=group:default/t1')).body,
    });
    const before = await read();
    expect(before.entity).toMatchObject({ hidden: false, respondents: 5 });
    // Participation would tick with the colleague's answer: it shows only once the round is closed.
    expect(before.team.participation).toBeUndefined();

    // The known colleague answers, very differently from everyone else.
    expect((await answer(server, id, 't1f', 'c1', defaultAnswers(1, 0))).status).toBe(201);
    expect(await read()).toEqual(before);

    // At close the late answer is released; a team, entity or round that grew by fewer than 5 stays hidden.
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    for (const scope of ['?entityRef=component:default/c1', '?groupRef=group:default/t1', '']) {
      expect(await results(server, id, scope)).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
    }
  });

  it('in closed mode nothing of an open round shows, then everything at once', async () => {
    const server = await startPulseTestBackend(knex, { entities, config: closedMode });
    const id = await openRound(server);
    for (const user of t1) expect((await answer(server, id, user, 'c1', defaultAnswers(4, 9))).status).toBe(201);
    for (const scope of ['?entityRef=component:default/c1', '?groupRef=group:default/t1', '']) {
      expect(await results(server, id, scope)).toEqual(
        expect.objectContaining({ hidden: true, reason: 'Results show when the round closes' }),
      );
    }
    const tab = await request(server).get('/api/pulse/surveys/entities/component/default/c1').set('Authorization', as('t1a'));
    expect(tab.body).toMatchObject({ openResults: 'closed', results: { hidden: true } });
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    // All 6 of t1 answered: shown, with participation 6 of 6.
    expect(await results(server, id, '?groupRef=group:default/t1')).toMatchObject({
      hidden: false,
      respondents: 6,
      participation: { audienceSize: 6, participants: 6, rate: 1 },
    });
  });

  it('subtraction per question learns nothing: g minus t1 on an optional question is never both shown', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    // All 5 of t1 pick slow-builds; in t2 only t2a answers the optional pain-points question.
    for (const user of t1.slice(0, 5)) {
      expect((await answer(server, id, user, 'c1', defaultAnswers(4, 9, { 'pain-points': ['slow-builds'] }))).status).toBe(201);
    }
    expect((await answer(server, id, 't2a', 'c2', defaultAnswers(4, 9, { 'pain-points': ['flaky-tests'] }))).status).toBe(201);
    for (const user of t2.slice(1)) expect((await answer(server, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);

    // Respondents: g 10 = t1 5 + t2 5, all shown. pain-points answers: g 6 = t1 5 + t2 1. t2's 1 is below 5, and
    // g minus t1 would be t2a's choices: so t1's pain-points hide (the smallest shown child), and g's 6 show.
    const g = await results(server, id, '?groupRef=group:default/g');
    const team1 = await results(server, id, '?groupRef=group:default/t1');
    const team2 = await results(server, id, '?groupRef=group:default/t2');
    const c1 = await results(server, id, '?entityRef=component:default/c1');
    expect([g, team1, team2].map(r => [r.hidden, r.respondents])).toEqual([
      [false, 10],
      [false, 5],
      [false, 5],
    ]);
    expect(question(g, 'pain-points')).toMatchObject({ count: 6 });
    expect(question(g, 'pain-points')).not.toHaveProperty('hidden');
    expect(question(team1, 'pain-points')).toEqual({
      questionId: 'pain-points',
      type: 'choice',
      prompt: expect.any(String),
      hidden: true,
      reason: expect.stringContaining('subtract'),
    });
    // A hidden question shows no count: t2's single answer, and c1 below its hidden team.
    expect(question(team2, 'pain-points')).toEqual(expect.objectContaining({ hidden: true, reason: fewerThan5 }));
    expect(question(team2, 'pain-points')).not.toHaveProperty('count');
    expect(question(c1, 'pain-points')).toEqual(expect.objectContaining({ hidden: true }));
    expect(question(c1, 'pain-points')).not.toHaveProperty('count');
  });

  it('known answers pushed by an outsider are refused: only members of an owning group answer', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    for (const user of t2.slice(0, 4)) expect((await answer(server, id, user, 'c2', defaultAnswers(4, 9))).status).toBe(201);
    // mallory (outsider) and t1a (another team) would push c2's 4 over the threshold with answers they know.
    for (const user of ['mallory', 't1a']) {
      const pushed = await answer(server, id, user, 'c2', defaultAnswers(1, 0));
      expect(pushed.status).toBe(403);
      expect(pushed.body.error.message).toContain('asks only members of the groups owning component:default/c2');
      expect(pushed.body.error.message).not.toContain('group:default/t2'); // the owners are not named to an outsider
    }
    expect(await results(server, id, '?entityRef=component:default/c2')).toMatchObject({ hidden: true, reason: fewerThan5 });
    // The tab does not offer them the round; a member of t2 is offered it.
    const tab = (user: string) =>
      request(server).get('/api/pulse/surveys/entities/component/default/c2').set('Authorization', as(user));
    expect((await tab('mallory')).body.round).toBeNull();
    expect((await tab('t2e')).body.round).toMatchObject({ id, audience: 'owners' });
    // Nothing was recorded for them: they can still answer where they belong.
    expect(Number((await knex('pulse_survey_pending').where('round_id', id).count({ n: '*' }))[0].n)).toBe(4);
    expect((await answer(server, id, 't1a', 'c1', defaultAnswers(4, 9))).status).toBe(201);
    // Through a child group: t1 is under g, so t1b may answer on g's c0.
    expect((await answer(server, id, 't1b', 'c0', defaultAnswers(4, 9))).status).toBe(201);
    // One answer per person per round, whichever entity: t1a answered on c1, so not again on g's c0.
    expect((await answer(server, id, 't1a', 'c0', defaultAnswers(4, 9))).status).toBe(409);

    // A round opened to everyone lets the outsider answer: the documented risk of `audience: everyone`.
    const open = await openRound(server, { title: 'Open house', audience: 'everyone' });
    expect((await answer(server, open, 'mallory', 'c2', defaultAnswers(1, 0))).status).toBe(201);
  });

  it('a reorganisation between two reads changes nothing a round shows', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const id = await openRound(server);
    for (const user of t1.slice(0, 5)) expect((await answer(server, id, user, 'c1', defaultAnswers(5, 10))).status).toBe(201);
    for (const user of t2) expect((await answer(server, id, user, 'c2', defaultAnswers(2, 3))).status).toBe(201);
    await request(server).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    const scopes = ['', '?groupRef=group:default/g', '?groupRef=group:default/t1', '?groupRef=group:default/t2', '?entityRef=component:default/c1'];
    const before = await Promise.all(scopes.map(scope => results(server, id, scope)));
    expect(before[1]).toMatchObject({ hidden: false, respondents: 10 });

    // t2 leaves g for a new group h, and c1 moves to t2: read again through a backend on today's catalog.
    const reorganised = [
      testGroup('g', { type: 'department' }),
      testGroup('h', { type: 'department' }),
      testGroup('t1', { parent: 'g' }),
      testGroup('t2', { parent: 'h' }),
      testComponent('c1', 't2'),
      testComponent('c2', 't2'),
      ...t1.map(u => testUser(u, 't1')),
      ...t2.map(u => testUser(u, 't2')),
    ];
    const after = await startPulseTestBackend(knex, { entities: reorganised });
    expect(await Promise.all(scopes.map(scope => results(after, id, scope)))).toEqual(before);
    expect(await results(after, id, '?groupRef=group:default/h')).toMatchObject({ hidden: true });
  });

  it('a round keeps its template version; a changed template is a new version', async () => {
    const server = await startPulseTestBackend(knex, { entities });
    const template = { id: 'tooling', title: 'Tooling', questions: [{ id: 'ci', type: 'scale', prompt: 'CI?', min: 1, max: 5 }] };
    await request(server).post('/api/pulse/surveys/templates').send(template).expect(201);
    const first = await openRound(server, { templateId: 'tooling' });
    // The template changes (as the default one does when Pulse is upgraded): a second version.
    const store = await PulseStore.fromClient(knex);
    const changed = { ...template, questions: [{ id: 'ci', type: 'scale' as const, prompt: 'CI speed?', required: true, min: 1, max: 7 }] };
    expect(await store.survey.templates.upsert(changed, Date.now())).toBe(2);
    expect(await store.survey.templates.upsert(changed, Date.now())).toBe(2);

    const old = await request(server).get(`/api/pulse/surveys/rounds/${first}`).expect(200);
    expect(old.body).toMatchObject({ templateVersion: 1, template: { version: 1, questions: [{ prompt: 'CI?', max: 5 }] } });
    const second = await openRound(server, { templateId: 'tooling', title: 'Q2' });
    const fresh = await request(server).get(`/api/pulse/surveys/rounds/${second}`).expect(200);
    expect(fresh.body).toMatchObject({ templateVersion: 2, template: { version: 2, questions: [{ prompt: 'CI speed?', max: 7 }] } });
    // An answer of 6 fits version 2 only.
    expect((await answer(server, first, 't1a', 'c1', { ci: 6 })).status).toBe(400);
    expect((await answer(server, second, 't1a', 'c1', { ci: 6 })).status).toBe(201);

    // A restart stores the unchanged default template again without a new version.
    const restarted = await startPulseTestBackend(knex, { entities });
    const templates = await request(restarted).get('/api/pulse/surveys/templates').expect(200);
    expect(templates.body.items.map((t: { id: string; version: number }) => [t.id, t.version])).toEqual([
      ['developer-experience-5min', 1],
      ['tooling', 2],
    ]);
  });

  it('erasure and management: listed services and managers only, every write audited', async () => {
    const auditor = mockServices.auditor.mock();
    const events: Array<[string, string]> = [];
    auditor.createEvent.mockImplementation(async ({ eventId }) => ({
      success: async () => void events.push([eventId, 'succeeded']),
      fail: async () => void events.push([eventId, 'failed']),
    }));
    const service = mockCredentials.service.header();
    const start = (writers: string[], result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
      startPulseTestBackend(knex, {
        entities,
        config: { pulse: { surveys: { writers } } },
        features: [auditor.factory, mockServices.permissions.factory({ result })],
      });
    const body = { title: 'CI round', target: { type: 'components' }, opensAt: iso(-hour), closesAt: iso(hour) };

    // Backstage's permission client allows every service: an unlisted one is refused before it is asked.
    const unlisted = await start([], AuthorizeResult.ALLOW);
    expect((await request(unlisted).post('/api/pulse/surveys/rounds').set('Authorization', service).send(body)).status).toBe(403);
    expect((await request(unlisted).post('/api/pulse/surveys/templates').set('Authorization', service).send({})).status).toBe(403);
    const id = await openRound(unlisted);
    for (const user of t1.slice(0, 5)) expect((await answer(unlisted, id, user, 'c1', defaultAnswers(4, 9))).status).toBe(201);
    expect((await answer(unlisted, id, 't1f', 'c1', defaultAnswers(4, 9))).status).toBe(201);
    expect((await request(unlisted).post(`/api/pulse/surveys/rounds/${id}/close`).set('Authorization', service)).status).toBe(403);
    expect((await request(unlisted).delete(`/api/pulse/surveys/rounds/${id}`).set('Authorization', service)).status).toBe(403);

    // A user without pulse.survey.manage: 403; the listed CI service may, whatever the permission policy says.
    const listed = await start(['external:test-service'], AuthorizeResult.DENY);
    expect((await request(listed).delete(`/api/pulse/surveys/rounds/${id}`).set('Authorization', as('t1a'))).status).toBe(403);
    expect((await request(listed).post('/api/pulse/surveys/rounds').set('Authorization', service).send(body)).status).toBe(201);
    await request(listed).delete(`/api/pulse/surveys/rounds/${id}`).set('Authorization', service).expect(204);
    expect((await request(listed).get(`/api/pulse/surveys/rounds/${id}`)).status).toBe(404);
    for (const table of ['pulse_survey_response', 'pulse_survey_pending', 'pulse_survey_participation', 'pulse_survey_round_owner']) {
      expect(await knex(table).where('round_id', id)).toEqual([]);
    }
    expect(await knex('pulse_survey_answer')).toEqual([]);
    expect((await request(listed).delete(`/api/pulse/surveys/rounds/${id}`).set('Authorization', service)).status).toBe(404);

    expect(events).toEqual([
      ['survey-round-create', 'failed'],
      ['survey-template-create', 'failed'],
      ['survey-round-create', 'succeeded'],
      ['survey-round-close', 'failed'],
      ['survey-round-delete', 'failed'],
      ['survey-round-delete', 'failed'],
      ['survey-round-create', 'succeeded'],
      ['survey-round-delete', 'succeeded'],
      ['survey-round-delete', 'failed'],
    ]);
  });

  it('reads the titles a page shows with the reader\'s credentials, so what the catalog hides stays hidden', async () => {
    const catalog = catalogServiceMock({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const { server } = await startTestBackend({
      features: [
        pulsePlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: {} }),
        createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }),
      ],
    });
    const id = await openRound(server);
    for (const user of t1.slice(0, 5)) expect((await answer(server, id, user, 'c1', defaultAnswers(4, 9))).status).toBe(201);
    getEntities.mockClear();
    getEntitiesByRefs.mockClear();
    await request(server).get(`/api/pulse/surveys/overview?roundId=${id}`).set('Authorization', as('t2a')).expect(200);
    const readers = [...getEntities.mock.calls, ...getEntitiesByRefs.mock.calls]
      .filter(([query]) => JSON.stringify(query).includes('metadata.title'))
      .map(([, options]) => ((options as { credentials: { principal: { userEntityRef?: string } } }).credentials.principal.userEntityRef));
    // The teams list and the entity titles.
    expect(readers).toEqual(['user:default/t2a', 'user:default/t2a']);
  });
});
