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

/**
 * alpha ("Alpha Team"): 4 members, all answer on comp-a ("Component A"); beta (no title): 6 members, answer on comp-b;
 * gamma ("Gamma Squad"): a team that never answers; guild: a group that is not a team.
 */
const alpha = ['al1', 'al2', 'al3', 'al4'];
const beta = ['be1', 'be2', 'be3', 'be4', 'be5', 'be6'];
const entities = [
  testGroup('alpha', { title: 'Alpha Team' }),
  testGroup('beta'),
  testGroup('gamma', { title: 'Gamma Squad' }),
  testGroup('guild', { title: 'Frontend guild', type: 'guild' }),
  testComponent('comp-a', 'alpha', 'Component A'),
  testComponent('comp-b', 'beta'),
  ...alpha.map(u => testUser(u, 'alpha')),
  ...beta.map(u => testUser(u, 'beta')),
];

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);
const fewerThan5 = 'Fewer than 5 responses: results are hidden to keep answers anonymous';

/** beta's first five answers, as [satisfaction, NPS]: 5, 4, 4, 3, 1 and 10, 9, 8, 6, 3. */
const beta5 = [
  [5, 10],
  [4, 9],
  [4, 8],
  [3, 6],
  [1, 3],
];

async function backend(knex: Knex, extra: Parameters<typeof startTestBackend>[0]['features'] = [], config: object = {}) {
  const { server } = await startTestBackend({
    features: [
      pulsePlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
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

  /** The same store read by a backend that shows results only once a round has closed. */
  let closedServer: typeof server | undefined;
  const closedMode = async () =>
    (closedServer ??= await backend(knex, [], { pulse: { surveys: { openResults: 'closed' } } }));

  /**
   * Q4's answers again, in a round answered and closed in closed mode. Q4 itself showed beta's first batch of 5 in
   * batched mode, so its final 6 stay hidden in either mode (be6's answer came out alone at the close).
   */
  let closedQ4Id: number | undefined;
  const closedQ4 = async () => {
    if (closedQ4Id !== undefined) return closedQ4Id;
    const closed = await closedMode();
    const res = await request(closed)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'Q4', target: { type: 'components' }, opensAt: iso(-hour), closesAt: iso(24 * hour) });
    const id: number = res.body.id;
    const post = (user: string, entityRef: string, answers: object) =>
      request(closed).post(`/api/pulse/surveys/rounds/${id}/responses`).set('Authorization', as(user)).send({ entityRef, answers });
    for (const [i, [satisfaction, nps]] of beta5.entries()) {
      const answers = defaultAnswers(satisfaction, nps, { 'pain-points': i < 3 ? ['slow-builds'] : [] });
      expect((await post(beta[i], 'component:default/comp-b', answers)).status).toBe(201);
    }
    expect((await post('be6', 'component:default/comp-b', defaultAnswers(2, 5))).status).toBe(201);
    for (const user of alpha) expect((await post(user, 'comp-a', defaultAnswers(5, 10))).status).toBe(201);
    await request(closed).post(`/api/pulse/surveys/rounds/${id}/close`).expect(200);
    closedQ4Id = id;
    return id;
  };

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
        .set('Authorization', as(beta[0]))
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

  it('shows an open round batch by batch: five answers on comp-b show, the sixth and alpha\'s four wait', async () => {
    // be1..be5 made a batch of 5 on comp-b (released at once); be6 and alpha's 4 wait in the pending pool.
    const betaResults = await request(server).get(`/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/beta`);
    expect(betaResults.body).toMatchObject({ hidden: false, respondents: 5 });
    // Satisfaction 5, 4, 4, 3, 1: mean 17/5; NPS 10, 9, 8, 6, 3: 2 promoters - 2 detractors of 5 = 0.
    expect(betaResults.body.satisfaction.mean).toBeCloseTo(17 / 5, 10);
    expect(betaResults.body.nps.score).toBeCloseTo(0, 10);
    // Participation would tick with each answer: it shows once the round is closed.
    expect(betaResults.body.participation).toBeUndefined();
    // Optional questions are not answered by every response of a batch: they show when the round closes.
    const painPoints = betaResults.body.questions.find((q: { questionId: string }) => q.questionId === 'pain-points');
    expect(painPoints).toEqual({
      questionId: 'pain-points',
      type: 'choice',
      prompt: expect.any(String),
      hidden: true,
      reason: 'Answers to optional questions show when the round closes',
    });
    const alphaResults = await request(server).get(`/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/alpha`);
    expect(alphaResults.body).toMatchObject({ hidden: true, reason: fewerThan5 });
    expect(Number((await knex('pulse_survey_pending').where('round_id', roundId).count({ n: '*' }))[0].n)).toBe(5);
  });

  it('shows the entity tab: the open round, hasResponded and the results', async () => {
    const answered = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-b')
      .set('Authorization', as('be1'));
    expect(answered.status).toBe(200);
    expect(answered.body.round).toMatchObject({ id: roundId, status: 'open' });
    expect(answered.body.round.template.questions).toHaveLength(10);
    expect(answered.body.hasResponded).toBe(true);
    expect(answered.body.results).toMatchObject({ hidden: false, respondents: 5 });
    expect(answered.body.openResults).toBe('batched');
    expect(answered.body.trend).toHaveLength(1);

    // comp-a is alpha's: the round is not offered to a member of beta there.
    const notTheirs = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-a')
      .set('Authorization', as('be1'));
    expect(notTheirs.body).toMatchObject({ round: null, hasResponded: false });
    const fresh = await request(server)
      .get('/api/pulse/surveys/entities/component/default/comp-a')
      .set('Authorization', as('newcomer'));
    // Not offered the round, and alpha's 4 answers wait in the pool: no results to show yet.
    expect(fresh.body).toMatchObject({ round: null, hasResponded: false, results: null });
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

  it('shows all answers once closed: a group of 6 with hand-computed scores, a group of 4 hidden', async () => {
    // In batched mode beta showed be1..be5; be6's answer came out at close, so showing 6 now would reveal it.
    const batched = await request(server).get(`/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/beta`);
    expect(batched.body).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
    expect((await request(await closedMode()).get(`/api/pulse/surveys/rounds/${roundId}/results?groupRef=group:default/beta`)).body)
      .toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
    // With pulse.surveys.openResults: closed nothing showed before the close: all of it shows now.
    const closedId = await closedQ4();
    const shown = await request(await closedMode()).get(
      `/api/pulse/surveys/rounds/${closedId}/results?groupRef=group:default/beta`,
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
    // NPS answers 10, 9, 8, 6, 3, 5: promoters 2/6, passives 1/6, detractors 3/6 -> -16.667. Adjusted-Wald interval:
    // n' = 9, p' = 2.75/9 = 0.305556, d' = 3.75/9 = 0.416667, centre -11.1111; variance (0.722222 - 0.012346) / 9 =
    // 0.0788752, sd 0.2808472; 95% +- 196 x 0.2808472 = 55.0461 -> -66.1572 to 43.9349.
    expect(shown.body.nps.score).toBeCloseTo(-16.6667, 3);
    expect(shown.body.nps.low).toBeCloseTo(-66.1572, 3);
    expect(shown.body.nps.high).toBeCloseTo(43.9349, 3);
    expect(shown.body.participation).toEqual({ audienceSize: 6, participants: 6, rate: 1 });
    // Nobody answered the optional free-text question: hidden, and not even its count shows.
    const text = shown.body.questions.find((q: { questionId: string }) => q.questionId === 'one-change');
    expect(text).toEqual({ questionId: 'one-change', type: 'text', prompt: expect.any(String), hidden: true, reason: fewerThan5 });

    const hidden = await request(await closedMode()).get(
      `/api/pulse/surveys/rounds/${closedId}/results?groupRef=group:default/alpha`,
    );
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({
      roundId: closedId,
      scope: { type: 'group', groupRef: 'group:default/alpha' },
      hidden: true,
      reason: expect.stringContaining('Fewer than 5'),
    });
    // The round total (10) minus beta (6) would reveal alpha's 4: the round-wide result hides instead.
    const round = await request(await closedMode()).get(`/api/pulse/surveys/rounds/${closedId}/results`);
    expect(round.body).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });
  });

  it('lists every team and the entities by title in the overview and its CSV, hidden ones with the reason', async () => {
    const closedId = await closedQ4();
    const res = await request(await closedMode()).get(`/api/pulse/surveys/overview?roundId=${closedId}`);
    expect(res.status).toBe(200);
    // Round 10 = alpha 4 + beta 6: alpha is below 5, and the round minus beta would reveal it, so the round hides.
    expect(res.body.overall).toEqual({ ref: 'round', title: 'Q4', hidden: true, reason: expect.stringContaining('subtract') });
    // Sorted by title; gamma is a team without responses; guild is no team.
    expect(res.body.teams.map((t: { ref: string; title: string }) => [t.ref, t.title])).toEqual([
      ['group:default/alpha', 'Alpha Team'],
      ['group:default/beta', 'beta'],
      ['group:default/gamma', 'Gamma Squad'],
    ]);
    const [alphaRow, betaRow, gammaRow] = res.body.teams;
    expect(alphaRow).toEqual({ ref: 'group:default/alpha', title: 'Alpha Team', hidden: true, reason: fewerThan5 });
    expect(gammaRow).toEqual({
      ref: 'group:default/gamma',
      title: 'Gamma Squad',
      hidden: true,
      reason: 'No responses in this round',
    });
    expect(betaRow).toMatchObject({ hidden: false, respondents: 6, participation: { audienceSize: 6, participants: 6, rate: 1 } });
    expect(betaRow.satisfaction.mean).toBeCloseTo(19 / 6, 10);
    expect(betaRow.nps.score).toBeCloseTo(-16.6667, 3);
    expect(res.body.entities.map((e: { ref: string; title: string; hidden: boolean }) => [e.ref, e.title, e.hidden])).toEqual([
      ['component:default/comp-b', 'comp-b', false],
      ['component:default/comp-a', 'Component A', true],
    ]);
    expect(res.body.entities[0]).toMatchObject({ groupRef: 'group:default/beta', respondents: 6 });
    expect(res.body.entities[1]).toEqual({
      ref: 'component:default/comp-a',
      title: 'Component A',
      groupRef: 'group:default/alpha',
      hidden: true,
      reason: fewerThan5,
    });
    expect(res.body.painPoints).toEqual([]);

    const csv = await request(await closedMode()).get(`/api/pulse/surveys/overview.csv?roundId=${closedId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'section,ref,group_ref,hidden_reason,respondents,satisfaction_mean,favorable_share,favorable_low,favorable_high,' +
        'nps,nps_low,nps_high,participation_rate,pain_point_share,pain_point_change,title',
    );
    // The same rows as the page: the round, three teams, two entities; hidden ones carry only the reason and title.
    expect(lines.map(l => l.split(',').slice(0, 2).join(','))).toEqual([
      'section,ref',
      'round,round',
      'team,group:default/alpha',
      'team,group:default/beta',
      'team,group:default/gamma',
      'entity,component:default/comp-b',
      'entity,component:default/comp-a',
    ]);
    expect(lines[4]).toBe('team,group:default/gamma,,No responses in this round,,,,,,,,,,,,Gamma Squad');
    expect(lines[3].startsWith('team,group:default/beta,,,6,3.1667,0.5,0.1876,0.8124,-16.6667,')).toBe(true);
    expect(lines[3].endsWith(',1,,,beta')).toBe(true);
    // Erased again: the tests below expect Q4 to be the only round that has opened.
    await request(await closedMode()).delete(`/api/pulse/surveys/rounds/${closedId}`).expect(204);
  });

  it('defaults the overview to the newest opened round whose round-wide result shows', async () => {
    // Only Q4 has opened, and its round-wide result is hidden: the newest opened round is the fallback.
    const fallback = await request(server).get('/api/pulse/surveys/overview');
    expect(fallback.status).toBe(200);
    expect(fallback.body.round.id).toBe(roundId);

    // Q3 opened before Q4; five of beta answer there, so its round-wide result shows.
    const q3 = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'Q3', target: { type: 'components' }, opensAt: iso(-3 * hour), closesAt: iso(24 * hour) });
    expect(q3.status).toBe(201);
    for (const [i, [satisfaction, nps]] of beta5.entries()) {
      const answer = await request(server)
        .post(`/api/pulse/surveys/rounds/${q3.body.id}/responses`)
        .set('Authorization', as(beta[i]))
        .send({ entityRef: 'component:default/comp-b', answers: defaultAnswers(satisfaction, nps) });
      expect(answer.status).toBe(201);
    }

    const res = await request(server).get('/api/pulse/surveys/overview');
    expect(res.status).toBe(200);
    expect(res.body.round).toMatchObject({ id: q3.body.id, title: 'Q3', status: 'open' });
    expect(res.body.previousRound).toBeNull();
    // Satisfaction 5, 4, 4, 3, 1: mean 17/5 = 3.4, favorable 3 of 5; NPS 2 promoters - 2 detractors of 5 = 0.
    expect(res.body.overall).toMatchObject({ ref: 'round', title: 'Q3', hidden: false, respondents: 5 });
    expect(res.body.overall.satisfaction.mean).toBeCloseTo(3.4, 10);
    expect(res.body.overall.satisfaction.favorable.share).toBeCloseTo(0.6, 10);
    expect(res.body.overall.nps.score).toBeCloseTo(0, 10);
    expect(res.body.teams.map((t: { ref: string; hidden: boolean; reason?: string }) => [t.ref, t.hidden, t.reason])).toEqual([
      ['group:default/alpha', true, 'No responses in this round'],
      ['group:default/beta', false, undefined],
      ['group:default/gamma', true, 'No responses in this round'],
    ]);
    // Q3 is open: its batch of 5 shows, participation only once it closes.
    expect(res.body.teams[1]).toMatchObject({ respondents: 5 });
    expect(res.body.teams[1].participation).toBeUndefined();

    // ?roundId= still picks a round, whatever its results; Q3 is Q4's previous round of the same template.
    const asked = await request(server).get(`/api/pulse/surveys/overview?roundId=${roundId}`);
    expect(asked.body.round.id).toBe(roundId);
    expect(asked.body.previousRound.id).toBe(q3.body.id);
    expect((await request(server).get('/api/pulse/surveys/overview?roundId=999')).status).toBe(404);
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
    // The target's ref is checked after the schema, and named as a field too (the portal shows it next to the field).
    const noRef = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'x', target: { type: 'entity' }, opensAt: iso(0), closesAt: iso(hour) });
    expect(noRef.status).toBe(400);
    expect(noRef.body.errors).toEqual([{ path: 'target.entityRef', message: "is required for a target of type 'entity'" }]);
    const notGroup = await request(server)
      .post('/api/pulse/surveys/rounds')
      .send({ title: 'x', target: { type: 'group', groupRef: 'component:default/comp-a' }, opensAt: iso(0), closesAt: iso(hour) });
    expect(notGroup.status).toBe(400);
    expect(notGroup.body.errors.map((e: { path: string }) => e.path)).toEqual(['target.groupRef']);

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
      ['choice', 'question_id', 'response_id', 'seq', 'value_number', 'value_text'],
    );
  });

  it('lists each round with its participation where the round\'s results would show it, else the reason', async () => {
    const create = async (title: string, target: object, audience = 'owners') =>
      (
        await request(server)
          .post('/api/pulse/surveys/rounds')
          .send({ title, target, audience, opensAt: iso(-hour), closesAt: iso(24 * hour) })
      ).body.id as number;
    const answer = (id: number, user: string, entityRef: string) =>
      request(server)
        .post(`/api/pulse/surveys/rounds/${id}/responses`)
        .set('Authorization', as(user))
        .send({ entityRef, answers: defaultAnswers(4, 9) })
        .expect(201);
    // beta (6 members): five answer, one batch of 5 is released before the close, nothing comes out at the close.
    const betaRound = await create('Beta pulse', { type: 'group', groupRef: 'group:default/beta' });
    for (const user of beta.slice(0, 5)) await answer(betaRound, user, 'component:default/comp-b');
    // comp-a is owned by alpha (4 members); with audience everyone, five of beta answer there: its results show,
    // but alpha is smaller than the minimum of 5, so its participation would tell who of the four took part.
    const alphaRound = await create('Component A pulse', { type: 'entity', entityRef: 'component:default/comp-a' }, 'everyone');
    for (const user of beta.slice(0, 5)) await answer(alphaRound, user, 'component:default/comp-a');
    // Still open: nothing counted yet.
    const openRound = await create('Open pulse', { type: 'group', groupRef: 'group:default/beta' });
    await request(server).post(`/api/pulse/surveys/rounds/${betaRound}/close`).expect(200);
    await request(server).post(`/api/pulse/surveys/rounds/${alphaRound}/close`).expect(200);

    const list = await request(server).get('/api/pulse/surveys/rounds');
    expect(list.status).toBe(200);
    const participationOf = (id: number) => list.body.items.find((r: { id: number }) => r.id === id).participation;
    // 5 of beta's 6 members took part: 5/6.
    expect(participationOf(betaRound)).toEqual({ hidden: false, audienceSize: 6, participants: 5, rate: 5 / 6 });
    expect(participationOf(alphaRound)).toEqual({
      hidden: true,
      reason: 'Not shown for a group of fewer than 5 members: it would tell whether each of them took part',
    });
    expect(participationOf(openRound)).toEqual({ hidden: true, reason: 'Participation shows once the round has closed' });
    // Q4 (every Component) was closed earlier: counted per team only.
    expect(participationOf(roundId)).toEqual({
      hidden: true,
      reason: 'Counted per team for a round of all components: see the Teams table of the round',
    });
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
