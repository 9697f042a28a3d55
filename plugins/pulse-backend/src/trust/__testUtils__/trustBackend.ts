import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { ratioSloDocument } from '../../__testUtils__/sloFixtures';
import {
  Knex,
  PulseTestBackendOptions,
  startPulseTestBackend,
  TestServer,
} from '../../__testUtils__/startPulseTestBackend';

export type { Knex, TestServer };

export const CHECKOUT_REF = 'component:default/checkout';
export const SLO_NAME = 'checkout-availability';
export const ingester = mockCredentials.service.header();
export const asUser = (name: string) => mockCredentials.user.header(`user:default/${name}`);

/** checkout, owned by payments, whose members are ada and bob. */
export const trustEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  ...['ada', 'bob'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  })),
];

/** The Pulse plugin on a test database with the trust entities; `features` replace the mocks they cover. */
export const startTrustBackend = (
  knex: Knex,
  options: Omit<PulseTestBackendOptions, 'entities'> = {},
): Promise<TestServer> => startPulseTestBackend(knex, { ...options, entities: trustEntities });

/** The checkout SLO as an OpenSLO JSON body. */
export const sloDocument = (name = SLO_NAME) => ratioSloDocument(name);

/** Defines the checkout SLO and opens a survey round on every Component; returns the round id. */
export async function seedTrustFixtures(server: TestServer): Promise<{ roundId: number }> {
  const slo = await request(server)
    .put(`/api/pulse/slo/entities/component/default/checkout/slos/${SLO_NAME}`)
    .send(sloDocument());
  expect(slo.status).toBe(201);
  const hour = 3_600_000;
  const round = await request(server)
    .post('/api/pulse/surveys/rounds')
    .send({
      title: 'Trust',
      target: { type: 'components' },
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 24 * hour).toISOString(),
    });
  expect(round.status).toBe(201);
  return { roundId: round.body.id };
}

/** The pulse_ tables of a test database. */
export async function pulseTables(knex: Knex): Promise<string[]> {
  const rows =
    knex.client.config.client === 'pg'
      ? await knex('information_schema.tables')
          .where('table_schema', knex.raw('current_schema()'))
          .select('table_name as name')
      : await knex('sqlite_master').where('type', 'table').select('name');
  return rows.map(r => String(r.name)).filter(name => name.startsWith('pulse_')).sort();
}

/** Rows in each of the tables, in one query: proves that a rejected request changed nothing. */
export async function pulseRowCounts(knex: Knex, tables?: string[]): Promise<Record<string, number>> {
  const [first, ...rest] = (tables ?? (await pulseTables(knex))).map(table =>
    knex(table).select(knex.raw(`'${table}' as name`)).count({ n: '*' }),
  );
  const rows = (await first.unionAll(rest)) as unknown as Array<{ name: string; n: unknown }>;
  return Object.fromEntries(rows.map(r => [r.name, Number(r.n)]));
}
