import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PulseStore } from '@pulse/plugin-pulse-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { PulseContext } from '../service/context';
import { seedSurveyDemo } from './surveyDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** The example catalog, with the relations the catalog would compute for it. */
function exampleEntities(): Entity[] {
  const dir = path.resolve(__dirname, '../../../../examples');
  const entities = ['org.yaml', 'entities.yaml'].flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map(d => d.toJS() as Entity),
  );
  return entities.map(e => {
    const spec = (e.spec ?? {}) as { owner?: string; parent?: string; memberOf?: string[] };
    const relations = [
      ...(spec.owner ? [{ type: 'ownedBy', targetRef: spec.owner.includes(':') ? spec.owner : `group:default/${spec.owner}` }] : []),
      ...(spec.parent ? [{ type: 'childOf', targetRef: `group:default/${spec.parent}` }] : []),
      ...(spec.memberOf ?? []).map(g => ({ type: 'memberOf', targetRef: `group:default/${g}` })),
    ];
    return { ...e, metadata: { namespace: 'default', ...e.metadata }, relations };
  });
}

describe.each(databases.eachSupportedId())('survey demo data on %p', databaseId => {
  it('holds three closed rounds of history and one open round, with mobile hidden in the second', async () => {
    const knex = await databases.init(databaseId);
    // Seeded on its own (not through pulse.demoData) so that only the survey demo is under test.
    const ctx = { store: await PulseStore.fromClient(knex), logger: mockServices.logger.mock() };
    await seedSurveyDemo(ctx as unknown as PulseContext, new Date());
    const server = await startPulseTestBackend(knex, { entities: exampleEntities() });

    const rounds = await request(server).get('/api/pulse/surveys/rounds');
    expect(rounds.body.items.map((r: { status: string }) => r.status)).toEqual(['open', 'closed', 'closed', 'closed']);
    const [open, third, second] = rounds.body.items;

    const secondOverview = await request(server).get(`/api/pulse/surveys/overview?roundId=${second.id}`);
    const team = (ref: string) =>
      secondOverview.body.teams.find((t: { ref: string }) => t.ref === `group:default/${ref}`);
    expect(team('mobile')).toMatchObject({ hidden: true, reason: expect.stringContaining('Fewer than 5') });
    expect(team('payments')).toMatchObject({ hidden: false, respondents: 8 });
    expect(team('engineering')).toMatchObject({ hidden: false, respondents: 25 });
    // engineering - (platform + payments) would otherwise reveal mobile's 4 with discovery's 6: discovery hides too.
    expect(team('discovery')).toMatchObject({ hidden: true, reason: expect.stringContaining('subtract') });

    const thirdOverview = await request(server).get(`/api/pulse/surveys/overview?roundId=${third.id}`);
    expect(thirdOverview.body.teams.every((t: { hidden: boolean }) => !t.hidden)).toBe(true);
    expect(thirdOverview.body.painPoints[0]).toMatchObject({ change: expect.any(Number) });
    // The open round's 4 answers wait in the pending pool: no point for it yet.
    expect(thirdOverview.body.trend).toHaveLength(3);

    // 26 responses in the whole round: free text shows, sorted.
    const thirdResults = await request(server).get(`/api/pulse/surveys/rounds/${third.id}/results`);
    const text = thirdResults.body.questions.find((q: { questionId: string }) => q.questionId === 'one-change');
    expect(thirdResults.body.respondents).toBe(26);
    expect(text.comments.length).toBeGreaterThan(0);
    expect(text.comments).toEqual([...text.comments].sort());

    // The guest's answer on checkout lifts the open round's 4 responses there to 5.
    const guest = 'user:development/guest';
    const tab = await request(server)
      .get('/api/pulse/surveys/entities/component/default/checkout')
      .set('Authorization', mockCredentials.user.header(guest));
    expect(tab.body).toMatchObject({ round: { id: open.id }, hasResponded: false, results: { hidden: true } });
    const answers = { satisfaction: 4, nps: 9, 'ease-of-shipping': 4, 'feedback-speed': 4, documentation: 4, 'cognitive-load': 4, 'focus-time': 4, 'on-call': 4 };
    await request(server)
      .post(`/api/pulse/surveys/rounds/${open.id}/responses`)
      .set('Authorization', mockCredentials.user.header(guest))
      .send({ entityRef: 'component:default/checkout', answers })
      .expect(201);
    const after = await request(server)
      .get('/api/pulse/surveys/entities/component/default/checkout')
      .set('Authorization', mockCredentials.user.header(guest));
    expect(after.body).toMatchObject({ hasResponded: true, results: { hidden: false, respondents: 5 } });
  });
});
