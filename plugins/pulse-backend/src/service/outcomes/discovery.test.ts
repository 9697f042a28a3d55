import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testPulseContext } from '../../__testUtils__/testPulseContext';
import { conversionYaml, npsDocument } from './__testUtils__/outcomesBackend';
import { discoverAnnotatedOutcomes } from './discovery';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const located = (kind: string, name: string, dir: string, files: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'pulse.dev/outcomes': files, 'backstage.io/managed-by-location': `file:${dir}/catalog-info.yaml` },
  },
  spec: {},
});

describe('discoverAnnotatedOutcomes', () => {
  it('reads the YAML files of entities and teams, skips a bad document naming its field, prunes removed ones', async () => {
    const store = await PulseStore.fromClient(await databases.init('SQLITE_3'));
    const dir = mkdtempSync(path.join(tmpdir(), 'pulse-outcomes-'));
    writeFileSync(path.join(dir, 'checkout.yaml'), conversionYaml);
    // Two documents: the team's NPS (good) and one whose target contradicts its direction.
    const bad = conversionYaml.replace('checkout-conversion', 'wrong-way').replace('target: 3.0', 'target: 1.0');
    writeFileSync(path.join(dir, 'team.yaml'), `${JSON.stringify(npsDocument)}\n---\n${bad}`);
    const ctx = testPulseContext(store, {
      entities: [located('Component', 'checkout', dir, './checkout.yaml'), located('Group', 'payments', dir, './team.yaml')],
    });

    expect(await discoverAnnotatedOutcomes(ctx, 1000)).toEqual({ owners: 2, upserted: 2, skipped: 1 });
    expect((await store.outcomes.listOutcomes()).map(o => [o.ownerRef, o.id, o.source, o.sourceLocation])).toEqual([
      ['component:default/checkout', 'checkout-conversion', 'annotation', `file:${path.join(dir, 'checkout.yaml')}`],
      ['group:default/payments', 'team-nps', 'annotation', `file:${path.join(dir, 'team.yaml')}`],
    ]);
    expect(ctx.logger.warn).toHaveBeenCalledWith(expect.stringContaining('spec.keyResult.target'));

    // The team's file now holds only the fixed document: team-nps is gone from it and pruned.
    writeFileSync(path.join(dir, 'team.yaml'), bad.replace('target: 1.0', 'target: 3.0'));
    expect(await discoverAnnotatedOutcomes(ctx, 2000)).toEqual({ owners: 2, upserted: 2, skipped: 0 });
    expect((await store.outcomes.listOutcomes(['group:default/payments'])).map(o => o.id)).toEqual(['wrong-way']);
  });
});
