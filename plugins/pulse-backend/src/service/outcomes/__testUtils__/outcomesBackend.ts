import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { component, team } from '../../decisions/__testUtils__/decisionsBackend';
import { startPulseTestBackend, TestServer } from '../../../__testUtils__/startPulseTestBackend';
import { ownershipUserInfo, platformOnlyPermissions } from '../../../trust/__testUtils__/identities';

const member = (name: string, group: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [group] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
});

/** checkout owned by payments (bob), search owned by search (ada); pia of platform holds the management permissions. */
export const outcomeEntities = [
  component('checkout', 'payments'),
  component('search', 'search'),
  team('payments'),
  team('search'),
  team('platform'),
  member('bob', 'payments'),
  member('ada', 'search'),
  member('pia', 'platform'),
];

export const as = (user: string) => ({ Authorization: mockCredentials.user.header(`user:default/${user}`) });
/** The test token's service, external:test-service. */
export const service = { Authorization: mockCredentials.service.header() };

/** The Pulse backend with the identities of trust/__testUtils__/identities.ts and an auditor whose events are kept. */
export async function startOutcomesBackend(
  knex: Awaited<ReturnType<TestDatabases['init']>>,
  config: object = {},
): Promise<{ server: TestServer; events: Array<{ eventId: string; outcome: string }> }> {
  const auditor = mockServices.auditor.mock();
  const events: Array<{ eventId: string; outcome: string }> = [];
  auditor.createEvent.mockImplementation(async ({ eventId }) => ({
    success: async () => void events.push({ eventId, outcome: 'succeeded' }),
    fail: async () => void events.push({ eventId, outcome: 'failed' }),
  }));
  const server = await startPulseTestBackend(knex, {
    entities: outcomeEntities,
    config,
    features: [platformOnlyPermissions, ownershipUserInfo, auditor.factory],
  });
  return { server, events };
}

/** The checkout conversion outcome as YAML, as kept beside a catalog file. */
export const conversionYaml = `
apiVersion: pulse.dev/v1
kind: Outcome
metadata:
  name: checkout-conversion
spec:
  title: More buyers finish checkout
  objective: "OKR Q4: grow first-time purchases"
  keyResult:
    name: Checkout conversion
    unit: '%'
    direction: up
    baseline: 2.0
    target: 3.0
    start: 2026-11-02
    due: 2026-12-12
  customerSignal:
    name: Support tickets about checkout
    unit: tickets
    direction: down
`;

/** A team outcome as JSON: NPS from 30 to 50 over ten days. */
export const npsDocument = {
  apiVersion: 'pulse.dev/v1',
  kind: 'Outcome',
  metadata: { name: 'team-nps' },
  spec: {
    title: 'Customers recommend us',
    objective: 'OKR Q4: customers love paying with us',
    keyResult: { name: 'NPS', unit: 'points', direction: 'up', baseline: 30, target: 50, start: '2026-11-02', due: '2026-11-12' },
    customerSignal: { name: 'Refund requests', unit: 'requests', direction: 'down' },
  },
};
