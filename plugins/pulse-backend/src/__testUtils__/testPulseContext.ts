import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseCatalog } from '../service/catalog/PulseCatalog';
import { readPulseConfig } from '../service/config/readPulseConfig';
import { PulseContext } from '../service/context';

/** A PulseContext for tests that call services directly: mock core services, a mock catalog, config as given. */
export function testPulseContext(store: PulseStore, options: { config?: object; entities?: Entity[] } = {}): PulseContext {
  const config = mockServices.rootConfig({ data: options.config ?? {} });
  const logger = mockServices.logger.mock();
  const auth = mockServices.auth();
  const catalog = catalogServiceMock({ entities: options.entities ?? [] });
  return {
    store,
    config,
    pulseConfig: readPulseConfig(config, logger),
    logger,
    auth,
    catalog,
    pulseCatalog: new PulseCatalog(catalog, auth),
    auditor: mockServices.auditor.mock(),
    notifications: { send: jest.fn(async () => {}) },
  } as unknown as PulseContext;
}
