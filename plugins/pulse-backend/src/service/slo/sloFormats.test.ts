import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { component, service, team } from '../decisions/__testUtils__/decisionsBackend';
import { ownershipUserInfo, platformOnlyPermissions } from '../../trust/__testUtils__/identities';
import { startPulseTestBackend } from '../../__testUtils__/startPulseTestBackend';
import { pyrraRatio, slothCheckout, slothSearch } from './__fixtures__/slothPyrraExamples';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = '/api/pulse/slo/entities/component/default/checkout/slos';
const checkoutYaml = readFileSync(path.resolve(__dirname, '../../../../../examples/slos/checkout.yaml'), 'utf8');
const as = (user: string) => ({ Authorization: mockCredentials.user.header(user) });

describe.each(databases.eachSupportedId())('Sloth, Pyrra and OpenSLO export on %p', databaseId => {
  const startBackend = async () =>
    startPulseTestBackend(await databases.init(databaseId), {
      entities: [component('checkout', 'payments'), team('payments'), team('search')],
      features: [platformOnlyPermissions, ownershipUserInfo],
    });
  const bob = as('user:default/bob'); // payments: owns checkout

  /**
   * PUT `body` as `sloName`, read it back as OpenSLO YAML, PUT that YAML again: the stored definition must not change.
   * Returns the stored definition.
   */
  async function roundTrip(server: any, sloName: string, body: string | object) {
    const put = request(server).put(`${CHECKOUT}/${sloName}`).set(bob);
    const created = await (typeof body === 'string' ? put.set('Content-Type', 'application/yaml') : put).send(body);
    expect(created.status).toBe(201);

    const asJson = await request(server).get(`${CHECKOUT}/${sloName}?format=openslo`).set(bob);
    expect(asJson.status).toBe(200);
    expect(asJson.type).toBe('application/json');
    expect(asJson.body).toEqual(created.body.definition);

    const asYaml = await request(server).get(`${CHECKOUT}/${sloName}?format=openslo&as=yaml`).set(bob);
    expect(asYaml.status).toBe(200);
    expect(asYaml.type).toBe('application/yaml');
    expect(parse(asYaml.text)).toEqual(created.body.definition);

    const again = await request(server)
      .put(`${CHECKOUT}/${sloName}`)
      .set(bob)
      .set('Content-Type', 'application/yaml')
      .send(asYaml.text);
    expect(again.status).toBe(200);
    expect(again.body.definition).toEqual(created.body.definition);
    return created.body.definition;
  }

  it('round-trips a Sloth SLO through the OpenSLO it is stored as', async () => {
    const server = await startBackend();
    const definition = await roundTrip(server, 'search-queries', slothSearch);
    expect(definition).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'search-queries', annotations: { 'pulse.dev/converted-from': 'sloth.slok.dev/v1 PrometheusServiceLevel search' } },
      spec: {
        description: 'Search queries that do not fail',
        service: 'search',
        timeWindow: [{ duration: '30d', isRolling: true }],
        // 99.9% = 0.999.
        objectives: [{ target: 0.999 }],
      },
    });
    expect(definition.spec.indicator.spec.ratioMetric.bad.metricSource.spec.query).toBe(
      '(sum(rate(search_queries_total{outcome="error"}[{{.window}}]))) * {{.windowSeconds}}',
    );
  });

  it('round-trips a Pyrra SLO sent as JSON', async () => {
    const server = await startBackend();
    const definition = await roundTrip(server, 'cart-api-errors', parse(pyrraRatio));
    expect(definition.spec).toMatchObject({ timeWindow: [{ duration: '4w', isRolling: true }], objectives: [{ target: 0.9925 }] });
  });

  it('round-trips an OpenSLO SLO, and answers YAML to an Accept that prefers it', async () => {
    const server = await startBackend();
    const definition = await roundTrip(server, 'checkout-availability', checkoutYaml);
    expect(definition.spec.objectives).toEqual([{ displayName: '99.9% of requests succeed', target: 0.999 }]);

    const accepted = await request(server)
      .get(`${CHECKOUT}/checkout-availability`)
      .set(bob)
      .set('Accept', 'application/yaml, application/json;q=0.5');
    expect(accepted.type).toBe('application/yaml');
    expect(parse(accepted.text)).toEqual(definition);
    // Without format or a YAML Accept, the stored SLO as before.
    const stored = await request(server).get(`${CHECKOUT}/checkout-availability`).set(bob);
    expect(stored.body).toMatchObject({ name: 'checkout-availability', source: 'api', definition });
  });

  it('refuses what a PUT or GET cannot take with a 400 naming the field', async () => {
    const server = await startBackend();
    const putYaml = (sloName: string, text: string) =>
      request(server).put(`${CHECKOUT}/${sloName}`).set(bob).set('Content-Type', 'application/yaml').send(text);
    const pathsOf = (res: request.Response) => {
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };

    // A PUT defines one SLO: a Sloth resource with two entries is for annotation discovery.
    const two = await putYaml('checkout-requests', slothCheckout);
    expect(pathsOf(two)).toEqual(['spec.slos']);
    expect(two.body.errors[0].message).toContain('got 2');
    expect(pathsOf(await putYaml('other-name', slothSearch))).toEqual(['spec.slos.0.name']);
    expect(pathsOf(await request(server).put(`${CHECKOUT}/other-name`).set(bob).send(parse(pyrraRatio)))).toEqual(['metadata.name']);
    expect(pathsOf(await putYaml('search-queries', `${checkoutYaml}\n---\n${slothSearch}`))).toEqual(['documents.1.apiVersion']);
    expect(pathsOf(await putYaml('search-queries', slothSearch.replace('objective: 99.9', 'objective: 100')))).toEqual([
      'spec.slos.0.objective',
    ]);
    expect((await request(server).get(`${CHECKOUT}/search-queries`).set(bob)).status).toBe(404);

    await putYaml('checkout-availability', checkoutYaml).expect(201);
    const get = (query: string) => request(server).get(`${CHECKOUT}/checkout-availability?${query}`).set(bob);
    expect(pathsOf(await get('format=sloth'))).toEqual(['format']);
    expect(pathsOf(await get('as=yaml'))).toEqual(['as']);
    expect(pathsOf(await get('format=openslo&as=toml'))).toEqual(['as']);
    expect((await request(server).get(`${CHECKOUT}/unknown?format=openslo`).set(bob)).status).toBe(404);
  });

  it('lets only the owners define an SLO from Sloth: a stranger and an unlisted service get 403', async () => {
    const server = await startBackend();
    const put = (who: Record<string, string>) =>
      request(server).put(`${CHECKOUT}/search-queries`).set(who).set('Content-Type', 'application/yaml').send(slothSearch);
    expect((await put(as('user:default/ada'))).status).toBe(403); // ada is in search, a stranger to checkout
    expect((await put(service)).status).toBe(403); // external:test-service is not under pulse.slo.writers
    expect((await request(server).get(`${CHECKOUT}/search-queries`).set(bob)).status).toBe(404);
    expect((await put(bob)).status).toBe(201);
  });
});
