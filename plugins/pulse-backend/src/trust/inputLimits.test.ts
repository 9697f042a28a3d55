import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { sliSample } from '../__testUtils__/sloFixtures';
import {
  CHECKOUT_REF,
  ingester,
  Knex,
  pulseRowCounts,
  seedTrustFixtures,
  SLO_NAME,
  sloDocument,
  startTrustBackend,
  TestServer,
} from './__testUtils__/trustBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DEPLOYMENT = {
  id: 'd1',
  entityRef: CHECKOUT_REF,
  environment: 'production',
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:10:00Z',
  status: 'success',
};

const sample = (minutesAgo: number, extra: object = {}) => ({
  ...sliSample(CHECKOUT_REF, SLO_NAME, Date.now() - minutesAgo * 60_000, 1, 1),
  ...extra,
});

describe.each(databases.eachSupportedId())('input limits on %p', databaseId => {
  let knex: Knex;
  let server: TestServer;
  let before: Record<string, number>;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    server = await startTrustBackend(knex);
    await seedTrustFixtures(server);
    before = await pulseRowCounts(knex);
  });

  /** Every request of these tests is rejected: afterwards no row may have changed. */
  const expectNothingWritten = async () => expect(await pulseRowCounts(knex)).toEqual(before);

  const postSamples = (body: string | object) =>
    request(server)
      .post('/api/pulse/slo/samples')
      .set('Authorization', ingester)
      .set('Content-Type', 'application/json')
      .send(body);

  it('answers 413 to a body over the 2 MB limit, without parser internals', async () => {
    const res = await postSamples(JSON.stringify({ items: [sample(1, { slo: 'x'.repeat(3_000_000) })] }));
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      name: 'PayloadTooLargeError',
      message: 'Request body is larger than the limit of 2097152 bytes',
    });
    await expectNothingWritten();
  });

  it('answers 413 to an OpenSLO YAML document over 256 kB', async () => {
    const res = await request(server)
      .put(`/api/pulse/slo/entities/component/default/checkout/slos/${SLO_NAME}`)
      .set('Content-Type', 'application/yaml')
      .send(`# ${'x'.repeat(300_000)}\n`);
    expect(res.status).toBe(413);
    await expectNothingWritten();
  });

  it('answers 400 to malformed JSON, NaN and a top-level scalar', async () => {
    for (const body of ['{"items": [', '{"items": [{"total": NaN}]}', '"items"']) {
      const res = await postSamples(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/^Malformed JSON body: /);
      expect(res.body.error.stack).toBeUndefined();
    }
    await expectNothingWritten();
  });

  it('answers 400 to a batch of 1,001 items and to an empty one', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => sample(i));
    const tooMany = await postSamples({ items });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ path: 'items', message: 'must hold at most 1000 items' }]);
    const empty = await postSamples({ items: [] });
    expect(empty.body.errors).toEqual([{ path: 'items', message: 'must hold at least one item' }]);
    await expectNothingWritten();
  });

  it('names the bad field of the bad item and writes none of the good ones', async () => {
    // 1e999 is valid JSON that parses to Infinity.
    const body = JSON.stringify({
      items: [sample(1), sample(2), sample(3), sample(4, { total: 'INFINITY' }), sample(5, { good: '1' })],
    }).replace('"INFINITY"', '1e999');
    const res = await postSamples(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { index: 3, path: 'items.3.total', message: 'must be a whole number' },
      { index: 3, path: 'items.3.total', message: 'Number must be less than or equal to 9007199254740991' },
      { index: 4, path: 'items.4.good', message: 'Expected number, received string' },
    ]);
    await expectNothingWritten();
  });

  it('refuses unknown fields and prototype keys', async () => {
    const res = await postSamples('{"items": [{"__proto__": {"total": 5}, "entityRef": "checkout"}]}');
    expect(res.status).toBe(400);
    // The prototype's `total` is not read: the item has neither counts nor a value (items.0), nor an SLO or a time.
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['items.0', 'items.0.slo', 'items.0.timestamp']),
    );
    expect(res.body.errors.map((e: { path: string }) => e.path)).not.toContain('items.0.__proto__');
    await expectNothingWritten();
  });

  it('answers 400 to entity refs longer than the 255-character column', async () => {
    const longName = 'n'.repeat(250);
    const put = await request(server)
      .put(`/api/pulse/slo/entities/component/default/${longName}/slos/${SLO_NAME}`)
      .send(sloDocument());
    expect(put.status).toBe(400);
    expect(put.body.error.message).toBe('Invalid entity ref: longer than 255 characters');

    const deployment = await request(server)
      .post('/api/pulse/dora/deployments')
      .set('Authorization', ingester)
      .send({ items: [{ ...DEPLOYMENT, entityRef: longName }] });
    expect(deployment.status).toBe(400);
    expect(deployment.body.errors[0].path).toBe('items.0.entityRef');
    await expectNothingWritten();
  });

  it('answers 400 to a NUL character in a path, a query, a JSON body and a CloudEvent', async () => {
    const deployment = { ...DEPLOYMENT, id: 'd\u0000' };
    const responses = [
      await request(server).get('/api/pulse/slo/entities/component/%00/checkout/slos'),
      await request(server).get('/api/pulse/dora/groups?from=2026-01-01%00'),
      await request(server).post('/api/pulse/dora/deployments').set('Authorization', ingester).send({ items: [deployment] }),
      await request(server)
        .post('/api/pulse/events')
        .set('Authorization', ingester)
        .set('Content-Type', 'application/cloudevents+json')
        .send(JSON.stringify({ specversion: '1.0', data: { context: { id: '\u0000' } } })),
    ];
    expect(responses.map(res => [res.status, res.body.errors?.[0]?.path])).toEqual([
      [400, '(path)'],
      [400, 'query.from'],
      [400, 'items.0.id'],
      [400, 'data.context.id'],
    ]);
    await expectNothingWritten();
  });

  it('answers 400 to round ids beyond the INTEGER column', async () => {
    for (const id of ['99999999999999999999', '2147483648', '1e400', 'abc', '-1']) {
      const res = await request(server).get(`/api/pulse/surveys/rounds/${id}`);
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
    }
    await expectNothingWritten();
  });

  it('answers 400 to repeated and nested query parameters', async () => {
    for (const query of ['from=2026-01-01&from=2026-01-02', 'to[a]=1', 'from=2026-13-45']) {
      const res = await request(server).get(`/api/pulse/dora/groups?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    await expectNothingWritten();
  });
});
