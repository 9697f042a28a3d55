import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import request from 'supertest';
import { defaultAnswers } from '../service/survey/testFixtures';
import { hostileKey, hostileRawBody, hostileString, hostileValue, nearMiss } from './__testUtils__/hostileInput';
import { pulseRoutes, PulseRoute, routeKey } from './__testUtils__/pulseRoutes';
import { ACCESS } from './__testUtils__/routeAccess';
import {
  asUser,
  CHECKOUT_REF,
  ingester,
  Knex,
  pulseRowCounts,
  pulseTables,
  seedTrustFixtures,
  SLO_NAME,
  sloDocument,
  startTrustBackend,
  TestServer,
} from './__testUtils__/trustBackend';

jest.setTimeout(600_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const RUNS_PER_ROUTE = 100;
const now = () => new Date().toISOString();
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** A request each route accepts, the starting point of the near misses. */
function validBody(key: string): unknown {
  switch (key) {
    case 'put /slo/entities/:kind/:namespace/:name/slos/:sloName':
      return sloDocument();
    case 'post /slo/samples':
      return { items: [{ entityRef: CHECKOUT_REF, slo: SLO_NAME, timestamp: hourAgo(), good: 9, total: 10 }] };
    case 'post /dora/deployments':
      return {
        items: [
          {
            id: 'd-1',
            entityRef: CHECKOUT_REF,
            environment: 'production',
            startedAt: hourAgo(),
            finishedAt: now(),
            status: 'success',
            commits: ['abc'],
            rework: false,
          },
        ],
      };
    case 'post /dora/changes':
      return { items: [{ id: 'abc', entityRef: CHECKOUT_REF, createdAt: hourAgo(), mergedAt: now() }] };
    case 'post /dora/incidents':
      return { items: [{ id: 'i-1', entityRef: CHECKOUT_REF, createdAt: hourAgo(), resolvedAt: now() }] };
    case 'post /events':
      return {
        context: { version: '0.4.0', id: 'e-1', source: '/ci', type: 'dev.cdevents.service.deployed.0.2.0', timestamp: now() },
        subject: { id: 'checkout', source: '/ci', type: 'service', content: { environment: { id: 'production' } } },
        customData: { commits: ['abc'] },
      };
    case 'post /surveys/templates':
      return {
        id: 'hostile-template',
        title: 'Template',
        questions: [{ id: 'q', type: 'scale', prompt: 'How?', min: 1, max: 5 }],
      };
    case 'post /surveys/rounds':
      return { title: 'Round', target: { type: 'entity', entityRef: CHECKOUT_REF }, opensAt: hourAgo(), closesAt: now() };
    case 'post /surveys/rounds/:id/responses':
      return { entityRef: CHECKOUT_REF, answers: defaultAnswers(4, 9) };
    default:
      return {};
  }
}

const VALID_QUERY = { from: '2026-01-01', to: '2026-02-01', entityRef: CHECKOUT_REF, roundId: '1' };

/** A path segment; lone surrogates become U+FFFD on the way through UTF-8, as a client would send them. */
const segment = (value: string) => encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8')) || 'x';

/** Path parameters: mostly hostile, sometimes the real ones so that the body is reached. */
function pathOf(route: PulseRoute, roundId: number): fc.Arbitrary<string> {
  const params = route.path.match(/:\w+/g) ?? [];
  const valid: Record<string, string> = {
    ':kind': 'component',
    ':namespace': 'default',
    ':name': route.path.startsWith('/dora/groups') ? 'payments' : 'checkout',
    ':sloName': SLO_NAME,
    ':id': String(roundId),
  };
  return fc
    .tuple(...params.map(param => fc.oneof(fc.constant(valid[param]), hostileString)))
    .map(values =>
      params.reduce(
        (path, param, i) => path.replace(param, segment(values[i])),
        `/api/pulse${route.path}`,
      ),
    );
}

/** A query string: the known keys with hostile values, hostile keys, nested and repeated keys. */
const hostileQuery = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.oneof(fc.constantFrom(...Object.keys(VALID_QUERY)), hostileKey), hostileString, { maxKeys: 4 })
    .map(query => new URLSearchParams(query).toString()),
  fc.constantFrom('from[__proto__][x]=1', 'to[]=1&to[]=2', 'roundId=1&roundId=2', 'entityRef[a][b][c][d][e][f]=1'),
);

/** A body: a near miss of the valid one, any hostile JSON value, or raw text JSON.stringify would never send. */
function bodyOf(key: string): fc.Arbitrary<{ raw: string }> {
  const json = fc.oneof(nearMiss(validBody(key)), hostileValue).map(value => ({ raw: JSON.stringify(value) ?? 'null' }));
  return fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: hostileRawBody.map(raw => ({ raw })) });
}

const hasBody = (route: PulseRoute) => ['post', 'put', 'patch'].includes(route.method);

/** Routes that destroy the fixtures (the SLO, the open round) run last. */
const destructive = (route: PulseRoute) => route.method === 'delete' || route.path.endsWith('/close');

describe.each(databases.eachSupportedId())('hostile input on %p', databaseId => {
  let knex: Knex;
  let server: TestServer;
  let roundId: number;
  let tables: string[];
  let routes: PulseRoute[];

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    routes = (await pulseRoutes(knex)).filter(r => !['framework', 'signed'].includes(ACCESS[routeKey(r)] ?? ''));
    routes.sort((a, b) => Number(destructive(a)) - Number(destructive(b)));
    server = await startTrustBackend(knex);
    ({ roundId } = await seedTrustFixtures(server));
    tables = await pulseTables(knex);
  });

  /** Throws RUNS_PER_ROUTE hostile requests at one route. */
  async function fuzz(route: PulseRoute) {
    const key = routeKey(route);
    const authorization = ACCESS[key] === 'ingester' ? ingester : asUser('ada');
    let rows = await pulseRowCounts(knex, tables);
    await fc.assert(
      fc.asyncProperty(pathOf(route, roundId), hostileQuery, bodyOf(key), async (path, query, body) => {
        const req = (request(server) as any)[route.method](query ? `${path}?${query}` : path);
        req.set('Authorization', authorization);
        const res = await (hasBody(route) ? req.set('Content-Type', 'application/json').send(body.raw) : req);
        const outcome = { route: key, status: res.status, stack: res.body?.error?.stack };
        expect(outcome).toEqual({ route: key, status: expect.any(Number), stack: undefined });
        expect(res.status).toBeLessThan(500);
        const after = await pulseRowCounts(knex, tables);
        // A rejected request must leave every table as it was; an accepted one may write.
        expect({ route: key, rows: res.status >= 400 ? after : rows }).toEqual({ route: key, rows });
        rows = after;
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  }

  it('never answers 5xx, never leaks a stack, and never changes a row when it rejects', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const route of routes) await fuzz(route);
  });
});
