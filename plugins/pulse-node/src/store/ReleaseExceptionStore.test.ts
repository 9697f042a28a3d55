import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { secondClient } from './__testUtils__/secondClient';
import { GateDecisionInput, ReleaseExceptionRow } from './DecisionTypes';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const NOW = Date.parse('2026-12-05T12:00:00Z');
const HOUR = 3_600_000;
const CHECKOUT = 'component:default/checkout';

const grantAt = (store: PulseStore, grantedAt: number, reason: string, expiresAt = NOW + 24 * HOUR) =>
  store.decisions.releaseExceptions.grant({ entityRef: CHECKOUT, reason, expiresAt, grantedBy: 'user:default/bob', grantedAt });

/** What a blocked check decides: allow when it got a grant, else block (the rest is the router's business). */
const decide = (caller: string) => (grant: ReleaseExceptionRow | undefined): GateDecisionInput => ({
  entityRef: CHECKOUT,
  decidedAt: NOW,
  decision: grant ? 'allow' : 'block',
  state: 'freeze',
  reasons: [],
  exception: null,
  releaseException: grant ? { id: grant.id, grantedBy: grant.grantedBy, reason: grant.reason } : null,
  caller,
});

describe.each(databases.eachSupportedId())('ReleaseExceptionStore on %p', databaseId => {
  let db: Knex;
  let store: PulseStore;

  beforeEach(async () => {
    db = await databases.init(databaseId);
    store = await PulseStore.fromClient(db);
    await db('pulse_release_exception').delete();
    await db('pulse_gate_decision').delete();
  });

  it('uses up the oldest active grant, skipping expired ones, and records it with the decision', async () => {
    await grantAt(store, NOW - 3 * HOUR, 'lapsed', NOW - HOUR); // expired an hour ago: never used
    const older = await grantAt(store, NOW - 2 * HOUR, 'older');
    await grantAt(store, NOW - HOUR, 'newer');

    const { row, grant } = await store.decisions.gateChecks.record({
      entityRef: CHECKOUT,
      nowMs: NOW,
      caller: 'service:ci',
      useException: true,
      decide: decide('service:ci'),
    });
    expect(grant).toMatchObject({ id: older.id, usedAt: NOW, usedBy: 'service:ci' });
    expect(row).toMatchObject({ decision: 'allow', releaseException: { id: older.id, grantedBy: 'user:default/bob', reason: 'older' } });
    // Newest first: newer (active), older (used by the check above), lapsed (expired, never used).
    const listed = await store.decisions.releaseExceptions.list(CHECKOUT);
    expect(listed.map(g => [g.reason, g.usedBy])).toEqual([['newer', null], ['older', 'service:ci'], ['lapsed', null]]);
    expect((await store.decisions.releaseExceptions.oldestActive(CHECKOUT, NOW))?.reason).toBe('newer');
  });

  it('gives one grant to one of many concurrent checks, from two clients', async () => {
    // Two grants, six checks racing from two connection pools: exactly two allow, each with a different grant.
    const grants = [await grantAt(store, NOW - 2 * HOUR, 'first'), await grantAt(store, NOW - HOUR, 'second')];
    const otherClient = secondClient(db);
    const other = await PulseStore.fromClient(otherClient);
    try {
      const results = await Promise.all(
        [store, other, store, other, store, other].map((s, i) =>
          s.decisions.gateChecks.record({
            entityRef: CHECKOUT,
            nowMs: NOW,
            caller: `service:ci-${i}`,
            useException: true,
            decide: decide(`service:ci-${i}`),
          }),
        ),
      );
      const used = results.filter(r => r.grant).map(r => r.grant!.id).sort((a, b) => a - b);
      expect(used).toEqual(grants.map(g => g.id).sort((a, b) => a - b));
      expect(results.map(r => r.row.decision).filter(d => d === 'allow')).toHaveLength(2);
      const stored = await db('pulse_gate_decision').whereNotNull('release_exception_id').count({ n: '*' });
      expect(Number(stored[0].n)).toBe(2);
    } finally {
      if (otherClient !== db) await otherClient.destroy();
    }
  });

  it('never uses a grant for a check that does not need one', async () => {
    await grantAt(store, NOW - HOUR, 'spare');
    const { grant } = await store.decisions.gateChecks.record({
      entityRef: CHECKOUT,
      nowMs: NOW,
      caller: 'service:ci',
      useException: false,
      decide: decide('service:ci'),
    });
    expect(grant).toBeUndefined();
    expect((await store.decisions.releaseExceptions.list(CHECKOUT))[0].usedAt).toBeNull();
  });

  it('revokes an unused grant, keeps a used one, and knows neither of another entity', async () => {
    const unused = await grantAt(store, NOW - HOUR, 'unused');
    const used = await grantAt(store, NOW - 2 * HOUR, 'used');
    await store.decisions.releaseExceptions.consumeOldest(CHECKOUT, NOW, 'service:ci');

    expect(await store.decisions.releaseExceptions.revoke('component:default/search', unused.id)).toBe('unknown');
    expect(await store.decisions.releaseExceptions.revoke(CHECKOUT, used.id)).toBe('used');
    expect(await store.decisions.releaseExceptions.revoke(CHECKOUT, unused.id)).toBe('revoked');
    expect(await store.decisions.releaseExceptions.revoke(CHECKOUT, unused.id)).toBe('unknown');
    expect((await store.decisions.releaseExceptions.list(CHECKOUT)).map(g => g.reason)).toEqual(['used']);
  });
});
