import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { secondClient } from './__testUtils__/secondClient';
import { DeliveryInput } from './DeliveryStore';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const NOW = Date.parse('2026-12-04T12:00:00Z');
const LEASE = 60_000;
const DAY = 86_400_000;

const input = (n: number, subject?: string, externalId?: string): DeliveryInput => ({
  source: 'github',
  externalId,
  event: 'deployment_status',
  subject,
  payload: JSON.stringify({ n }),
  receivedAt: NOW,
  expiresAt: NOW + 30 * DAY,
});


describe.each(databases.eachSupportedId())('DeliveryStore on %p', databaseId => {
  let db: Knex;
  let store: PulseStore;

  beforeEach(async () => {
    db = await databases.init(databaseId);
    store = await PulseStore.fromClient(db);
    await db('pulse_delivery').delete();
  });

  it('stores a delivery once per sender id, and each delivery without one', async () => {
    const first = await store.deliveries.receive(input(1, 's', 'abc'));
    const again = await store.deliveries.receive(input(2, 's', 'abc'));
    const other = await store.deliveries.receive({ ...input(3, 's', 'abc'), source: 'pagerduty' });
    const anonymous = [await store.deliveries.receive(input(4)), await store.deliveries.receive(input(5))];

    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, delivery: { id: first.delivery.id, payload: '{"n":1}' } });
    expect(other.duplicate).toBe(false);
    expect(anonymous.map(a => a.duplicate)).toEqual([false, false]);
    expect((await store.deliveries.list({ limit: 10, offset: 0 })).total).toBe(4);
  });

  it('hands out deliveries in arrival order per subject, holding back those behind a pending one', async () => {
    const a1 = (await store.deliveries.receive(input(1, 'a'))).delivery.id;
    const a2 = (await store.deliveries.receive(input(2, 'a'))).delivery.id;
    const b1 = (await store.deliveries.receive(input(3, 'b'))).delivery.id;

    const first = (await store.deliveries.claimNext(NOW, LEASE))!;
    expect(first.delivery.id).toBe(a1);
    // a2 waits for a1, which is held: b1 is next.
    expect((await store.deliveries.claimNext(NOW, LEASE))?.delivery.id).toBe(b1);
    expect(await store.deliveries.claimNext(NOW, LEASE)).toBeUndefined();
    expect(await store.deliveries.claim(a2, NOW, LEASE)).toBeUndefined();

    // a1 fails for now and backs off: a2 still waits behind it.
    expect(await store.deliveries.settle(first, { status: 'pending', reason: 'catalog down', retryAt: NOW + 1000 }, NOW)).toBe(true);
    expect(await store.deliveries.claimNext(NOW + 500, LEASE)).toBeUndefined();
    const retried = (await store.deliveries.claimNext(NOW + 1000, LEASE))!;
    expect(retried.delivery).toMatchObject({ id: a1, attempts: 1, reason: 'catalog down' });
    await store.deliveries.settle(retried, { status: 'processed', entityRef: 'component:default/a' }, NOW + 1000);
    expect((await store.deliveries.claimNext(NOW + 1000, LEASE))?.delivery.id).toBe(a2);
  });

  it('lets another worker take a delivery whose lease ended, and refuses the late settle of the first', async () => {
    await store.deliveries.receive(input(1, 'a'));
    const stale = (await store.deliveries.claimNext(NOW, LEASE))!;
    expect(await store.deliveries.claimNext(NOW + LEASE - 1, LEASE)).toBeUndefined();
    const fresh = (await store.deliveries.claimNext(NOW + LEASE, LEASE))!;
    expect(fresh.delivery.id).toBe(stale.delivery.id);
    expect(await store.deliveries.settle(stale, { status: 'ignored', reason: 'late' }, NOW + LEASE)).toBe(false);
    expect(await store.deliveries.settle(fresh, { status: 'processed', entityRef: 'component:default/a' }, NOW + LEASE)).toBe(true);
    expect((await store.deliveries.get(fresh.delivery.id))?.status).toBe('processed');
  });

  it('parks a delivery until it is rechecked, and puts older parked ones of a subject back first', async () => {
    const old = (await store.deliveries.receive(input(1, 'a'))).delivery.id;
    const parked = (await store.deliveries.claimNext(NOW, LEASE))!;
    await store.deliveries.settle(parked, { status: 'parked', reason: 'no component', recheckAt: NOW + DAY }, NOW);
    const young = (await store.deliveries.receive(input(2, 'a'))).delivery.id;

    const claim = (await store.deliveries.claimNext(NOW, LEASE))!;
    expect(claim.delivery.id).toBe(young);
    expect(await store.deliveries.unparkOlder('a', young, NOW)).toBe(1);
    await store.deliveries.release(claim, NOW);
    expect((await store.deliveries.claimNext(NOW, LEASE))?.delivery.id).toBe(old);
  });

  it('lists newest first with filters, and deletes deliveries past their retention', async () => {
    await store.deliveries.receive(input(1, 'github.com/project-slug=acme/checkout'));
    await store.deliveries.receive({ ...input(2), source: 'pagerduty', expiresAt: NOW + DAY });
    await store.deliveries.receive(input(3, 'github.com/project-slug=acme/search'));

    const page = await store.deliveries.list({ source: 'github', limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map(d => d.payload)).toEqual(['{"n":3}']);
    const checkout = await store.deliveries.list({ entity: 'acme/checkout', limit: 10, offset: 0 });
    expect(checkout.items.map(d => d.payload)).toEqual(['{"n":1}']);
    expect((await store.deliveries.list({ status: 'parked', limit: 10, offset: 0 })).total).toBe(0);

    expect(await store.deliveries.deleteExpired(NOW + DAY - 1)).toBe(0);
    expect(await store.deliveries.deleteExpired(NOW + DAY)).toBe(1);
    expect((await store.deliveries.list({ limit: 10, offset: 0 })).total).toBe(2);
  });

  it('gives each delivery to exactly one of two workers on the same database, in arrival order per subject', async () => {
    const subjects = ['a', 'b', 'c', 'd'];
    for (let n = 0; n < 40; n++) await store.deliveries.receive(input(n, subjects[n % 4]));
    const other = secondClient(db);
    const replicas = [store, await PulseStore.fromClient(other)];

    const processed: Array<{ id: number; subject: string }> = [];
    const work = async (replica: PulseStore) => {
      for (;;) {
        const claim = await replica.deliveries.claimNext(NOW, LEASE);
        if (!claim) return;
        processed.push({ id: claim.delivery.id, subject: claim.delivery.subject! });
        await new Promise(resolve => setImmediate(resolve));
        await replica.deliveries.settle(claim, { status: 'processed', entityRef: 'component:default/x' }, NOW);
      }
    };
    try {
      await Promise.all(replicas.map(work));
    } finally {
      if (other !== db) await other.destroy();
    }

    const ids = processed.map(p => p.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    for (const subject of subjects) {
      const order = processed.filter(p => p.subject === subject).map(p => p.id);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    expect((await store.deliveries.list({ status: 'processed', limit: 1, offset: 0 })).total).toBe(40);
  });
});
