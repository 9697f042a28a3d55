import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PulseContext } from '../context';
import { discoverAnnotatedSlos, openSloLocationOf } from './discovery';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';
import { pyrraBoolGauge, pyrraLatency, slothCheckout } from './__fixtures__/slothPyrraExamples';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const slo = (name: string, target = 0.99) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicatorRef: http-success
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: ${target}
`;

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/team' },
  };
}

describe('openSloLocationOf', () => {
  it('resolves relative paths against file and url locations, and keeps absolute URLs', () => {
    expect(
      openSloLocationOf(
        component('a', {
          'pulse.dev/openslo': './slos/checkout.yaml',
          'backstage.io/managed-by-location': 'file:/repo/examples/entities.yaml',
        }),
      ),
    ).toEqual({ type: 'file', target: '/repo/examples/slos/checkout.yaml' });
    expect(
      openSloLocationOf(
        component('a', {
          'pulse.dev/openslo': 'slos/a.yaml',
          'backstage.io/managed-by-location': 'url:https://github.com/org/repo/blob/main/catalog-info.yaml',
        }),
      ),
    ).toEqual({ type: 'url', target: 'https://github.com/org/repo/blob/main/slos/a.yaml' });
    expect(
      openSloLocationOf(component('a', { 'pulse.dev/openslo': 'https://example.com/slo.yaml' })),
    ).toEqual({ type: 'url', target: 'https://example.com/slo.yaml' });
  });
});

describe('discoverAnnotatedSlos', () => {
  it('upserts annotated SLOs from files and URLs, skips bad documents and prunes removed ones', async () => {
    const store = await PulseStore.fromClient(await databases.init('SQLITE_3'));
    const dir = mkdtempSync(path.join(tmpdir(), 'pulse-slo-'));
    mkdirSync(path.join(dir, 'slos'));
    // Two SLOs and an OpenSLO Service document (passed over) in one file.
    writeFileSync(
      path.join(dir, 'slos', 'checkout.yaml'),
      `${slo('availability')}---\napiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n---\n${slo('latency')}`,
    );
    writeFileSync(path.join(dir, 'slos', 'broken.yaml'), slo('broken', 1.5));
    const location = `file:${path.join(dir, 'entities.yaml')}`;
    const entities = [
      component('checkout', { 'pulse.dev/openslo': './slos/checkout.yaml', 'backstage.io/managed-by-location': location }),
      component('search', { 'pulse.dev/openslo': 'https://example.com/search.yaml' }),
      component('broken', { 'pulse.dev/openslo': './slos/broken.yaml', 'backstage.io/managed-by-location': location }),
      component('missing', { 'pulse.dev/openslo': './slos/none.yaml', 'backstage.io/managed-by-location': location }),
      component('plain', {}),
    ];
    const readUrl = jest.fn(async () => ({ buffer: async () => Buffer.from(slo('search-availability')) }));
    const logger = mockServices.logger.mock();
    const ctx = {
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
      urlReader: mockServices.urlReader.mock({ readUrl: readUrl as any }),
    } as unknown as PulseContext;

    // An annotation SLO of checkout that is no longer in its file, and an API one that discovery leaves alone.
    for (const [name, source] of [['old', 'annotation'], ['manual', 'api']] as const) {
      await store.slo.upsertSlo({
        entityRef: 'component:default/checkout',
        definition: parseOpenSloDocument(parseYamlDocuments(slo(name))[0]),
        source,
        now: 1,
      });
    }

    const result = await discoverAnnotatedSlos(ctx, 1000);

    expect(result).toEqual({ entities: 4, upserted: 3, skipped: 2 });
    expect(readUrl).toHaveBeenCalledWith('https://example.com/search.yaml');
    expect(await store.slo.listSloNames('component:default/checkout')).toEqual(['availability', 'latency', 'manual']);
    const availability = await store.slo.getSlo('component:default/checkout', 'availability');
    expect(availability).toMatchObject({
      source: 'annotation',
      sourceLocation: `file:${path.join(dir, 'slos', 'checkout.yaml')}`,
    });
    expect(await store.slo.listSloNames('component:default/search')).toEqual(['search-availability']);
    expect(await store.slo.listSloNames('component:default/broken')).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('spec.objectives.0.target'));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('component:default/missing'));
  });
});

describe('discoverAnnotatedSlos with SLI documents, folders and lists', () => {
  const sliDoc = (name: string) => `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ${name}
  displayName: p99 latency
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.99, sum by (le) (rate(http_duration_ms_bucket[1m])))
`;
  const latencySlo = (name: string, service: string, ref = 'p99') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: ${service}
  indicatorRef: ${ref}
  timeWindow: [{ duration: 28d }]
  budgetingMethod: Timeslices
  objectives: [{ op: lt, value: 500, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }]
`;
  const serviceDoc = (name: string) => `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

  it('resolves indicatorRef across the documents of a file, a folder or a list of files, per entity service', async () => {
    const store = await PulseStore.fromClient(await databases.init('SQLITE_3'));
    const dir = mkdtempSync(path.join(tmpdir(), 'pulse-slo-'));
    // One multi-document file: the SLI, the SLO that names it, and a Service document.
    writeFileSync(path.join(dir, 'checkout.yaml'), `${sliDoc('p99')}---\n${latencySlo('checkout-latency', 'checkout')}---\n${serviceDoc('checkout')}`);
    // A folder shared by two services: the SLI in one file, each service's SLO in others; a README is not read.
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared', 'indicators.yaml'), `${sliDoc('p99')}---\n${serviceDoc('search')}---\n${serviceDoc('cart')}`);
    writeFileSync(path.join(dir, 'shared', 'search.yml'), latencySlo('search-latency', 'search'));
    writeFileSync(path.join(dir, 'shared', 'cart.yaml'), latencySlo('cart-latency', 'cart'));
    writeFileSync(path.join(dir, 'shared', 'README.md'), '# not OpenSLO');
    // A list of two files: the SLI in the second.
    writeFileSync(path.join(dir, 'pay-slo.yaml'), latencySlo('pay-latency', 'payments', 'pay-p99'));
    writeFileSync(path.join(dir, 'pay-sli.yaml'), sliDoc('pay-p99'));
    const location = `file:${path.join(dir, 'entities.yaml')}`;
    const at = (value: string) => ({ 'pulse.dev/openslo': value, 'backstage.io/managed-by-location': location });
    const entities = [
      component('checkout', at('./checkout.yaml')),
      component('search', at('./shared')),
      // Named otherwise in the catalog, but its service id is `cart`.
      component('basket', { ...at('./shared/'), 'pulse.dev/service-id': 'cart' }),
      component('payments', at('./pay-slo.yaml, ./pay-sli.yaml')),
    ];
    const ctx = {
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      urlReader: mockServices.urlReader.mock(),
    } as unknown as PulseContext;

    expect(await discoverAnnotatedSlos(ctx, 1000)).toEqual({ entities: 4, upserted: 4, skipped: 0 });

    expect(await store.slo.listSloNames('component:default/checkout')).toEqual(['checkout-latency']);
    // The shared folder holds both services' SLOs; each entity takes the one of its own service.
    expect(await store.slo.listSloNames('component:default/search')).toEqual(['search-latency']);
    expect(await store.slo.listSloNames('component:default/basket')).toEqual(['cart-latency']);
    const payments = await store.slo.getSlo('component:default/payments', 'pay-latency');
    expect(payments?.sourceLocation).toBe(`file:${path.join(dir, 'pay-slo.yaml')}`);
    expect(payments?.definition.spec.indicator).toMatchObject({
      metadata: { name: 'pay-p99', displayName: 'p99 latency' },
      spec: { thresholdMetric: { metricSource: { type: 'Prometheus' } } },
    });
    expect(payments?.definition.spec.indicatorRef).toBeUndefined();
  });
});

describe('discoverAnnotatedSlos with Sloth and Pyrra resources', () => {
  it('takes one SLO per entry of a Sloth resource and one per Pyrra resource, beside OpenSLO; a bad one is skipped', async () => {
    const store = await PulseStore.fromClient(await databases.init('SQLITE_3'));
    const dir = mkdtempSync(path.join(tmpdir(), 'pulse-slo-'));
    // Sloth's two SLOs, a Pyrra SLO and an OpenSLO one in one file; in another, a Pyrra SLO with a 100% target.
    writeFileSync(path.join(dir, 'checkout.yaml'), `${slothCheckout}---\n${pyrraLatency}---\n${slo('availability')}`);
    writeFileSync(path.join(dir, 'broken.yaml'), pyrraBoolGauge.replace('target: "99"', 'target: "100"'));
    const location = `file:${path.join(dir, 'entities.yaml')}`;
    const at = (value: string) => ({ 'pulse.dev/openslo': value, 'backstage.io/managed-by-location': location });
    const logger = mockServices.logger.mock();
    const ctx = {
      store,
      catalog: catalogServiceMock({ entities: [component('checkout', at('./checkout.yaml')), component('probes', at('./broken.yaml'))] }),
      auth: mockServices.auth(),
      logger,
      urlReader: mockServices.urlReader.mock(),
    } as unknown as PulseContext;

    expect(await discoverAnnotatedSlos(ctx, 1000)).toEqual({ entities: 2, upserted: 4, skipped: 1 });

    expect(await store.slo.listSloNames('component:default/checkout')).toEqual([
      'availability',
      'checkout-requests',
      'checkout-slow-requests',
      'image-render-latency',
    ]);
    const requests = await store.slo.getSlo('component:default/checkout', 'checkout-requests');
    expect(requests).toMatchObject({ source: 'annotation', sourceLocation: `file:${path.join(dir, 'checkout.yaml')}` });
    // 99.5% from Sloth's objective.
    expect(requests?.definition.spec.objectives).toEqual([{ target: 0.995 }]);
    expect(await store.slo.listSloNames('component:default/probes')).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('spec.target: must be below 100'));
  });
});
