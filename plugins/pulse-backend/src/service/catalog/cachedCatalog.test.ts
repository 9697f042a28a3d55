import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { cachedCatalog } from './cachedCatalog';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
};
const service = { credentials: { principal: { type: 'service', subject: 'plugin:pulse' } } } as any;
const user = { credentials: { principal: { type: 'user', userEntityRef: 'user:default/ada' } } } as any;

describe('cachedCatalog', () => {
  function setup() {
    const catalog = catalogServiceMock({ entities: [entity] });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const removeEntityByUid = jest.spyOn(catalog, 'removeEntityByUid').mockResolvedValue();
    let clock = 1_000;
    const cached = cachedCatalog(catalog, { ttlMs: 10_000, now: () => clock });
    return { cached, getEntities, removeEntityByUid, advance: (ms: number) => (clock += ms) };
  }

  it('reuses an answer for the same request and caller until it expires', async () => {
    const { cached, getEntities, advance } = setup();
    const request = { filter: { kind: 'component' } };
    const first = await cached.getEntities(request, service);
    expect(first.items.map(e => e.metadata.name)).toEqual(['checkout']);
    await cached.getEntities({ filter: { kind: 'component' } }, service);
    expect(getEntities).toHaveBeenCalledTimes(1);

    advance(9_999);
    await cached.getEntities(request, service);
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(1);
    await cached.getEntities(request, service);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('asks again for another request or another caller', async () => {
    const { cached, getEntities } = setup();
    await cached.getEntities({ filter: { kind: 'component' } }, service);
    await cached.getEntities({ filter: { kind: 'group' } }, service);
    await cached.getEntities({ filter: { kind: 'component' } }, user);
    expect(getEntities).toHaveBeenCalledTimes(3);
  });

  it('shares one call between concurrent identical reads and keeps no failure', async () => {
    const { cached, getEntities } = setup();
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    const request = { filter: { kind: 'component' } };
    const both = await Promise.allSettled([cached.getEntities(request, service), cached.getEntities(request, service)]);
    expect(both.map(b => b.status)).toEqual(['rejected', 'rejected']);
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect((await cached.getEntities(request, service)).items).toHaveLength(1);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('passes writes straight through', async () => {
    const { cached, removeEntityByUid } = setup();
    await cached.removeEntityByUid('uid-1', service);
    await cached.removeEntityByUid('uid-1', service);
    expect(removeEntityByUid).toHaveBeenCalledTimes(2);
  });
});
