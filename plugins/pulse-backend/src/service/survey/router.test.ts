import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pulsePlugin } from '../../plugin';
import { defaultAnswers, testComponent, testGroup, testUser } from './testFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
type Knex = Awaited<ReturnType<typeof databases.init>>;

/** alpha: 4 members, all answer on comp-a; beta: 6 members, 5 answer on comp-b. */
const alpha = ['al1', 'al2', 'al3', 'al4'];
const beta = ['be1', 'be2', 'be3', 'be4', 'be5', 'be6'];
const entities = [
  testGroup('alpha'),
  testGroup('beta'),
  testComponent('comp-a', 'alpha'),
  testComponent('comp-b', 'beta'),
  ...alpha.map(u => testUser(u, 'alpha')),
  ...beta.map(u => testUser(u, 'beta')),
];

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);

async function backend(knex: Knex, extra: Parameters<typeof startTestBackend>[0]['features'] = []) {
  const { server } = await startTestBackend({
    features: [
      pulsePlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: {} }),
      ...extra,
    ],
  });
  return server;
}

describe.each(databases.eachSupportedId())('survey API on %p', databaseId => {
  let knex: Knex;
  let server: Awaited<ReturnType<typeof backend>>;
  let roundId: number;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    server = await backend(knex);
  });

  it('ships the default template with stable question ids', async () => {
    const res = await request(server).get('/api/pulse/surveys/templates');
    expect(res.status).toBe(200);
    const template = res.body.items.find((t: { id: string }) => t.id === 'developer-experience-5min');
    expect(template.questions.map((q: { id: string }) => q.id)).toEqual([
      'satisfaction',
      'nps',
      'ease-of-shipping',
      'feedback-speed',
      'documentation',
      'cognitive-load',
      'focus-time',
      'on-call',
      'pain-points',
      'one-change',
    ]);
  });

  it('creates an open round for every Component', async () => {
    const res = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'Q4', target: { type: 'components' }, opensAt: iso(-hour), closesAt: iso(24 * hour) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      templateId: 'developer-experience-5min',
      title: 'Q4',
      target: { type: 'components' },
      status: 'open',
    });
    roundId = res.body.id;
    const list = await request(server).get('/api/pulse/surveys/rounds');
    expect(list.body.items.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([[roundId, 'open']]);
  });

  it('takes one response per user and refuses the second with 409', async () => {
    // beta: satisfaction 5, 4, 4, 3, 1 and NPS 10, 9, 8, 6, 3.
    const beta5 = [
      [5, 10],
      [4, 9],
      [4, 8],
      [3, 6],
      [1, 3],
    ];
    for (const [i, [satisfaction, nps]] of beta5.entries()) {
      const res = await request(server)
        .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
        .set('Authorization', as(beta[i]))
        .send({
          entityRef: 'component:default/comp-b',
          answers: defaultAnswers(satisfaction, nps, { 'pain-points': i < 3 ? ['slow-builds'] : [] }),
        });
      expect(res.status).toBe(201);
    }
    for (const user of alpha) {
      const res = await request(server)
        .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
        .set('Authorization', as(user))
        .send({ entityRef: 'comp-a', answers: defaultAnswers(5, 10) });
      expect(res.status).toBe(201);
    }
    const again = await request(server)
      .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
      .set('Authorization', as(beta[0]))
      .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(1, 0) });
    expect(again.status).toBe(409);
  });

  it('refuses a concurrent double submit: exactly one 201 and one 409', async () => {
    const send = () =>
      request(server)
        .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
        .set('Authorization', as('be6'))
        .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(2, 5) });
    const statuses = (await Promise.all([send(), send()])).map(r => r.status).sort();
    expect(statuses).toEqual([201, 409]);
  });

  it('answers 400 naming the question for bad answers', async () => {
    const post = (answers: Record<string, unknown>, entityRef = 'component:default/comp-b') =>
      request(server)
        .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
        .set('Authorization', as('stranger'))
        .send({ entityRef, answers });
    const cases: Array<[Record<string, unknown>, string]> = [
      [defaultAnswers(6, 10), 'answers.satisfaction'],
      [defaultAnswers(4, 11), 'answers.nps'],
      [defaultAnswers(4, 10, { mood: 3 }), 'answers.mood'],
      [defaultAnswers(4, 10, { 'pain-points': ['nope'] }), 'answers.pain-points'],
      [defaultAnswers(4, 10, { documentation: 'good' }), 'answers.documentation'],
      [{ ...defaultAnswers(4, 10), 'on-call': undefined }, 'answers.on-call'],
    ];
    for (const [answers, path] of cases) {
      const res = await post(answers);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
      expect(res.body.error.message).toContain(path);
    }
    const asService = await request(server)
      .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
      .set('Authorization', mockCredentials.service.header())
      .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(4, 10) });
    expect(asService.status).toBe(403);
    const untargeted = await post(defaultAnswers(4, 10), 'group:default/beta');
    expect(untargeted.status).toBe(400);
  });

  it('shows a group of 5 with hand-computed scores and hides a group of 4', async () => {
    const shown = await request(server).get(
      `/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/beta`,
    );
    expect(shown.status).toBe(200);
    // be1..be6 answered: satisfaction 5, 4, 4, 3, 1, 2 -> mean 19/6; favorable (4-5) 3 of 6.
    expect(shown.body).toMatchObject({ hidden: false, respondents: 6 });
    const satisfaction = shown.body.questions.find((q: { questionId: string }) => q.questionId === 'satisfaction');
    expect(satisfaction.count).toBe(6);
    expect(satisfaction.mean).toBeCloseTo(19 / 6, 10);
    expect(satisfaction.distribution.map((d: { count: number }) => d.count)).toEqual([1, 1, 1, 2, 1]);
    // Wilson, p = 0.5, n = 6, z = 1.96: (0.5 + 0.320133 -+ 1.96 x sqrt(0.041667 + 0.026678)) / 1.640267
    expect(satisfaction.favorable.share).toBeCloseTo(0.5, 10);
    expect(satisfaction.favorable.low).toBeCloseTo(0.18761, 4);
    expect(satisfaction.favorable.high).toBeCloseTo(0.81239, 4);
    // NPS answers 10, 9, 8, 6, 3, 5: promoters 2/6, passives 1/6, detractors 3/6 -> -16.667;
    // Var = 100^2 x ((2/6 + 3/6) - (-1/6)^2) / 6 = 1342.59; 95% +- 1.96 x 36.6414 = 71.8171.
    expect(shown.body.nps.score).toBeCloseTo(-16.6667, 3);
    expect(shown.body.nps.low).toBeCloseTo(-88.4838, 3);
    expect(shown.body.nps.high).toBeCloseTo(55.1504, 3);
    expect(shown.body.participation).toEqual({ audienceSize: 6, participants: 6, rate: 1 });
    const text = shown.body.questions.find((q: { questionId: string }) => q.questionId === 'one-change');
    expect(text.comments).toBeUndefined();
    expect(text.commentsHiddenReason).toContain('10');

    const hidden = await request(server).get(
      `/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/alpha`,
    );
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({
      roundId,
      scope: { type: 'group', groupRef: 'group:default/alpha' },
      hidden: true,
      reason: expect.stringContaining('Fewer than 5'),
    });
    // The round total (10) minus beta (6) would reveal alpha's 4: the round-wide result hides instead.
    const round = await request(server).get(`/api/pulse/surveys/rounds/${roundId}/results`);
    expect(round.body).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
  });

  it('shows the entity tab: the open round, hasResponded and the results', async () => {
    const answered = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-b')
      .set('Authorization', as('be1'));
    expect(answered.status).toBe(200);
    expect(answered.body.round).toMatchObject({ id: roundId, status: 'open' });
    expect(answered.body.round.template.questions).toHaveLength(10);
    expect(answered.body.hasResponded).toBe(true);
    expect(answered.body.results).toMatchObject({ hidden: false, respondents: 6 });
    expect(answered.body.trend).toHaveLength(1);

    // One response per user per round, whichever entity it was given on.
    const sameRound = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-a')
      .set('Authorization', as('be1'));
    expect(sameRound.body.hasResponded).toBe(true);
    const fresh = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-a')
      .set('Authorization', as('newcomer'));
    expect(fresh.body.hasResponded).toBe(false);
    expect(fresh.body.results).toMatchObject({ hidden: true });
  });

  it('lists teams, entities and pain points in the overview and its CSV', async () => {
    const res = await request(server).get(`/api/pulse/surveys/overview?roundId=${roundId}`);
    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: { ref: string; hidden: boolean }) => [t.ref, t.hidden])).toEqual([
      ['group:default/alpha', true],
      ['group:default/beta', false],
    ]);
    expect(res.body.teams[1].satisfaction.mean).toBeCloseTo(19 / 6, 10);
    expect(res.body.overall.hidden).toBe(true);
    expect(res.body.painPoints).toEqual([]);

    const csv = await request(server).get(`/api/pulse/surveys/overview.csv?roundId=${roundId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0].startsWith('section,ref,group_ref,hidden_reason,respondents')).toBe(true);
    expect(lines.find(l => l.startsWith('team,group:default/beta'))).toContain(',6,3.1667,0.5,');
  });

  it('closes a round once (409 the second time) and then refuses answers with 409', async () => {
    const closed = await request(server).post(`/api/pulse/surveys/rounds/${roundId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await request(server).post(`/api/pulse/surveys/rounds/${roundId}/close`)).status).toBe(409);
    const late = await request(server)
      .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
      .set('Authorization', as('latecomer'))
      .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(4, 9) });
    expect(late.status).toBe(409);
    expect((await request(server).post('/api/pulse/surveys/rounds/999/close')).status).toBe(404);
  });

  it('refuses answers to a round that has not opened yet with 409', async () => {
    const scheduled = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'Later', target: { type: 'entity', entityRef: 'component:default/comp-b' }, opensAt: iso(hour), closesAt: iso(2 * hour) });
    expect(scheduled.body.status).toBe('scheduled');
    const res = await request(server)
      .post(`/api/pulse/surveys/rounds/${scheduled.body.id}/responses`)
      .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(4, 9) });
    expect(res.status).toBe(409);
  });

  it('validates rounds and templates with 400 naming the field', async () => {
    const bad = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'x', target: { type: 'group' }, opensAt: iso(hour), closesAt: iso(-hour) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['closesAt']);
    const noTemplate = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ templateId: 'nope', title: 'x', target: { type: 'components' }, opensAt: iso(0), closesAt: iso(hour) });
    expect(noTemplate.status).toBe(400);
    expect(noTemplate.body.error.message).toContain('templateId');

    const template = {
      id: 'tooling-pulse',
      title: 'Tooling pulse',
      questions: [{ id: 'ci', type: 'scale', prompt: 'CI?', min: 1, max: 7 }],
    };
    expect((await request(server).post('/api/pulse/surveys/templates').send(template)).status).toBe(201);
    expect((await request(server).post('/api/pulse/surveys/templates').send(template)).status).toBe(409);
    const badTemplate = await request(server)
      .post('/api/pulse/surveys/templates')
      .send({ ...template, id: 'other', questions: [{ id: 'ci', type: 'scale', prompt: 'CI?', min: 5, max: 1 }] });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.errors[0].path).toBe('questions.0.max');
  });

  it('keeps no column that identifies a user or a time in the answer and response tables', async () => {
    for (const table of ['pulse_survey_answer', 'pulse_survey_response']) {
      const columns = Object.keys(await knex(table).columnInfo());
      expect(columns.filter(c => /user|_by$|_at$|time|ts$/.test(c))).toEqual([]);
    }
    expect(Object.keys(await knex('pulse_survey_answer').columnInfo()).sort()).toEqual(
      ['choice', 'question_id', 'response_id', 'value_number', 'value_text'],
    );
  });

  it('refuses manager-only actions without pulse.survey.manage (403)', async () => {
    const denied = await backend(await databases.init(databaseId), [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const create = await request(denied)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'Q4', target: { type: 'components' }, opensAt: iso(-hour), closesAt: iso(hour) });
    expect(create.status).toBe(403);
    expect((await request(denied).post('/api/pulse/surveys/rounds/1/close')).status).toBe(403);
    expect((await request(denied).get('/api/pulse/surveys/rounds')).status).toBe(200);
  });
});
